import { requestedScopes } from '../authorize/check-scope.ts'
import type { GrantModule } from '../context.ts'
import { oauthError } from '../errors.ts'
import { verifyUser } from '../interaction/login.ts'
import { issueTokens } from '../issue.ts'
import { randomValue } from '../state.ts'

/**
 * The `password-grant` defect only: `grant_type=password` (RFC 6749 §4.3), which RFC 9700 §2.4 says "MUST NOT be
 * used". No API registers it; the token endpoint adds it when the defect is on.
 */
export const passwordGrant: GrantModule = {
  type: 'password',
  params: ['username', 'password', 'scope'],
  handle(params, client, ctx) {
    const user = verifyUser(ctx, params.get('username'), params.get('password'))
    if (!user.ok) throw oauthError('invalid_grant')
    const { scopes } = ctx.state.policy
    const granted = requestedScopes(params.get('scope'), client.scopes, scopes.known, scopes.defaults)
    return issueTokens(ctx.state, client, { grantId: randomValue(), userId: user.user.id, scopes: granted })
  },
}
