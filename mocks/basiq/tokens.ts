import { decodeJwtUnverified, signJwt, verifyJwt, type JwtClaims, type VerifyFailure } from '../core/jwt.ts'
import { FROZEN_CLOCK } from '../core/mock-clock.ts'
import { randomString } from '../core/random.ts'
import { SCOPES, type BasiqPrincipal, type BasiqState, type Scope } from './state.ts'

/**
 * Basiq's access tokens: HS256 JWTs signed with the host's secret on the instance clock (`mocks/core/jwt.ts`),
 * signed and verified synchronously, so the bearer check adds no promise to a route.
 * No source documents their claims, so clients must not read them; the mock's (facts.md §5, the shape of
 * FluentDevelopment/basiq-api's test tokens): `applicationid`, `scope`, `userId` (CLIENT_ACCESS only), `version`,
 * the Trusted-Advisor fields when sent (trusted-advisor.md L29-36), `iat`, `exp`, `jti`.
 */
export function signToken(principal: BasiqPrincipal, state: BasiqState, ttlSeconds: number, extra: Record<string, string> = {}): string {
  if (state.mutants.has('opaque-tokens')) {
    const token = randomString(40)
    state.opaque.set(token, { principal, expires: state.clock.now() + ttlSeconds * 1000 })
    return token
  }
  const claims: JwtClaims = { applicationid: principal.applicationId, scope: principal.scope, ...(principal.userId ? { userId: principal.userId } : {}), version: principal.version, ...extra }
  return signJwt(claims, state.key, state.clock, { expiresIn: ttlSeconds })
}

export type Verified = { ok: true; principal: BasiqPrincipal } | { ok: false; reason: VerifyFailure }

const INVALID: Verified = { ok: false, reason: 'invalid' }
const EXPIRED: Verified = { ok: false, reason: 'expired' }

/**
 * The principal of a token, or why not. The signature is checked (HS256 only: `alg: none` and switched
 * algorithms are refused) before the claims, so a forged token is `invalid` even when its `exp` has passed;
 * only a well-signed token past its `exp` on the instance clock is `expired`.
 */
export function verifyToken(token: string, state: BasiqState): Verified {
  const { mutants, clock } = state
  const ignoreExpiry = mutants.has('ignore-expiry')
  if (mutants.has('opaque-tokens')) {
    const found = state.opaque.get(token)
    if (!found) return INVALID
    return found.expires <= clock.now() && !ignoreExpiry ? EXPIRED : { ok: true, principal: found.principal }
  }
  // Decoded unverified only for the defects that read it: the sound path parses the claims once, after the signature.
  const trusting = mutants.has('expiry-before-signature') || mutants.has('signature-not-checked') || mutants.has('alg-none-accepted')
  const unverified = trusting ? decodeUnverified(token) : undefined
  const expired = (claims: JwtClaims) => !ignoreExpiry && typeof claims.exp === 'number' && claims.exp * 1000 <= clock.now()
  // The `expiry-before-signature` defect: exp read from the unverified payload first.
  if (mutants.has('expiry-before-signature') && unverified && expired(unverified.claims)) return EXPIRED
  // The `signature-not-checked` and `alg-none-accepted` defects: the payload trusted as it is.
  if (unverified && (mutants.has('signature-not-checked') || (mutants.has('alg-none-accepted') && unverified.alg === 'none'))) {
    return expired(unverified.claims) ? EXPIRED : principalOf(unverified.claims)
  }
  const result = verifyJwt(token, state.key, ignoreExpiry ? FROZEN_CLOCK : clock)
  return result.ok ? principalOf(result.claims) : result
}

function decodeUnverified(token: string): { alg: unknown; claims: JwtClaims } | undefined {
  const decoded = decodeJwtUnverified(token)
  return decoded && { alg: decoded.header.alg, claims: decoded.claims }
}

function principalOf(claims: JwtClaims): Verified {
  const { applicationid, scope, userId, version } = claims
  if (typeof applicationid !== 'string' || typeof version !== 'string' || !SCOPES.includes(scope as Scope)) return INVALID
  if (userId !== undefined && typeof userId !== 'string') return INVALID
  return { ok: true, principal: { applicationId: applicationid, scope: scope as Scope, version, ...(userId ? { userId } : {}) } }
}
