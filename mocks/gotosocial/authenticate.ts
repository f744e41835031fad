import type { AccessRecord } from '../oauth2/index.ts'
import { findAccessToken } from '../oauth2/index.ts'
import type { SeededAccount } from './fixtures.ts'
import { apiError } from './errors.ts'
import { permits, permitsAny } from './scopes.ts'
import type { App, GtsState } from './state.ts'

/**
 * Bearer tokens on `/api/*`, in two steps as upstream:
 * - TokenCheck (`internal/middleware/tokencheck.go:51-140`) never refuses. It runs only when an `Authorization`
 *   header is present (without one, `?access_token=` is never read). The token is the text after the
 *   case-sensitive prefix `Bearer `; any other header falls back to the `access_token` query value (go-oauth2's
 *   `AccessTokenDefaultResolveHandler`). Unknown, revoked or expired: the request just stays anonymous. A valid
 *   token sets the app; its user only if confirmed, approved and not disabled; the account only if not suspended.
 * - TokenAuth (`internal/api/util/auth.go:53-152`), per handler, first failure wins: no token → 401 `token not
 *   supplied`; no app → 401; no user (an app-only token too) → 401 `user not supplied or not authorized`; no
 *   account → 401; then (v0.19) none of the token's scopes permits the handler's → 403. No WWW-Authenticate.
 */
export interface Caller {
  token?: { value: string; record: AccessRecord }
  app?: App
  user?: SeededAccount
  account?: SeededAccount
}

export type Authed = Required<Caller>

export function tokenCheck(request: Request, state: GtsState): Caller {
  const { mutants } = state
  const header = request.headers.get('authorization')
  let value: string | undefined
  if (header === null) {
    if (!mutants.has('query-token-read')) return {}
    value = queryValue(request, 'access_token')
  } else if (header.startsWith('Bearer ') || (mutants.has('bearer-case-insensitive') && /^bearer /i.test(header))) value = header.slice(7)
  else value = queryValue(request, 'access_token')
  // The `token-case-insensitive` defect: a lookup that upper-cases what it is given (upstream's tokens are upper case).
  const record = value ? (findAccessToken(state.oauth, value) ?? (mutants.has('token-case-insensitive') ? findAccessToken(state.oauth, value.toUpperCase()) : undefined)) : undefined
  if (!value || !record) return {}
  const caller: Caller = { token: { value, record }, app: state.apps.get(record.clientId) }
  const owner = record.userId === null ? undefined : state.accounts.get(record.userId)
  if (owner && (owner.state === 'active' || owner.state === 'suspended' || (owner.state === 'disabled' && mutants.has('disabled-user-token-works')))) {
    caller.user = owner
    if (owner.state !== 'suspended') caller.account = owner
  }
  return caller
}

/** TokenAuth: a user's token whose scopes permit one of `wanted` (v0.19), or the refusal. */
export function requireUser(caller: Caller, wanted: readonly string[], state: GtsState): Authed {
  const { mutants, traits } = state
  const token = caller.token
  if (!token) throw apiError(401, ['token not supplied'])
  // The `unauthorized-echoes-token` defect repeats the token it refused.
  const echo = mutants.has('unauthorized-echoes-token') ? [token.value] : []
  if (!caller.app) throw apiError(401, ['application not supplied'])
  if (!caller.user && mutants.has('app-token-acts-as-admin') && token.record.userId === null) {
    const admin = state.fixtures.accounts.find((a) => a.role === 'admin')!
    caller = { ...caller, user: admin, account: admin }
  }
  if (!caller.user) throw apiError(401, ['user not supplied or not authorized', ...echo])
  if (!caller.account) throw apiError(401, ['account not supplied or not authorized'])
  if (traits.scopesEnforced && !mutants.has('scope-unenforced') && !permitsAny(token.record.scopes, wanted, ruleOf(state))) {
    throw apiError(403, ['token has insufficient scope permission'])
  }
  return caller as Authed
}

/** The covering rule, or one of its defects. */
export function ruleOf(state: GtsState): (has: string, want: string) => boolean {
  if (state.mutants.has('write-implies-read')) return (has, want) => permits(has, want) || (has === 'write' && want.startsWith('read'))
  if (state.mutants.has('scope-children-refused')) return (has, want) => has === want
  return permits
}

function queryValue(request: Request, name: string): string | undefined {
  const q = request.url.indexOf('?')
  return q < 0 ? undefined : new URLSearchParams(request.url.slice(q + 1)).get(name) || undefined
}
