import { queryToken, readAuthorization } from '../core/authorization.ts'
import { covers, findAccessToken, type AccessRecord } from '../oauth2/index.ts'
import { frameioErrors } from './errors.ts'
import type { User } from './fixtures.ts'
import type { FrameioState } from './state.ts'

/** Who calls `/v2`: a user, through a developer token or an OAuth access token, with that token's scopes. */
export interface Principal {
  user: User
  scopes: readonly string[]
  kind: 'developer' | 'oauth'
}

/**
 * Frame.io's bearer check (errors-page: "Check to make sure you're using Bearer Token authentication, and passing
 * your token via the Authorization header"), in this order:
 * 1. Only `Authorization` counts: `?access_token=` is never read (RFC 9700 §4.3.2), so it is no token at all.
 * 2. No header, or another scheme → 401 without an error code (RFC 6750 §3); `Bearer` with no token or with a
 *    space in it → 401 `invalid_token`. The scheme is case-insensitive (RFC 9110 §11.1).
 * 3. `fio-u-…` is a developer token (deleted = gone; no expiry); anything else an OAuth access token (expired or
 *    revoked = gone; a client's own token has no user and is refused). Unknown → 401 `invalid_token`.
 */
export function authenticate(request: Request, state: FrameioState): Principal {
  const { mutants } = state
  let header = readAuthorization(request)
  if (header.kind === 'absent' && mutants.has('query-token-honoured')) {
    const query = queryToken(request, ['access_token'])
    if (query) header = { kind: 'present', scheme: 'bearer', value: query, raw: `Bearer ${query}` }
  }
  // The `bearer-case-sensitive` defect: `raw.startsWith('Bearer ')`.
  if (header.kind === 'present' && mutants.has('bearer-case-sensitive') && !header.raw.startsWith('Bearer ')) throw frameioErrors.unauthenticated()
  if (header.kind === 'absent' || header.scheme !== 'bearer') throw frameioErrors.unauthenticated()
  const token = header.value.trim()
  if (!token || token.includes(' ')) throw frameioErrors.invalidToken()
  let principal = principalOf(token, state)
  // The `query-token-fallback` defect: a chain of token readers, the query tried when the header's token fails.
  const query = !principal && mutants.has('query-token-fallback') ? queryToken(request, ['access_token']) : undefined
  if (query) principal = principalOf(query, state)
  if (!principal) throw frameioErrors.invalidToken()
  return principal
}

/** `fio-u-…` is a developer token, anything else an OAuth access token (the `v2-developer-tokens-only` defect knows only the first). */
function principalOf(token: string, state: FrameioState): Principal | undefined {
  if (token.startsWith('fio-u-')) return developerPrincipal(token, state)
  return state.mutants.has('v2-developer-tokens-only') ? undefined : oauthPrincipal(token, state)
}

function developerPrincipal(token: string, state: FrameioState): Principal | undefined {
  // The `devtoken-prefix-compare` defect: tokens looked up on their first 32 characters (a truncated index key).
  const prefixed = state.mutants.has('devtoken-prefix-compare') ? [...state.devTokenStrings.values()].find((t) => t.slice(0, 32) === token.slice(0, 32)) : undefined
  const id = state.devTokenIds.find(prefixed ?? token)
  const record = id === undefined ? undefined : state.devTokens.get(id)
  const user = record && state.usersById.get(record.userId)
  return user && { user, scopes: record.scopes, kind: 'developer' }
}

function oauthPrincipal(token: string, state: FrameioState): Principal | undefined {
  const access = lookUp(token, state)
  const user = access?.userId ? state.usersById.get(access.userId) : undefined
  return user && access && { user, scopes: access.scopes, kind: 'oauth' }
}

/** The token's record; the `bearer-lookup-cached` defect keeps each for 5 minutes, out of revocation's reach. */
function lookUp(token: string, state: FrameioState): AccessRecord | undefined {
  if (!state.mutants.has('bearer-lookup-cached')) return findAccessToken(state.as.state, token)
  const cached = state.bearerCache.get(token)
  if (cached && cached.until > state.clock.now()) return cached.access
  const access = findAccessToken(state.as.state, token)
  if (access) state.bearerCache.set(token, { access, until: state.clock.now() + BEARER_CACHE_MS })
  return access
}
const BEARER_CACHE_MS = 300_000

/**
 * 403 unless the token's scopes allow `scope` (key-concepts: "a token with the asset.create scope would be able
 * to create new Assets"; errors-page: 403 is "Returned for both user access and token scope"). Scopes are flat.
 */
export function requireScope(principal: Principal, scope: string, state: FrameioState): void {
  const { mutants } = state
  if (mutants.has('v2-scope-unchecked') && scope !== 'asset.create') return
  if (mutants.has('oauth-scope-unchecked') && principal.kind === 'oauth') return
  // The `oauth-scope-same-resource` defect: for OAuth tokens, any granted action on the resource covers the others.
  if (mutants.has('oauth-scope-same-resource') && principal.kind === 'oauth' && principal.scopes.some((s) => s.split('.')[0] === scope.split('.')[0])) return
  if (!covers(state.as.state, principal.scopes, scope)) throw frameioErrors.insufficientScope(scope)
}

/** 403 unless the user may reach the account (auth-page: "the same access permissions as the User who created them"). */
export function requireAccount(principal: Principal, accountId: string, state: FrameioState): void {
  if (state.mutants.has('user-access-ignored')) return
  // The `devtoken-account-unchecked` defect: developer tokens taken for account-wide keys.
  if (principal.kind === 'developer' && state.mutants.has('devtoken-account-unchecked')) return
  if (!principal.user.account_ids.includes(accountId)) throw frameioErrors.noAccess()
}
