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
  const token = header.scheme === 'bearer' && header.value.indexOf(' ') < 0 ? header.value : ''
  if (!token) throw mutants.has('malformed-as-invalid') ? dadiErrors.invalidToken() : dadiErrors.noToken()

  let clientId = state.tokens.find(token) ?? (mutants.has('expiry-grace') ? state.graceTokens.find(token) : undefined)
  if (clientId === undefined && mutants.has('accept-unknown-token')) clientId = state.fixtures.clients[0]!.clientId
  if (clientId === undefined && mutants.has('token-prefix-match')) clientId = findByPrefix(token, state)
  if (clientId === undefined) throw dadiErrors.invalidToken()
  if (mutants.has('tokens-cross') && state.lastIssuedTo) clientId = state.lastIssuedTo
  return state.clients.get(clientId)!
}

/** The `query-token` defect: `?access_token=` read when no header is sent. */
export function withQueryToken(header: AuthorizationHeader, request: Request, state: DadiState): AuthorizationHeader {
  if (header.kind !== 'absent' || !state.mutants.has('query-token')) return header
  const query = queryToken(request, ['access_token'])
  return query ? { kind: 'present', scheme: 'bearer', value: query, raw: `Bearer ${query}` } : header
}

/** The `token-prefix-match` defect: a lookup "indexed" on the first UUID group, the full comparison forgotten. */
function findByPrefix(token: string, state: DadiState): string | undefined {
  for (const [issued, clientId] of state.tokens.entries()) if (issued.slice(0, 8) === token.slice(0, 8)) return clientId
  return undefined
}

/**
 * Per-client permissions (docs `auth.md`, "Collection / Endpoint Authorisation"): a client with no
 * `permissions` block may read everything; otherwise only the collections listed, and only at the listed
 * `apiVersion` when one is given. 1.x–3.x refuse with 401 and the path as realm (auth/index.js:86-96, :142-148);
 * 4.x–6.x with 403 API-0006. The check is by collection, whatever path reached it (a document by id, other letter
 * case): 3.2.2's lookup by substring of the request path lets both through, a defect the suites catch.
 */
export function authorizeCollection(client: DadiClient, collection: { version: string; name: string }, requestPath: string, state: DadiState): void {
  if (state.mutants.has('acl-not-enforced') || !client.permissions) return
  const anyVersion = state.mutants.has('acl-ignores-version') || state.profile === 'dadi@6'
  const matches = (path: string) => (state.mutants.has('acl-prefix-match') ? collection.name.startsWith(path) : collection.name === path)
  const allowed = client.permissions.collections.some((p) => matches(p.path) && (p.apiVersion === undefined || anyVersion || p.apiVersion === collection.version))
  if (allowed) return
  if (state.profile === 'dadi@3') throw state.mutants.has('realm-missing') ? dadiErrors.missingAuthorization() : dadiErrors.notPermitted(requestPath)
  if (state.mutants.has('acl-denied-as-401')) throw dadiErrors.unauthorised()
  throw dadiErrors.accessDenied()
}
