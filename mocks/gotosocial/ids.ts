/**
 * GoToSocial's identifiers and secrets, in its formats:
 * - ids are ULIDs (26 Crockford base32 characters, time first), as `id.NewULID()`;
 * - client secrets are UUIDv4 strings;
 * - codes and access tokens are the base64url of a UUIDv4 *string*, upper-cased, unpadded: 48 characters of
 *   `[A-Z0-9_-]` (vendor oauth2/v4 `generates/authorize.go`, `access.go`). That is 122 random bits, under RFC 6749
 *   §10.10's 2^-128: copied, and declared in the catalogue (GTS-OAUTH2-TOKEN-ENTROPY).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A ULID for `ms`; `seed` (any string) makes the random part deterministic (seeded data). */
export function ulid(ms: number, seed?: string): string {
  let time = ''
  let t = Math.max(0, Math.floor(ms))
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time
    t = Math.floor(t / 32)
  }
  let random = ''
  if (seed === undefined) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) random += CROCKFORD[b & 31]
  } else {
    let h = 2166136261
    for (let i = 0; i < 16; i++) {
      for (const c of `${seed}:${i}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
      random += CROCKFORD[(h >>> 0) & 31]
    }
  }
  return time + random
}

export function uuid(): string {
  return crypto.randomUUID()
}

/** A code or access token as GoToSocial mints them. */
export function gtsToken(): string {
  return btoa(crypto.randomUUID()).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').toUpperCase()
}
