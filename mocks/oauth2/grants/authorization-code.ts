import type { GrantModule, ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { issueTokens } from '../issue.ts'
import { s256 } from '../pkce.ts'
import { revokeGrant } from '../state.ts'
import type { CodeRecord, IssuedTokens, OAuthClient } from '../types.ts'
import { checkBinding, type Presented } from './code-binding.ts'

/**
 * `grant_type=authorization_code` (RFC 6749 §4.1.3):
 * - `code` missing → `invalid_request`; unknown or expired → `invalid_grant` (one answer).
 * - Single use (§4.1.2 "MUST NOT use the authorization code more than once"; RFC 9700 §4.2.4 "MUST be
 *   invalidated … after their first use"): redemption is one synchronous claim — nothing awaits between reading
 *   the code and marking it, so of any number of concurrent redemptions exactly one wins.
 * - A second redemption → `invalid_grant`, and with `codeReuseRevokesGrant` every token of the first is revoked
 *   (RFC 9700 §4.2.4 SHOULD; fosite: "If an authorize code is used twice, we revoke all refresh and access tokens").
 * - Its bindings (client, redirect URI, PKCE) are checked first (code-binding.ts): a refused exchange keeps the
 *   code, unless the policy says `failedExchangeBurnsCode`.
 */
export const authorizationCodeGrant: GrantModule = {
  type: 'authorization_code',
  params: ['code', 'redirect_uri', 'code_verifier'],
  async handle(params, client, ctx) {
    const { mutants } = ctx.state
    const code = params.get('code')
    if (code === undefined && !mutants.has('missing-param-invalid-grant')) throw oauthError('invalid_request', 'code is missing.')
    const verifier = params.get('code_verifier')
    const verifierS256 = verifier === undefined ? undefined : await s256(verifier, mutants.has('pkce-s256-padded') ? 'base64' : 'base64url')
    const presented: Presented = { code: code ?? '', redirectUri: params.get('redirect_uri'), verifier, verifierS256 }
    if (mutants.has('code-await-race')) return racyRedeem(presented, client, ctx)
    // The `code-scope-from-request` defect: the token request's scope, when sent, wins over the consented one.
    const asked = mutants.has('code-scope-from-request') ? params.get('scope')?.split(' ').filter(Boolean) : undefined
    return redeem(presented, client, ctx, asked)
  },
}

function redeem(presented: Presented, client: OAuthClient, ctx: ServerContext, asked?: readonly string[]): IssuedTokens {
  const { state } = ctx
  const found = state.codes.find(presented.code)
  if (!found) throw oauthError('invalid_grant', undefined, { submitted: presented.code })
  const burnFirst = state.policy.failedExchangeBurnsCode || state.mutants.has('failed-exchange-burns-code')
  if (burnFirst) claim(presented.code, ctx)
  else if (found.redeemed && !state.mutants.has('code-reusable')) reused(found, presented.code, ctx)
  checkBinding(found, client, presented, ctx)
  if (!burnFirst) claim(presented.code, ctx)
  return issueTokens(state, client, { grantId: found.grantId, userId: found.userId, scopes: asked ?? found.scopes })
}

/** Marks the code redeemed, or treats the call as a reuse when another call already did. */
function claim(code: string, ctx: ServerContext): void {
  const reusable = ctx.state.mutants.has('code-reusable')
  const claimed = ctx.state.codes.claim(code, (c) => reusable || !c.redeemed, (c) => ({ ...c, redeemed: true }))
  if (!claimed) throw oauthError('invalid_grant', undefined, { submitted: code })
  if (!claimed.won) reused(claimed.value, code, ctx)
}

function reused(found: CodeRecord, code: string, ctx: ServerContext): never {
  const { policy, mutants } = ctx.state
  if (policy.codeReuseRevokesGrant && !mutants.has('code-reuse-keeps-tokens')) revokeGrant(ctx.state, found.grantId)
  throw oauthError('invalid_grant', 'The authorization code has already been used.', { submitted: code })
}

/** The `code-await-race` defect: read, await a storage round trip, then mark without looking again. */
async function racyRedeem(presented: Presented, client: OAuthClient, ctx: ServerContext): Promise<IssuedTokens> {
  const found = ctx.state.codes.find(presented.code)
  if (!found) throw oauthError('invalid_grant', undefined, { submitted: presented.code })
  if (found.redeemed) reused(found, presented.code, ctx)
  checkBinding(found, client, presented, ctx)
  await new Promise((resolve) => setTimeout(resolve, 1))
  ctx.state.codes.claim(presented.code, () => true, (c) => ({ ...c, redeemed: true }))
  return issueTokens(ctx.state, client, { grantId: found.grantId, userId: found.userId, scopes: found.scopes })
}
