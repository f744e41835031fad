import { NO_STORE } from '../../core/http.ts'
import type { ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { queryParams } from '../params.ts'
import { revokeGrant } from '../state.ts'
import { authenticateClient } from './client-auth.ts'
import { tokenParams } from './token-endpoint.ts'

/**
 * Token revocation (RFC 7009):
 * - §2.1: POST, a form with `token` (else `invalid_request`) and the client's authentication as at the token
 *   endpoint (client-auth.ts). `token_type_hint` only orders the search: both kinds are always searched
 *   ("MUST extend its search across all of its supported token types").
 * - §2.1: a refresh token's revocation "SHOULD also invalidate all access tokens based on the same authorization
 *   grant": with `revokes: 'grant'` (Frame.io, Hydra) either kind revokes the whole grant.
 * - §2.2: 200 for a revoked token and for an invalid one (unknown, expired, already revoked, a used refresh token).
 * - Another client's token: `foreignToken: 'ignore'` answers 200 and revokes nothing (Hydra), `'refuse'` 403.
 * - 200 with an empty body and `Cache-Control: no-store`.
 */
export async function revokeEndpoint(request: Request, ctx: ServerContext): Promise<Response> {
  const { state, config } = ctx
  const { mutants } = state
  const params = request.method === 'GET' && mutants.has('revoke-via-get') ? queryParams(request) : await tokenParams(request, ctx)
  const client = mutants.has('revoke-unauthenticated') ? undefined : authenticateClient(request, params, ctx)
  const token = params.get('token')
  if (!token) throw oauthError('invalid_request', 'token is missing.')
  // Two defects narrow the search: access tokens never looked up, or only the kind the hint names.
  const hint = mutants.has('revoke-hint-trusted') ? params.get('token_type_hint') : undefined
  const access = mutants.has('revoke-refresh-only') || hint === 'refresh_token' ? undefined : state.accessTokens.find(token)
  const refresh = access || hint === 'access_token' ? undefined : state.refreshTokens.find(token)
  const found = access ?? (refresh && !refresh.rotated ? refresh : undefined)
  const done = () => new Response(null, { status: 200, headers: NO_STORE })
  if (!found && mutants.has('revoke-unknown-refused')) throw oauthError('invalid_request', 'The token is unknown or was revoked already.')
  if (!found) return done()
  if (client && found.clientId !== client.id && !mutants.has('revoke-foreign-token')) {
    if (config.revocation.foreignToken === 'ignore') return done()
    throw oauthError('unauthorized_client', 'The token was issued to another client.', { status: 403 })
  }
  if (config.revocation.revokes === 'grant' && !mutants.has('revoke-token-only')) revokeGrant(state, found.grantId)
  else if (access) state.accessTokens.destroy(token)
  else state.refreshTokens.destroy(token)
  return done()
}
