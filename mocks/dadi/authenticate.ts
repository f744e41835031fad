import { queryToken, readAuthorization, type AuthorizationHeader } from '../core/authorization.ts'
import { dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import type { DadiState } from './state.ts'

/**
 * 1.x–3.x bearer check, in its order (`dadi/lib/auth/index.js` v3.2.2:110-157):
 * 1. no `Authorization` header → 401 without challenge;
 * 2. not exactly `Bearer <token>` (split on one space, two parts, scheme case-insensitive) → 401 `no_token`;
 * 3. unknown or expired token → 401 `invalid_token`.
 * Only the header is read: DADI has no `?access_token=` (RFC 6750 §2.3 is optional, RFC 9700 §4.3.2 forbids it).
 */
export function authenticate(request: Request, state: DadiState): DadiClient {
  const { mutants } = state
  const header = withQueryToken(readAuthorization(request), request, state)
  if (header.kind === 'absent') {
    // The `head-unauthenticated` defect: HEAD treated as harmless metadata and let through.
    if (mutants.has('head-unauthenticated') && request.method === 'HEAD') return state.fixtures.clients[0]!
    throw dadiErrors.missingAuthorization()
  }
  // Split on single spaces, exactly two parts (the `token-trimmed` defect trims what follows the scheme first).
  const value = mutants.has('token-trimmed') ? header.value.trim() : header.value
  const token = header.scheme === 'bearer' && value.indexOf(' ') < 0 ? value : ''
  if (!token) throw mutants.has('malformed-as-invalid') ? dadiErrors.invalidToken() : dadiErrors.noToken()

  let issued = state.tokens.find(token) ?? (mutants.has('expiry-grace') ? state.graceTokens.find(token) : undefined)
  if (issued === undefined && mutants.has('accept-unknown-token')) issued = state.fixtures.clients[0]!
  if (issued === undefined && mutants.has('token-prefix-match')) issued = findByPrefix(token, state)
  if (issued === undefined) throw dadiErrors.invalidToken()
  if (mutants.has('tokens-cross') && state.lastIssuedTo) return state.clients.get(state.lastIssuedTo) ?? issued
  // The record as it was at issue, whatever the operator changed or deleted since (auth/index.js:141-151 checks the
  // token's copy); the `token-reads-live-client` defect reads today's record.
  return mutants.has('token-reads-live-client') ? (state.clients.get(issued.clientId) ?? issued) : issued
}

/** The `query-token` defect: `?access_token=` read when no header is sent; `cookie-token`: an access_token cookie. */
export function withQueryToken(header: AuthorizationHeader, request: Request, state: DadiState): AuthorizationHeader {
  if (header.kind !== 'absent') return header
  const query = state.mutants.has('query-token') ? queryToken(request, ['access_token']) : undefined
  const cookie = state.mutants.has('cookie-token') ? /(?:^|;\s*)access_token=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] : undefined
  const token = query ?? cookie
  return token ? { kind: 'present', scheme: 'bearer', value: token, raw: `Bearer ${token}` } : header
}

/** The `token-prefix-match` defect: a lookup "indexed" on the first UUID group, the full comparison forgotten. */
function findByPrefix(token: string, state: DadiState): DadiClient | undefined {
  for (const [issued, client] of state.tokens.entries()) if (issued.slice(0, 8) === token.slice(0, 8)) return client
  return undefined
}

/**
 * Per-client permissions (docs `auth.md`, "Collection / Endpoint Authorisation"): a client with no
 * `permissions` block may read everything; otherwise only the collections listed, and only at the listed
 * `apiVersion` when one is given. 1.x–3.x match the collection's name alone (auth/index.js:86-87: a same-named
 * collection in another database is allowed too) and refuse with 401 and the path as realm (:142-148); 4.x–6.x
 * key a grant by database and name (`collection:<db>_<name>`) and refuse with 403 API-0006. The check is by
 * collection, whatever path reached it (a document by id, other letter case, count, stats): 3.2.2's lookup by
 * substring of the request path lets those through, a defect the suites catch.
 */
export function authorizeCollection(client: DadiClient, collection: { version: string; database: string; name: string }, requestPath: string, state: DadiState): void {
  if (state.mutants.has('acl-not-enforced') || !client.permissions) return
  const v6 = state.profile === 'dadi@6'
  const anyVersion = state.mutants.has('acl-ignores-version') || v6
  // The `acl-ignores-database` defect: 4.x–6.x matching grants by name alone, as 1.x–3.x did.
  const anyDatabase = !v6 || state.mutants.has('acl-ignores-database')
  const matches = (path: string) => (state.mutants.has('acl-prefix-match') ? collection.name.startsWith(path) : collection.name === path)
  const allowed = client.permissions.collections.some(
    (p) => matches(p.path) && (p.apiVersion === undefined || anyVersion || p.apiVersion === collection.version) && (anyDatabase || p.database === undefined || p.database === collection.database),
  )
  if (allowed) return
  if (state.profile === 'dadi@3') throw state.mutants.has('realm-missing') ? dadiErrors.missingAuthorization() : dadiErrors.notPermitted(requestPath)
  if (state.mutants.has('acl-denied-as-401')) throw dadiErrors.unauthorised()
  throw dadiErrors.accessDenied()
}
