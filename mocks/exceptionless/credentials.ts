import { decodeBase64Text, queryToken as readQuery, readAuthorization } from '../core/authorization.ts'
import { unauthorized } from './errors.ts'
import type { Principal } from './model.ts'
import { principalFromPassword, principalFromToken } from './principal.ts'
import type { ExceptionlessState } from './state.ts'

const QUERY_NAMES = ['access_token', 'api_key', 'apikey'] as const
/** An HTTP token (RFC 9110 §5.6.2): what an auth-scheme must be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/

/**
 * Reads credentials in the real server's order (`Security/ApiKeyAuthenticationHandler.cs`):
 * 1. `Authorization: Bearer|Token <token>` (scheme case-insensitive);
 * 2. `Authorization: Basic` — user `client` → the password is the key; password `x-oauth-basic` → the user name
 *    is the key; otherwise email + password (see fromBasic: `<key>:` and passwords holding ":" read as none);
 * 3. only with no Authorization header (or an unrecognised scheme): `?access_token=`, `?api_key=`, `?apikey=`.
 * An Authorization header it cannot parse fails (401), and a bare `Bearer` is anonymous: neither is rescued by the
 * query string.
 * Returns null for an anonymous request.
 */
export function readCredentials(request: Request, state: ExceptionlessState): Principal | null {
  const header = readAuthorization(request)
  if (state.mutants.has('query-over-header')) {
    const query = queryToken(request, state)
    if (query) return principalFromToken(query, request, state, true)
  }
  if (header.kind === 'present') {
    const { scheme } = header
    // AuthenticationHeaderValue.TryParse: a scheme that is no HTTP token fails ("Unable to parse header"), the query
    // string unread; the `unparseable-header-falls-to-query` defect reads it as no header.
    if (!TOKEN.test(scheme) && !state.mutants.has('unparseable-header-falls-to-query')) throw unauthorized(request, state)
    const value = header.value.trim()
    if (scheme === 'bearer' || scheme === 'token') {
      if (value) return principalFromToken(value, request, state)
      // No token after the scheme: anonymous, the query string unread (the `bare-bearer-falls-to-query` defect reads it).
      if (!state.mutants.has('bare-bearer-falls-to-query')) return null
    }
    if (scheme === 'basic') {
      if (!state.mutants.has('basic-failure-falls-to-query')) return fromBasic(value, request, state)
      // The defect: a failed Basic login falls through to the query string.
      try {
        return fromBasic(value, request, state)
      } catch (error) {
        const query = queryToken(request, state)
        if (!query) throw error
        return principalFromToken(query, request, state, true)
      }
    }
    if (state.mutants.has('foreign-scheme-blocks-query')) return null
  }
  // X-ApiKey is not a place the server reads (the docs' Raygun example authenticates by its ?access_token=); the
  // `x-apikey-read` defect reads it when nothing else is sent.
  const query = queryToken(request, state) ?? (state.mutants.has('x-apikey-read') ? (request.headers.get('x-apikey') ?? undefined) : undefined)
  if (!query) return null
  // The `query-key-cached` defect: a key once read from the query string is answered from a cache that
  // never learns of a later disable or delete.
  const cached = state.mutants.has('query-key-cached') ? state.caches.queryKeys.get(query) : undefined
  if (cached) return cached
  const principal = principalFromToken(query, request, state, true)
  if (state.mutants.has('query-key-cached')) state.caches.queryKeys.set(query, principal)
  return principal
}

/**
 * Basic as `GetBasicAuth` reads it (`Extensions/HttpExtensions.cs`): the decoded text split on every ":" with
 * empty parts dropped, and exactly two parts kept — so `<key>:` (an empty password) and a password holding ":" read
 * as no credentials at all (anonymous, the query string not consulted), though the handler means `<key>:` as a key.
 * Then: user `client` (any case) → the password is the key; password `x-oauth-basic` (any case) → the user name is
 * the key; otherwise email + password. Base64 that does not decode is refused with 401 (the real server throws in
 * `Convert.FromBase64String` and answers 500: a declared deviation of EXL-AUTH-INVALID).
 */
function fromBasic(value: string, request: Request, state: ExceptionlessState): Principal | null {
  const text = decodeBase64Text(value.trim())
  if (text === undefined) throw unauthorized(request, state)
  const { mutants } = state
  const colon = text.indexOf(':')
  // The `basic-splits-first-colon` defect: split at the first ":" only, so a password holding ":" logs in.
  const parts = (mutants.has('basic-splits-first-colon') && colon >= 0 ? [text.slice(0, colon), text.slice(colon + 1)] : text.split(':')).filter(Boolean)
  // The `basic-empty-password-reads-key` defect: `<key>:` read as the key, as the handler's own branch intends.
  if (mutants.has('basic-empty-password-reads-key') && parts.length === 1 && text.endsWith(':')) return principalFromToken(parts[0]!, request, state)
  if (parts.length !== 2) return null
  const [user, password] = parts as [string, string]
  const marker = (s: string) => (mutants.has('basic-markers-case-sensitive') ? s : s.toLowerCase())
  if (marker(user) === 'client' && !mutants.has('basic-client-ignored')) return principalFromToken(password, request, state)
  if (marker(password) === 'x-oauth-basic') return principalFromToken(user, request, state)
  return principalFromPassword(user, password, request, state)
}

function queryToken(request: Request, state: ExceptionlessState): string | undefined {
  if (state.mutants.has('query-token-ignored')) return undefined
  // The `query-names-reversed` defect: ?apikey= read before ?api_key= and ?access_token=.
  return readQuery(request, state.mutants.has('query-names-reversed') ? [...QUERY_NAMES].reverse() : QUERY_NAMES)
}
