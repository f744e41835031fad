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

/** Compares two secrets in time that does not depend on where they first differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a)
  const right = new TextEncoder().encode(b)
  let diff = left.length ^ right.length
  for (let i = 0; i < left.length; i++) diff |= left[i]! ^ (right[i % Math.max(right.length, 1)] ?? 0)
  return diff === 0
}
