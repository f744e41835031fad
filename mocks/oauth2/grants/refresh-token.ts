import type { GrantModule } from '../context.ts'
import { oauthError } from '../errors.ts'
import { issueTokens } from '../issue.ts'
import { generationLink, revokeGrant } from '../state.ts'

/**
 * `grant_type=refresh_token` (RFC 6749 §6), rotating (RFC 9700 §4.14.2):
 * - `refresh_token` missing → `invalid_request`; unknown, expired, revoked, or another client's (§10.4 "MUST
 *   maintain the binding between a refresh token and the client") → `invalid_grant`.
 * - Every refresh returns a new refresh token and the used one becomes a tombstone; presenting a tombstone is a
 *   replay: the whole family (every token of the grant) is revoked (§4.14.2; fosite `handleRefreshTokenReuse`).
 * - The access tokens issued with the used refresh token are revoked too (fosite `flow_refresh.go`; Frame.io C2C:
 *   "Upon successful token refresh, your previous credentials become invalid.").
 * - `scope` is ignored, as Hydra does: the new tokens carry the originally granted scope, never more (§6 "MUST NOT
 *   include any scope not originally granted").
 */
export const refreshTokenGrant: GrantModule = {
  type: 'refresh_token',
  params: ['refresh_token', 'scope'],
  handle(params, client, ctx) {
    const { state } = ctx
    const { mutants } = state
    const value = params.get('refresh_token') ?? ''
    if (!params.has('refresh_token') && !mutants.has('missing-param-invalid-grant')) throw oauthError('invalid_request', 'refresh_token is missing.')
    if (client.secret === undefined && mutants.has('refresh-public-refused')) throw oauthError('unauthorized_client', 'Public clients may not refresh.')
    const found = state.refreshTokens.find(value)
    if (!found) throw oauthError('invalid_grant', undefined, { submitted: value })
    if (found.clientId !== client.id && !mutants.has('refresh-client-unbound')) throw oauthError('invalid_grant', 'The refresh token was issued to another client.', { submitted: value })
    const replay = () => {
      if (!mutants.has('refresh-replay-keeps-family')) revokeGrant(state, found.grantId)
      return oauthError('invalid_grant', 'The refresh token was already used.', { submitted: value })
    }
    if (found.rotated) throw replay()
    const asked = params.get('scope')?.split(' ').filter(Boolean)
    const scopes = mutants.has('refresh-scope-widened') && asked?.length ? asked : found.scopes
    const grant = { grantId: found.grantId, userId: found.userId, scopes }
    if (mutants.has('refresh-not-rotated')) return { ...issueTokens(state, client, grant, { refresh: false }), refreshToken: value }
    const claimed = state.refreshTokens.claim(value, (r) => !r.rotated, (r) => ({ ...r, rotated: true }))
    if (!claimed?.won) throw replay()
    if (!mutants.has('refresh-keeps-old-access')) state.accessTokens.destroyLinked(generationLink(found.generation))
    // Two narrowing defects: the new access token gets a narrower scope asked for, or the whole rotated grant does.
    const narrower = asked?.length && asked.every((s) => found.scopes.includes(s)) ? asked : undefined
    if (narrower && mutants.has('refresh-scope-narrows-grant')) return issueTokens(state, client, { ...grant, scopes: narrower })
    if (narrower && mutants.has('refresh-scope-narrowed')) return issueTokens(state, client, grant, { accessScopes: narrower })
    return issueTokens(state, client, grant)
  },
}
