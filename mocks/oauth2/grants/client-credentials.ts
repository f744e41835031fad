import { requestedScopes } from '../authorize/check-scope.ts'
import type { GrantModule } from '../context.ts'
import { issueTokens } from '../issue.ts'
import { randomValue } from '../state.ts'

/**
 * `grant_type=client_credentials` (RFC 6749 §4.4): a token for the client itself (no user), with the requested
 * scopes (each registered for the client, else `invalid_scope`) or the server's defaults; no refresh token
 * (§4.4.3 "A refresh token SHOULD NOT be included"). Only for clients registered with this grant: the token
 * endpoint answers the others `unauthorized_client` (Frame.io apps, as on Hydra).
 */
export const clientCredentialsGrant: GrantModule = {
  type: 'client_credentials',
  params: ['scope'],
  handle(params, client, ctx) {
    const { scopes } = ctx.state.policy
    const granted = requestedScopes(params.get('scope'), client.scopes, scopes.known, scopes.defaults)
    return issueTokens(ctx.state, client, { grantId: randomValue(), userId: null, scopes: granted })
  },
}
