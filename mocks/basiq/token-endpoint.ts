import { decodeBasic, readAuthorization } from '../core/authorization.ts'
import { ApiError } from '../core/errors.ts'
import { json, NO_STORE, readBody } from '../core/http.ts'
import { randomString } from '../core/random.ts'
import { basiqErrors } from './errors.ts'
import type { BasiqApiKey } from './fixtures.ts'
import { RateWindow, type BasiqState, type Scope } from './state.ts'
import { signToken, verifyToken } from './tokens.ts'

/**
 * `POST /token` — the API key for a token. The checks, in this order; the first that fails answers:
 * 1. rate limit — more than 1,500 token requests from this client within a sliding 5 minutes (every request
 *    counts, refused ones too) → 403 `access-denied` "Invalid request" (ERR L441; limit: api-rate-limiting.md
 *    L25, which Basiq raises for high-traffic applications on request: a key may carry its own). First, by decision: the limit is per IP over 5 minutes, the shape of an edge rule that sees a request
 *    before the service reads it. The mock cannot see an IP: one mock instance (one test session) is one client.
 * 2. no `Authorization` → 400 `parameter-not-valid` "Authorization header parameter is required" (ERR L159);
 * 3. not `Basic <key>` with the key base64 of `<id>:<secret>` (a Bearer token, an empty key, the key encoded
 *    once more) → 400 "Invalid authorization header" (ERR L395; the live posttoken page). The key is used
 *    verbatim: its two decoded halves sent as client_secret_basic are the same bytes;
 * 4. no or empty `basiq-version` → 400, the recorded body (postTokenBadRequest.json; ERR L279);
 * 5. a version not in 2.0, 2.1, 3.0 → 400 "Version <v> is no longer supported. Please upgrade to the latest
 *    version" (ERR L219, whose action names 2.0–2.1; 3.0 is the stable v3). 1.0, basiq-sdk-nodejs's default, is
 *    refused like 0.9: decision, the documented range excludes it;
 * 6. a key unknown or deleted → 404 `parameter-not-valid` "Unable to authenticate. Please, check your API key"
 *    (recorded, postTokenNotFound.json; ERR L339); a disabled key → 403 `access-denied` "Your account has been
 *    disabled. Please contact Basiq support." (ERR L47);
 * 7. the body: a form (any charset), a JSON object, or nothing (basiq-sdk-nodejs sends an empty JSON body);
 *    anything else → 400 `invalid-content`; unknown fields (grant_type, the Trusted-Advisor org* fields) ignored;
 * 8. `scope` absent → SERVER_ACCESS (recorded in 2.1); not SERVER_ACCESS / CLIENT_ACCESS → 400 `parameter-not-valid`;
 * 9. CLIENT_ACCESS without `userId` → 400 `parameter-not-supplied` under 3.0 (posttoken.md L37-41); 2.x issues
 *    it bound to no user (recorded: test/token TestPostTokenClientAccess);
 * 10. CLIENT_ACCESS for a `userId` not of the key's application → 404 `resource-not-found` "Requested user does
 *    not exist." (decision: undocumented; the recorded user 404, which core.json's /token 404 allows).
 * Success: 200 `{access_token, token_type: "Bearer", expires_in: 3600}`, `Cache-Control: no-store`.
 */
export async function issueToken(request: Request, state: BasiqState): Promise<Response> {
  const { mutants, fixtures } = state
  if (!mutants.has('no-rate-limit') && windowOf(request, state).hit(rateLimit(request, state), { neverReset: mutants.has('rate-limit-never-resets') })) {
    // The `rate-limit-429` defect: RFC 6585's 429 instead of Basiq's documented 403.
    throw mutants.has('rate-limit-429') ? new ApiError({ ...basiqErrors.rateLimited(), status: 429 }) : basiqErrors.rateLimited()
  }
  if (mutants.has('token-as-key')) {
    const reissued = reissue(request, state)
    if (reissued) return reissued
  }
  const key = readKey(request, state)
  let version: string
  let apiKey: BasiqApiKey
  if (mutants.has('version-check-after-key')) {
    apiKey = lookupKey(key, state)
    version = readVersion(request, state)
  } else {
    version = readVersion(request, state)
    apiKey = lookupKey(key, state)
  }
  const { scope, userId, extra } = await readTokenRequest(request, state, version)
  if (scope === 'CLIENT_ACCESS' && userId !== undefined) {
    const user = state.users.get(userId)
    if ((!user || user.applicationId !== apiKey.applicationId) && !mutants.has('unknown-user-token')) throw basiqErrors.userNotFound()
  }
  const principal = { applicationId: apiKey.applicationId, scope, version, ...(scope === 'CLIENT_ACCESS' && userId ? { userId } : {}) }
  const ttl = mutants.has('ttl-mismatch') ? fixtures.tokenTtl / 2 : fixtures.tokenTtl
  return tokenResponse(signToken(principal, state, ttl, scope === 'CLIENT_ACCESS' ? extra : {}), state)
}

/** The client's window (one mock instance is one client); the `rate-limit-per-key` defect keeps one per Authorization value. */
function windowOf(request: Request, state: BasiqState): RateWindow {
  if (!state.mutants.has('rate-limit-per-key')) return state.tokenRequests
  const key = request.headers.get('authorization') ?? ''
  let window = state.tokenRequestsByKey.get(key)
  if (!window) state.tokenRequestsByKey.set(key, (window = new RateWindow(state.fixtures.tokenRateLimit.windowSeconds, state.clock)))
  return window
}

/** The limit for this request: 1,500 per window, or the limit a live key's application carries (raised on request, api-rate-limiting.md; lowered for the suite's `low-limit` test key). */
function rateLimit(request: Request, state: BasiqState): number {
  const header = readAuthorization(request)
  const raised = header.kind === 'present' && header.scheme === 'basic' ? state.keys.get(header.value) : undefined
  return (raised?.status === 'live' ? raised.tokenRateLimit : undefined) ?? state.fixtures.tokenRateLimit.requests
}

function tokenResponse(accessToken: string, state: BasiqState): Response {
  const { mutants, fixtures } = state
  const body = {
    access_token: accessToken,
    token_type: mutants.has('token-type-lowercase') ? 'bearer' : 'Bearer',
    expires_in: mutants.has('expires-in-string') ? String(fixtures.tokenTtl) : fixtures.tokenTtl,
    ...(mutants.has('refresh-token-issued') ? { refresh_token: randomString(40) } : {}),
  }
  return json(body, 200, { 'content-type': 'application/json', ...(mutants.has('no-cache-control') ? {} : NO_STORE) })
}

/** The key as sent after `Basic ` (checks 2 and 3). */
function readKey(request: Request, state: BasiqState): string {
  const { mutants } = state
  const header = readAuthorization(request)
  if (header.kind === 'absent') throw mutants.has('missing-auth-as-404') ? basiqErrors.keyUnknown('') : basiqErrors.authorizationMissing()
  const value = header.value
  if (header.scheme === 'basic' && decodeBasic(value) !== undefined) return value
  // The `key-decoded-twice` defect: a key encoded once more is decoded back to the key.
  if (header.scheme === 'basic' && mutants.has('key-decoded-twice')) {
    const inner = decodeOnce(value)
    if (inner !== undefined && decodeBasic(inner) !== undefined) return inner
  }
  if (mutants.has('malformed-auth-as-404')) throw basiqErrors.keyUnknown(value)
  throw basiqErrors.authorizationInvalid(value)
}

function decodeOnce(value: string): string | undefined {
  try {
    return atob(value)
  } catch {
    return undefined
  }
}

/** Checks 4 and 5; the token carries the version (versioning-1.md L17: not needed on later requests). */
function readVersion(request: Request, state: BasiqState): string {
  const { mutants, fixtures } = state
  const version = (request.headers.get('basiq-version') ?? '').trim()
  const newest = fixtures.versions[fixtures.versions.length - 1]!
  if (!version) {
    if (mutants.has('version-header-ignored')) return newest
    throw basiqErrors.versionMissing()
  }
  const supported = mutants.has('v3-only') ? version === newest : fixtures.versions.includes(version)
  if (!supported && !mutants.has('any-version-accepted')) throw basiqErrors.versionUnsupported(version.slice(0, 32))
  return version
}

/** Check 6. */
function lookupKey(key: string, state: BasiqState): BasiqApiKey {
  const { mutants } = state
  // The `key-id-only` defect: the key's id half looked up, its secret never compared.
  const found = state.keys.get(key) ?? (mutants.has('key-id-only') ? byIdHalf(key, state) : undefined)
  if (!found || (found.status === 'deleted' && !mutants.has('deleted-key-accepted'))) {
    if (mutants.has('unknown-key-401')) throw new ApiError({ ...basiqErrors.keyUnknown(key), status: 401 })
    throw basiqErrors.keyUnknown(key)
  }
  if (found.status === 'disabled' && !mutants.has('disabled-key-accepted')) throw basiqErrors.accountDisabled()
  return found
}

function byIdHalf(key: string, state: BasiqState): BasiqApiKey | undefined {
  const id = decodeBasic(key)?.user
  return [...state.keys.values()].find((k) => decodeBasic(k.key)?.user === id)
}

const TRUSTED_ADVISOR = ['orgName', 'orgRefID', 'orgRefType', 'orgType', 'abnAcn'] as const
const KNOWN_FIELDS = new Set<string>(['scope', 'userId', ...TRUSTED_ADVISOR])

/** Checks 7 to 9: what the body asks for. */
async function readTokenRequest(request: Request, state: BasiqState, version: string): Promise<{ scope: Scope; userId?: string; extra: Record<string, string> }> {
  const { mutants } = state
  const body = await readBody(request)
  const type = request.headers.get('content-type') ?? ''
  let fields: Record<string, unknown> | undefined
  if (body.kind === 'empty') fields = {}
  else if (body.kind === 'form') fields = body.value
  else if (body.kind === 'json' && typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value)) fields = body.value as Record<string, unknown>
  // The `form-only` and `form-charset-refused` defects: a reader that knows one exact Content-Type.
  if (mutants.has('form-only') && body.kind !== 'form') fields = undefined
  if (mutants.has('form-charset-refused') && body.kind === 'form' && type.includes(';')) fields = undefined
  if (fields === undefined) {
    if (!mutants.has('bad-body-as-server')) throw basiqErrors.bodyInvalid('token request')
    fields = {}
  }
  if (mutants.has('extra-params-refused')) {
    const unknown = Object.keys(fields).find((k) => !KNOWN_FIELDS.has(k))
    if (unknown) throw basiqErrors.scopeInvalid()
  }
  // The `scope-from-header` defect: the scope read from a request header first.
  const rawScope = (mutants.has('scope-from-header') ? request.headers.get('scope') : null) ?? fields.scope
  const { userId } = fields
  if (rawScope !== undefined && typeof rawScope !== 'string') throw basiqErrors.scopeInvalid()
  if (userId !== undefined && typeof userId !== 'string') throw basiqErrors.bodyInvalid('token request')
  let scope: Scope = mutants.has('default-scope-client') ? 'CLIENT_ACCESS' : 'SERVER_ACCESS'
  if (rawScope === 'SERVER_ACCESS' || rawScope === 'CLIENT_ACCESS') scope = rawScope
  else if (mutants.has('scope-case-confused') && rawScope && /^(SERVER|CLIENT)_ACCESS$/.test(rawScope.trim().toUpperCase())) {
    // The `scope-case-confused` defect: validated in any case, then enforced on the exact value, so client_access is no CLIENT_ACCESS.
    return { scope: 'SERVER_ACCESS', extra: {} }
  } else if (rawScope && !mutants.has('unknown-scope-as-server')) throw basiqErrors.scopeInvalid()
  const bound = userId || undefined
  const unboundAllowed = version.startsWith('2.') ? !mutants.has('userid-required-all-versions') : mutants.has('unbound-client-token')
  if (scope === 'CLIENT_ACCESS' && !bound && !unboundAllowed) throw basiqErrors.userIdRequired()
  const extra: Record<string, string> = {}
  for (const name of TRUSTED_ADVISOR) if (typeof fields[name] === 'string') extra[name] = fields[name] as string
  return { scope, ...(bound ? { userId: bound } : {}), extra }
}

/** The `token-as-key` defect: a valid access token in `Authorization: Bearer` is re-issued as a new token. */
function reissue(request: Request, state: BasiqState): Response | undefined {
  const header = readAuthorization(request)
  if (header.kind !== 'present' || header.scheme !== 'bearer') return undefined
  const verified = verifyToken(header.value, state)
  return verified.ok ? tokenResponse(signToken(verified.principal, state, state.fixtures.tokenTtl), state) : undefined
}
