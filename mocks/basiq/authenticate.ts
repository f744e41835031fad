import { readAuthorization } from '../core/authorization.ts'
import { pathOf } from '../core/http.ts'
import { basiqErrors } from './errors.ts'
import type { BasiqPrincipal, BasiqState, UserRecord } from './state.ts'
import { verifyToken } from './tokens.ts'

/**
 * Basiq's bearer check on every route but `/token`, in this order:
 * 1. no `Authorization`, a scheme other than Bearer (case-insensitive, RFC 9110 §11.1), no token, or a token that
 *    is not a valid JWT of this service (bad signature, edited claims, `alg: none` or another algorithm, another
 *    key) → 401 `invalid-authorization-token` "Invalid authorization token." without detail (recorded,
 *    getInstitutionsUnauthorized.json). RFC 6750 §3 wants a WWW-Authenticate challenge; none is documented.
 * 2. a well-signed token past its `exp` on the instance clock → **403** `access-denied` "Token has expired"
 *    (recorded, getUserForbidden.json), not RFC 6750's 401 `invalid_token`.
 * Later requests need no `basiq-version`; one sent is ignored (versioning-1.md L17; the SDK always sends it).
 * Tokens stay valid until `exp` whatever happens to their key later: they are stateless JWTs (decision).
 * Synchronous (the JWT's HMAC included), so a bearer route answers without a promise.
 */
export function authenticate(request: Request, state: BasiqState): BasiqPrincipal {
  const { mutants } = state
  let header = readAuthorization(request)
  // The `jobs-token-from-query` defect: job status reads the Consent UI's ?token= instead of the header.
  if (mutants.has('jobs-token-from-query') && pathOf(request.url).startsWith('/jobs/')) {
    const query = new URL(request.url).searchParams.get('token')
    header = query ? { kind: 'present', scheme: 'bearer', value: query, raw: `Bearer ${query}` } : { kind: 'absent' }
  }
  // The `query-token-accepted` defect: without a header, a token in the query string (RFC 6750 §2.3's access_token, or the Consent UI's token).
  if (header.kind === 'absent' && mutants.has('query-token-accepted')) {
    const params = new URL(request.url).searchParams
    const query = params.get('access_token') ?? params.get('token')
    if (query) header = { kind: 'present', scheme: 'bearer', value: query, raw: `Bearer ${query}` }
  }
  if (header.kind === 'absent') throw basiqErrors.invalidToken()
  const token = header.value
  // The `scheme-not-checked` and `bearer-case-sensitive` defects.
  const schemeOk = mutants.has('scheme-not-checked') || (mutants.has('bearer-case-sensitive') ? header.raw.startsWith('Bearer ') : header.scheme === 'bearer')
  if (!schemeOk || !token || token.includes(' ')) throw basiqErrors.invalidToken()
  if (mutants.has('version-required-later') && !request.headers.get('basiq-version')) throw basiqErrors.versionMissing()
  // The `expiry-unchecked-accounts` defect: GET /users/{userId}/accounts takes a token past its exp.
  const skipExpiry = mutants.has('expiry-unchecked-accounts') && /^\/users\/[^/]+\/accounts/.test(pathOf(request.url))
  const verified = verifyToken(token, skipExpiry ? { ...state, mutants: new Set([...mutants, 'ignore-expiry' as const]) } : state)
  if (verified.ok) return verified.principal
  if (verified.reason === 'expired' && !mutants.has('expired-as-401')) throw basiqErrors.tokenExpired()
  throw basiqErrors.invalidToken()
}

/**
 * A route only SERVER_ACCESS may call → 403 `forbidden-access` "Access to this resource is forbidden" for a
 * CLIENT_ACCESS token (ERR L879: "Incorrect/missing scope … You likely need to supply scope=SERVER_ACCESS"),
 * checked before which user the route names: a client token is refused there for its own user too.
 */
export function requireServer(principal: BasiqPrincipal, state: BasiqState): void {
  if (principal.scope === 'SERVER_ACCESS' || state.mutants.has('scope-not-enforced')) return
  throw state.mutants.has('forbidden-as-401') ? basiqErrors.invalidToken() : basiqErrors.scopeForbidden()
}

/** What a userId or jobId may look like; anything else is "User ID value is not valid" (ERR L1253). */
export const VALID_ID = /^[A-Za-z0-9-]{1,64}$/

/**
 * The user a route names, as this token may see it:
 * 1. a CLIENT_ACCESS token bound to another user (or to none) → 401 `unauthorized-access` "You are not
 *    authorized to access this resource" (ERR L1491), before the id is even read, so it learns nothing;
 * 2. an id of the wrong shape → 400 "User ID value is not valid";
 * 3. no such user in the token's application → 404 "Requested user does not exist." (recorded userNotFound.json;
 *    ERR L2201 "resources are restricted to their designated applications").
 */
export function userFor(principal: BasiqPrincipal, userId: string, state: BasiqState): UserRecord {
  const { mutants } = state
  const bound = principal.scope === 'CLIENT_ACCESS' || mutants.has('ownership-for-server-tokens')
  if (bound && principal.userId !== userId && !mutants.has('cross-user-access')) throw basiqErrors.otherUser()
  if (!VALID_ID.test(userId)) throw basiqErrors.userIdNotValid()
  const user = state.users.get(userId)
  if (!user || (user.applicationId !== principal.applicationId && !mutants.has('cross-application-users'))) {
    throw mutants.has('user-not-found-403') ? basiqErrors.scopeForbidden() : basiqErrors.userNotFound()
  }
  return user
}

const JSON_RANGE = /^(?:\*\/\*|application\/\*|application\/json)$/i

/** An `Accept` that rules JSON out → 400 `unsupported-accept` (ERR L939); no `Accept` means any. */
export function requireJson(request: Request): void {
  const accept = request.headers.get('accept')
  if (accept === null || accept.trim() === '') return
  const ranges = accept.split(',').map((r) => r.split(';')[0]!.trim())
  if (!ranges.some((r) => JSON_RANGE.test(r))) throw basiqErrors.acceptNotSupported()
}
