import { queryToken, readAuthorization } from '../core/authorization.ts'
import { dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import type { DadiState } from './state.ts'

/**
 * DADI's bearer check, in its order (`dadi/lib/auth/index.js`):
 * 1. no `Authorization` header → 401 without challenge;
 * 2. not exactly `Bearer <token>` (scheme case-insensitive, RFC 7235 §2.1) → 401 `no_token`;
 * 3. unknown or expired token → 401 `invalid_token`.
 * Only the header is read: DADI has no `?access_token=` (RFC 6750 §2.3 is optional, RFC 9700 §4.3.2 forbids it).
 */
export function authenticate(request: Request, state: DadiState): DadiClient {
  const { mutants } = state
  let header = readAuthorization(request)
  if (header.kind === 'absent' && mutants.has('query-token')) {
    const query = queryToken(request, ['access_token'])
    if (query) header = { kind: 'present', scheme: 'bearer', value: query, raw: `Bearer ${query}` }
  }
  if (header.kind === 'absent') {
    // The `head-unauthenticated` defect: HEAD treated as harmless metadata and let through.
    if (mutants.has('head-unauthenticated') && request.method === 'HEAD') return state.fixtures.clients[0]!
    throw dadiErrors.missingAuthorization()
  }

  // Exactly two space-separated parts, the first "Bearer" in any case (DADI: split(' '), /^Bearer$/i).
  const token = header.scheme === 'bearer' && header.value.indexOf(' ') < 0 ? header.value : ''
  if (!token) throw mutants.has('malformed-as-invalid') ? dadiErrors.invalidToken() : dadiErrors.noToken()

  let clientId = state.tokens.find(token) ?? (mutants.has('expiry-grace') ? state.graceTokens.find(token) : undefined)
  if (clientId === undefined && mutants.has('accept-unknown-token')) clientId = state.fixtures.clients[0]!.clientId
  if (clientId === undefined && mutants.has('token-prefix-match')) clientId = findByPrefix(token, state)
  if (clientId === undefined) throw dadiErrors.invalidToken()
  if (mutants.has('tokens-cross') && state.lastIssuedTo) clientId = state.lastIssuedTo
  return state.clients.get(clientId)!
}

/** The `token-prefix-match` defect: a lookup "indexed" on the first UUID group, the full comparison forgotten. */
function findByPrefix(token: string, state: DadiState): string | undefined {
  for (const [issued, clientId] of state.tokens.entries()) if (issued.slice(0, 8) === token.slice(0, 8)) return clientId
  return undefined
}

/**
 * Per-client permissions (docs `auth.md`, "Collection / Endpoint Authorisation"): a client with no
 * `permissions` block may read everything; otherwise only the collections listed, and only at the listed
 * `apiVersion` when one is given. Refusal is 403 API-0006 (DADI API 4+; v1–v3 answered 401 with a realm).
 */
export function authorizeCollection(client: DadiClient, version: string, collection: string, state: DadiState): void {
  if (state.mutants.has('acl-not-enforced') || !client.permissions) return
  const anyVersion = state.mutants.has('acl-ignores-version')
  const matches = (path: string) => (state.mutants.has('acl-prefix-match') ? collection.startsWith(path) : collection === path)
  const allowed = client.permissions.collections.some((p) => matches(p.path) && (p.apiVersion === undefined || anyVersion || p.apiVersion === version))
  if (allowed) return
  if (state.mutants.has('acl-denied-as-401')) throw dadiErrors.invalidToken()
  throw dadiErrors.accessDenied()
}
