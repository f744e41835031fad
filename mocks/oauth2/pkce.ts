import { safeEqual } from '../core/random.ts'

/**
 * PKCE (RFC 7636), S256 only:
 * - §4.1/§4.2: verifier and challenge are 43–128 characters of `[A-Za-z0-9-._~]`.
 * - §4.6: `BASE64URL(SHA256(code_verifier)) == code_challenge`, else `invalid_grant`; compared in constant time.
 * - RFC 9700 §2.1.1: "S256 is the only such method" — `plain` is refused at the authorization endpoint.
 * The digest is Web Crypto's (asynchronous), so the token endpoint computes it before its synchronous part.
 */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/

export async function s256(verifier: string, encoding: 'base64url' | 'base64' = 'base64url'): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
  let binary = ''
  for (const b of digest) binary += String.fromCharCode(b)
  // `base64` (standard alphabet, padded) is only the `pkce-s256-padded` defect's.
  return encoding === 'base64' ? btoa(binary) : btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Whether a verifier (already hashed by `s256`) proves the stored challenge; `format: false` leaves its shape to the caller. */
export function verifierMatches(verifier: string, verifierS256: string, challenge: string, options: { format?: boolean } = {}): boolean {
  return (options.format === false || PKCE_VALUE.test(verifier)) && safeEqual(verifierS256, challenge)
}
