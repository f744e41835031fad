import type { ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { PKCE_VALUE, verifierMatches } from '../pkce.ts'
import type { CodeRecord, OAuthClient } from '../types.ts'

export interface Presented {
  code: string
  redirectUri: string | undefined
  verifier: string | undefined
  /** BASE64URL(SHA256(verifier)), computed before the synchronous part. */
  verifierS256: string | undefined
}

/**
 * What a code is bound to, checked before it is redeemed (so a refused exchange leaves it usable, as fosite and
 * GoToSocial do), every failure `invalid_grant`:
 * - RFC 6749 §4.1.3: "ensure that the authorization code was issued to the authenticated confidential client, or
 *   if the client is public, ensure that the code was issued to client_id in the request".
 * - §4.1.3: `redirect_uri` "present if … included in the initial authorization request, and if included ensure
 *   that their values are identical" (compared as sent). Omitted there, it may be omitted here or be the one
 *   registered URI the code went to (fosite checks only when it was sent).
 * - RFC 7636 §4.6: the verifier proves the challenge; RFC 9700 §2.1.1 "MUST enforce the correct usage of
 *   code_verifier"; §4.8.2: a verifier for a code issued without a challenge is refused (PKCE downgrade).
 */
export function checkBinding(found: CodeRecord, client: OAuthClient, presented: Presented, ctx: Pick<ServerContext, 'state'>): void {
  const { mutants } = ctx.state
  const refuse = (hint: string) => oauthError('invalid_grant', hint, { submitted: presented.code })
  if (found.clientId !== client.id && !mutants.has('code-client-unbound')) throw refuse('The authorization code was issued to another client.')
  // Omitted at authorize (a client with one registered URI): the token request may omit it too, or name that URI.
  const expected = found.redirectUriSent === undefined && presented.redirectUri === undefined ? undefined : (found.redirectUriSent ?? found.redirectUri)
  if (presented.redirectUri !== expected && !mutants.has('code-redirect-unbound')) throw refuse('redirect_uri differs from the one in the authorization request.')
  if (mutants.has('pkce-verifier-ignored')) return
  const { verifier, verifierS256 } = presented
  const { challenge, challengeMethod } = mutants.has('pkce-challenge-per-client') ? (latest.get(ctx.state)?.get(holderOf(found)) ?? found) : found
  if (challenge === undefined) {
    if (verifier !== undefined && !mutants.has('pkce-downgrade-accepted')) throw refuse('code_verifier was sent, but the authorization request had no code_challenge.')
    return
  }
  if (verifier === undefined || verifierS256 === undefined) throw refuse('code_verifier is missing.')
  const formatted = mutants.has('pkce-verifier-format-unchecked') || PKCE_VALUE.test(verifier)
  const proven = challengeMethod === 'plain' ? verifier === challenge : formatted && verifierMatches(verifier, verifierS256, challenge, { format: false })
  if (!proven) throw refuse('The PKCE code challenge did not match the code verifier.')
}

/**
 * The `pkce-challenge-per-client` defect keeps the challenge where a hand-rolled server often does — one per client
 * and user (their session), overwritten by each authorization request — instead of with each code.
 */
const latest = new WeakMap<object, Map<string, Pick<CodeRecord, 'challenge' | 'challengeMethod'>>>()
const holderOf = (code: Pick<CodeRecord, 'clientId' | 'userId'>) => `${code.clientId} ${code.userId}`

/** Records an issued code's challenge as its client's and user's latest (read only under the defect). */
export function rememberChallenge(state: object, code: Pick<CodeRecord, 'clientId' | 'userId' | 'challenge' | 'challengeMethod'>): void {
  let byHolder = latest.get(state)
  if (!byHolder) latest.set(state, (byHolder = new Map()))
  byHolder.set(holderOf(code), { challenge: code.challenge, challengeMethod: code.challengeMethod })
}
