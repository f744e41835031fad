import { decodeBasic, queryToken as readQuery, readAuthorization } from '../core/authorization.ts'
import { unauthorized } from './errors.ts'
import type { Principal } from './model.ts'
import { principalFromPassword, principalFromToken } from './principal.ts'
import type { ExceptionlessState } from './state.ts'

const QUERY_NAMES = ['access_token', 'api_key', 'apikey'] as const

/**
 * Reads credentials in the real server's order (`Security/ApiKeyAuthenticationHandler.cs`):
 * 1. `Authorization: Bearer|Token <token>` (scheme case-insensitive);
 * 2. `Authorization: Basic` — user `client` → the password is the key; password `x-oauth-basic` or empty →
 *    the user name is the key; otherwise email + password;
 * 3. only with no Authorization header (or an unrecognised scheme): `?access_token=`, `?api_key=`, `?apikey=`.
 * An Authorization header it cannot parse fails (401) and is never rescued by the query string.
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
    const value = header.value.trim()
    if (scheme === 'bearer' || scheme === 'token') {
      if (!value) throw unauthorized(request, state.profile)
      return principalFromToken(value, request, state)
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
  const query = queryToken(request, state)
  if (!query) return null
  // The `query-key-cached` defect: a key once read from the query string is answered from a cache that
  // never learns of a later disable or delete.
  const cached = state.mutants.has('query-key-cached') ? state.caches.queryKeys.get(query) : undefined
  if (cached) return cached
  const principal = principalFromToken(query, request, state, true)
  if (state.mutants.has('query-key-cached')) state.caches.queryKeys.set(query, principal)
  return principal
}

function fromBasic(value: string, request: Request, state: ExceptionlessState): Principal {
  const decoded = decodeBasic(value)
  if (!decoded) throw unauthorized(request, state.profile)
  const { user, password } = decoded
  if (user.toLowerCase() === 'client' && !state.mutants.has('basic-client-ignored')) return principalFromToken(password, request, state)
  if (password === 'x-oauth-basic' || password === '') return principalFromToken(user, request, state)
  return principalFromPassword(user, password, request, state)
}

function queryToken(request: Request, state: ExceptionlessState): string | undefined {
  return state.mutants.has('query-token-ignored') ? undefined : readQuery(request, QUERY_NAMES)
}
