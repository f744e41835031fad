import { SignJWT, jwtVerify, type JWTPayload, type JWTVerifyResult } from 'jose'
import type { MockClock } from './mock-clock.ts'

/**
 * JWTs signed and verified through jose on the mock instance's clock: jose reads `Date.now()` unless handed
 * `currentDate`, so without this an expiry would ignore `/__mock/clock`. HS256 with a per-host secret; verify
 * accepts exactly the algorithm it signs with (`alg: none` or a switched algorithm is refused).
 *
 * @example
 * const key = await jwtKey()
 * const token = await signJwt({ scope: 'SERVER_ACCESS' }, key, clock, { expiresIn: 3600 })
 * const claims = await verifyJwt(token, key, clock) // undefined once 3600 s have passed on `clock`
 */
export const JWT_ALG = 'HS256'

/** A fresh random signing secret for one host. */
export async function jwtKey(): Promise<Uint8Array> {
  return crypto.getRandomValues(new Uint8Array(32))
}

/** Signs `claims` with `iat` and `exp` on the clock, and a random `jti` unless `id` is null (DADI 4.x+ sends none). */
export async function signJwt(claims: JWTPayload, key: Uint8Array, clock: MockClock, options: { expiresIn: number; subject?: string; id?: string | null }): Promise<string> {
  const now = Math.floor(clock.now() / 1000)
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: JWT_ALG, typ: 'JWT' }).setIssuedAt(now).setExpirationTime(now + options.expiresIn)
  if (options.subject) jwt = jwt.setSubject(options.subject)
  if (options.id !== null) jwt = jwt.setJti(options.id ?? crypto.randomUUID())
  return jwt.sign(key)
}

export type VerifyFailure = 'expired' | 'invalid'

/** The verified claims, or why not: `expired` (signature good, `exp` passed on the clock) or `invalid`. */
export async function verifyJwt(token: string, key: Uint8Array, clock: MockClock): Promise<{ ok: true; claims: JWTPayload } | { ok: false; reason: VerifyFailure }> {
  try {
    const result: JWTVerifyResult = await jwtVerify(token, key, { algorithms: [JWT_ALG], currentDate: new Date(clock.now()), clockTolerance: 0 })
    return { ok: true, claims: result.payload }
  } catch (error) {
    return { ok: false, reason: (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' }
  }
}
