const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A random string from a CSPRNG (Web Crypto, so it runs in Node and in a browser under MSW).
 * Rejection sampling keeps every character equally likely.
 *
 * @example randomString(40) // an Exceptionless-style API key
 */
export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2))
    for (const byte of bytes) {
      if (byte < limit) out += alphabet[byte % alphabet.length]
      if (out.length === length) break
    }
  }
  return out
}

/** A random RFC 9562 version 4 UUID, the format DADI API issues as access tokens. */
export function randomUuid(): string {
  return crypto.randomUUID()
}

/**
 * Compares two secrets in time that does not depend on where they first differ (UTF-16 code units, no
 * allocation: it runs on every token request).
 */
export function safeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  const n = b.length || 1
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.charCodeAt(i % n) | 0)
  return diff === 0
}
