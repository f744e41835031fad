import type { AuthorizeCheck } from '../context.ts'
import { oauthError } from '../errors.ts'
import { PKCE_VALUE } from '../pkce.ts'

/**
 * PKCE at the authorization endpoint (RFC 7636, RFC 9700 §2.1.1), all `invalid_request` redirects:
 * - RFC 7636 §4.3: a challenge without a method is `plain`; RFC 9700 §2.1.1: "S256 is the only such method", so
 *   `plain`, a missing method and anything unknown are refused (§4.4.1; fosite: "Clients must use
 *   code_challenge_method=S256, plain is not allowed.").
 * - §4.2: the challenge is 43–128 characters of `[A-Za-z0-9-._~]`; a method without a challenge is malformed.
 * - RFC 9700 §2.1.1 "Public clients MUST use PKCE" (RFC 7636 §4.4.1): with `requiredForPublic`, a public client
 *   without a challenge is refused.
 */
export function checkPkce(options: { requiredForPublic: boolean }): AuthorizeCheck {
  return {
    name: 'pkce',
    kind: 'redirect',
    run(request, ctx) {
      const { mutants } = ctx.state
      const challenge = request.params.get('code_challenge')
      const method = request.params.get('code_challenge_method')
      if (challenge === undefined) {
        if (method !== undefined) throw oauthError('invalid_request', 'code_challenge_method was sent without code_challenge.')
        const isPublic = request.client!.secret === undefined
        if (isPublic && options.requiredForPublic && !mutants.has('public-without-pkce')) throw oauthError('invalid_request', 'Public clients must use PKCE (code_challenge with code_challenge_method=S256).')
        return
      }
      if (!PKCE_VALUE.test(challenge)) throw oauthError('invalid_request', 'code_challenge must be 43 to 128 characters of letters, digits and the marks - . _ ~')
      // The `pkce-method-default-s256` defect takes a challenge without a method for S256 (RFC 7636 §4.3 says plain).
      const s256 = method === 'S256' || (method === undefined && mutants.has('pkce-method-default-s256'))
      const plain = !s256 && (method === undefined || method === 'plain')
      if (!s256 && !(plain && mutants.has('pkce-plain-accepted'))) throw oauthError('invalid_request', 'Clients must use code_challenge_method=S256, plain is not allowed.')
      request.challenge = challenge
      request.challengeMethod = plain ? 'plain' : 'S256'
    },
  }
}
