import type { JWTPayload } from 'jose'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import type { MockClock } from './mock-clock.ts'
import { safeEqual } from './random.ts'

/**
 * HS256 JWTs (RFC 7519, compact JWS of RFC 7515) signed and verified synchronously on the mock instance's clock,
 * so an expiry follows `/__mock/clock`. HS256 with a per-host secret; verify accepts exactly the algorithm it
 * signs with (`alg: none` or a switched algorithm is refused).
 *
 * Not through jose: jose verifies through Web Crypto, asynchronous, with the raw secret imported on every call
 * (in Node two thread-pool jobs a request, ~100–190 µs of mostly waiting, which made Basiq's token-checked GET
 * ~0.1–0.2× bare node:http). The HMAC here is synchronous (@noble/hashes, pure JavaScript, so the browser bundle has it too),
 * so a bearer route stays on the synchronous response path; a token seen before skips the HMAC (its times are
 * still read on the clock). Verification follows jose's `jwtVerify` with
 * `algorithms: ['HS256']`, `clockTolerance: 0` (the unit tests check both ways: jose accepts what this signs,
 * this accepts what jose signs with the same key and refuses what jose refuses):
 * - three base64url segments; the header a JSON object with `alg` "HS256" and no `crit`; the signature the
 *   HMAC of `header.payload` (compared in its canonical base64url form, whatever differs is refused);
 * - only then the claims: a JSON object; `iat`, `nbf`, `exp` numbers when present; `nbf` not after now;
 *   `exp` after now, both in whole seconds of the clock (`Math.floor(now / 1000)`).
 *
 * @example
 * const key = await jwtKey()
 * const token = signJwt({ scope: 'SERVER_ACCESS' }, key, clock, { expiresIn: 3600 })
 * const result = verifyJwt(token, key, clock) // { ok: false, reason: 'expired' } once 3600 s have passed on `clock`
 */
export const JWT_ALG = 'HS256'

export type JwtClaims = JWTPayload

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
const B64URL = /^[A-Za-z0-9_-]*$/
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** The unpadded base64url form of `bytes` (RFC 7515 §2). */
export function base64url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!
  }
  return out
}

/** A base64url segment as a JSON object, or undefined when it is not one (bad base64url, UTF-8 or JSON). */
function jsonSegment(segment: string): Record<string, unknown> | undefined {
  if (!B64URL.test(segment) || segment.length % 4 === 1) return undefined
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    const value: unknown = JSON.parse(decoder.decode(bytes))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const HEADER = base64url(encoder.encode(JSON.stringify({ alg: JWT_ALG, typ: 'JWT' })))

/** A fresh random signing secret for one host. */
export async function jwtKey(): Promise<Uint8Array> {
  return crypto.getRandomValues(new Uint8Array(32))
}

/** The base64url HMAC-SHA-256 of a JWS signing input (`header.payload`). */
function signatureOf(input: string, key: Uint8Array): string {
  return base64url(hmac(sha256, key, encoder.encode(input)))
}

/**
 * Signs `claims` (header `{"alg":"HS256","typ":"JWT"}`) with `iat` and `exp` on the clock, `sub` when given,
 * and a random `jti` unless `id` is null (DADI 4.x+ sends none): the claims in jose's `SignJWT` order.
 */
export function signJwt(claims: JwtClaims, key: Uint8Array, clock: MockClock, options: { expiresIn: number; subject?: string; id?: string | null }): string {
  const now = Math.floor(clock.now() / 1000)
  const payload: JwtClaims = { ...claims, iat: now, exp: now + options.expiresIn }
  if (options.subject) payload.sub = options.subject
  if (options.id !== null) payload.jti = options.id ?? crypto.randomUUID()
  const input = `${HEADER}.${base64url(encoder.encode(JSON.stringify(payload)))}`
  return `${input}.${signatureOf(input, key)}`
}

export interface DecodedJwt {
  header: Record<string, unknown>
  claims: JwtClaims
}

/**
 * The header and claims of a compact JWT as they read, signature NOT checked (for the defects that trust an
 * unverified token); undefined when it is not three segments of base64url JSON objects.
 */
export function decodeJwtUnverified(token: string): DecodedJwt | undefined {
  const first = token.indexOf('.')
  const second = token.indexOf('.', first + 1)
  if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) return undefined
  const h = token.slice(0, first)
  const header = h === HEADER ? { alg: JWT_ALG, typ: 'JWT' } : jsonSegment(h)
  const claims = header && jsonSegment(token.slice(first + 1, second))
  return claims ? { header, claims } : undefined
}

export type VerifyFailure = 'expired' | 'invalid'
export type VerifyResult = { ok: true; claims: JwtClaims } | { ok: false; reason: VerifyFailure }

const INVALID: VerifyResult = Object.freeze({ ok: false, reason: 'invalid' })
const EXPIRED: VerifyResult = Object.freeze({ ok: false, reason: 'expired' })

/** Tokens per key whose signature and claim types have verified, with their claims (frozen); oldest out first. */
const verifiedByKey = new WeakMap<Uint8Array, Map<string, JwtClaims>>()
const MAX_VERIFIED = 10_000

/**
 * The verified claims, or why not: `expired` (signature good, `exp` passed on the clock) or `invalid`.
 * A token already verified under this key is not hashed or parsed again (a client sends the same token for its
 * whole life): its signature cannot have changed, but `nbf` and `exp` are read against the clock every time.
 */
export function verifyJwt(token: string, key: Uint8Array, clock: MockClock): VerifyResult {
  let verified = verifiedByKey.get(key)
  if (!verified) verifiedByKey.set(key, (verified = new Map()))
  let claims = verified.get(token)
  if (!claims) {
    claims = verifySignature(token, key)
    if (!claims) return INVALID
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!)
    verified.set(token, claims)
  }
  const { nbf, exp } = claims as { nbf?: number; exp?: number }
  const now = Math.floor(clock.now() / 1000)
  if (nbf !== undefined && nbf > now) return INVALID
  if (exp !== undefined && exp <= now) return EXPIRED
  return { ok: true, claims }
}

/** The claims of a token whose header, signature and claim types hold (not yet its times), frozen; else undefined. */
function verifySignature(token: string, key: Uint8Array): JwtClaims | undefined {
  const first = token.indexOf('.')
  const second = token.indexOf('.', first + 1)
  if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) return undefined
  const h = token.slice(0, first)
  if (h !== HEADER) {
    const header = jsonSegment(h)
    if (!header || header.alg !== JWT_ALG || header.crit !== undefined) return undefined
  }
  // The signature before anything is read from the claims: a forged token is invalid, expired or not.
  const input = token.slice(0, second)
  if (!safeEqual(token.slice(second + 1), signatureOf(input, key))) return undefined
  const claims = jsonSegment(token.slice(first + 1, second)) as JwtClaims | undefined
  if (!claims) return undefined
  const { iat, nbf, exp } = claims
  if ((iat !== undefined && typeof iat !== 'number') || (nbf !== undefined && typeof nbf !== 'number') || (exp !== undefined && typeof exp !== 'number')) return undefined
  return Object.freeze(claims)
}

