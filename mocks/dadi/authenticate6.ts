import { decodeJwt } from 'jose'
import { verifyJwt } from '../core/jwt.ts'
import { FROZEN_CLOCK } from '../core/mock-clock.ts'
import { withQueryToken } from './authenticate.ts'
import { readAuthorization } from '../core/authorization.ts'
import { dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import type { DadiState } from './state.ts'

/**
 * 4.x–6.x bearer check (`dadi/lib/auth/index.js` v6.1.0:27-46, `model/acl/index.js`:24-35): the header must match
 * `/^Bearer (.*)$/` and the JWT verify with `auth.tokenKey` and an unexpired `exp`
 * (whole seconds). Nothing is refused at this point: an anonymous request goes on, and each protected route
 * answers 401 API-0005 to it, 403 API-0006 to a client without the permission. Only the header is read.
 */
export async function principal6(request: Request, state: DadiState): Promise<DadiClient | undefined> {
  const { mutants } = state
  const header = withQueryToken(readAuthorization(request), request, state)
  if (header.kind === 'absent') return undefined
  // Case-sensitively, as every 4.x–6.x release does (auth/index.js:31): `bearer <token>` is anonymous. RFC 7235 §2.1
  // says schemes are case-insensitive: a deviation the mock declares (waivers/mock.yaml, DADI-AUTH-SCHEME-CASE).
  const match = /^Bearer (.*)$/.exec(header.raw)
  if (!match) return undefined
  const token = mutants.has('token-trimmed') ? match[1]!.trim() : match[1]!
  let claims = await verified(token, state)
  if (claims === undefined && mutants.has('accept-unknown-token')) claims = state.fixtures.clients[0]!
  if (claims === undefined) return undefined
  if (mutants.has('tokens-cross') && state.lastIssuedTo) claims = state.clients.get(state.lastIssuedTo) ?? claims
  return principalOf(claims, token, state)
}

/**
 * Who a verified token is: the JWT's accessType is trusted (access.js:132-144 — an admin's access is computed, not
 * stored, so a deleted or demoted admin keeps it until `exp`), and a user's grants are read afresh on every request
 * (a change applies at once; a deleted user has none: 403). The `jwt-snapshot-permissions` defect keeps the grants
 * the client had when the token was issued.
 */
function principalOf(claims: { clientId: string; accessType?: string }, token: string, state: DadiState): DadiClient {
  const { clientId, accessType } = claims
  if (accessType === 'admin' || accessType === 'superUser') {
    // The `superuser-not-admin` defect forgets that a superUser is an admin (client.js:307-309): no grants at all.
    if (accessType === 'superUser' && state.mutants.has('superuser-not-admin')) return { clientId, secret: '', accessType: 'user', permissions: { collections: [], endpoints: [] } }
    return { clientId, secret: '', accessType: 'admin' }
  }
  const record = state.mutants.has('jwt-snapshot-permissions') ? (state.jwtSnapshots.get(token) ?? state.clients.get(clientId)) : state.clients.get(clientId)
  return record ?? { clientId, secret: '', accessType: 'user', permissions: { collections: [], endpoints: [] } }
}

/** The claims of a token whose signature and expiry hold (or a defect lets them go). */
async function verified(token: string, state: DadiState): Promise<{ clientId: string; accessType?: string } | undefined> {
  const { mutants } = state
  const claimsOf = (c: Record<string, unknown>) => (typeof c.clientId === 'string' ? { clientId: c.clientId, ...(typeof c.accessType === 'string' ? { accessType: c.accessType } : {}) } : undefined)
  // The `jwt-alg-none` defect: an unsigned token (`alg: none`) is read as it says.
  if (mutants.has('jwt-alg-none') && /^eyJ[\w-]*\.[\w-]+\.$/.test(token)) {
    const header = JSON.parse(atob(token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as { alg?: string }
    if (header.alg === 'none') return claimsOf(decodeJwt(token))
  }
  const grace = mutants.has('expiry-grace') ? { now: () => state.clock.now() - state.fixtures.tokenTtl * 100, advance() {} } : undefined
  const clock = mutants.has('ignore-expiry') ? FROZEN_CLOCK : (grace ?? state.clock)
  const result = await verifyJwt(token, state.tokenKey, clock)
  return result.ok ? claimsOf(result.claims) : undefined
}

/** A protected route's principal: 401 API-0005 without one. */
export async function requireClient6(request: Request, state: DadiState): Promise<DadiClient> {
  const client = await principal6(request, state)
  if (!client) throw dadiErrors.unauthorised()
  return client
}
