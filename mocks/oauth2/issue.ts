import { generationLink, grantLink, randomValue, type OAuth2State } from './state.ts'
import type { IssuedTokens, OAuthClient } from './types.ts'

export interface GrantOf {
  grantId: string
  userId: string | null
  scopes: readonly string[]
}

/**
 * Issues the tokens of one grant: an opaque access token living `lifetimes.accessToken` on the instance clock,
 * and a refresh token when the policy says so for these scopes (Frame.io: only with `offline`, refresh-page) and
 * the client may refresh. Both are linked to the grant, so revoking the grant reaches them.
 * - RFC 6749 §10.10: 258 random bits each. §4.4.3: a client's own token (`userId` null) gets no refresh token.
 * - The access token also carries its refresh generation: the next refresh revokes it (fosite `flow_refresh.go`;
 *   Frame.io C2C: "Upon successful token refresh, your previous credentials become invalid.").
 */
export function issueTokens(state: OAuth2State, client: OAuthClient, grant: GrantOf, options: { refresh?: boolean; accessScopes?: readonly string[] } = {}): IssuedTokens {
  const { policy, mutants } = state
  const generation = randomValue()
  const token = mutants.has('tokens-short') ? shortToken : randomValue
  const accessToken = token()
  const accessLifetime = mutants.has('access-token-never-expires') ? undefined : policy.lifetimes.accessToken
  // `accessScopes`: the `refresh-scope-narrowed` defect's narrower access token (its refresh token keeps the grant's).
  const scopes = options.accessScopes ?? grant.scopes
  const record = { grantId: grant.grantId, clientId: client.id, userId: grant.userId, scopes: mutants.has('token-carries-client-scopes') ? client.scopes : scopes, generation }
  state.accessTokens.upsert(accessToken, record, accessLifetime, [grantLink(grant.grantId), generationLink(generation)])

  let refreshToken: string | undefined
  const wanted = mutants.has('refresh-without-offline') || (policy.refreshIssued?.(grant.scopes, client) ?? false)
  if (options.refresh !== false && grant.userId !== null && wanted && client.grantTypes.includes('refresh_token')) {
    refreshToken = token()
    const refresh = { grantId: grant.grantId, clientId: client.id, userId: grant.userId, scopes: grant.scopes, generation, rotated: false }
    state.refreshTokens.upsert(refreshToken, refresh, mutants.has('refresh-token-never-expires') ? undefined : policy.lifetimes.refreshToken, [grantLink(grant.grantId)])
  }
  const expiresIn = policy.lifetimes.accessToken !== undefined && mutants.has('expires-in-milliseconds') ? policy.lifetimes.accessToken * 1000 : policy.lifetimes.accessToken
  return { accessToken, expiresIn, refreshToken, scopes, issuedAt: state.clock.now() }
}

/** The `tokens-short` defect's tokens: 16 hex characters, 64 bits. */
function shortToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * RFC 6749 §5.1 body in Frame.io's (Hydra's) spelling: lower-case `bearer`, `scope` always sent, keys sorted as
 * Go's JSON encoder writes a map. GoToSocial supplies its own (`Bearer`, `created_at`, no `expires_in`).
 */
export function rfc6749TokenBody(issued: IssuedTokens): Record<string, unknown> {
  return {
    access_token: issued.accessToken,
    ...(issued.expiresIn === undefined ? {} : { expires_in: issued.expiresIn }),
    ...(issued.refreshToken === undefined ? {} : { refresh_token: issued.refreshToken }),
    scope: issued.scopes.join(' '),
    token_type: 'bearer',
  }
}
