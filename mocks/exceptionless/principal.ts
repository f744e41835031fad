import { safeEqual } from '../core/random.ts'
import { forbidden, unauthorized } from './errors.ts'
import { countAttempt } from './login.ts'
import type { User } from './fixtures.ts'
import type { Principal } from './model.ts'
import type { ExceptionlessState } from './state.ts'

/**
 * Role implication `global ⇒ user ⇒ client` for users; a user with no roles gets client + user.
 * (`Core/Extensions/IdentityUtils.cs`.)
 */
export function userRoles(user: User, state: ExceptionlessState): ReadonlySet<string> {
  let roles = state.caches.rolesByUser.get(user.id)
  if (!roles) state.caches.rolesByUser.set(user.id, (roles = impliedRoles(user, state)))
  return roles
}

function impliedRoles(user: User, state: ExceptionlessState): Set<string> {
  const roles = new Set<string>(user.roles)
  if (roles.size === 0) return new Set(['client', 'user'])
  if (state.mutants.has('no-scope-implication')) return roles
  if (roles.has('global')) roles.add('user')
  if (roles.has('user')) roles.add('client')
  return roles
}

/** Scopes as stored on a new token: lower-cased, implication applied (`["user"]` → `["client","user"]`). */
export function expandScopes(scopes: readonly string[], state: ExceptionlessState): string[] {
  const set = new Set(state.mutants.has('scope-case-kept') ? scopes : scopes.map((s) => s.toLowerCase()))
  if (!state.mutants.has('no-scope-implication')) {
    if (set.has('global')) set.add('user')
    if (set.has('user')) set.add('client')
  }
  return [...set].sort()
}

/** Resolves a token string (login token or API key) to a principal; every failure is "Token is not valid" → 401. */
export function principalFromToken(value: string, request: Request, state: ExceptionlessState, viaQuery = false): Principal {
  const token = state.tokens.find(value)
  if (!token) throw unauthorized(request, state)
  if ((token.is_disabled && !state.mutants.has('disabled-key-accepted')) || token.is_suspended) throw unauthorized(request, state)
  const expiryChecked = token.type === 'authentication' || !state.mutants.has('expired-key-accepted')
  if (expiryChecked && token.expires_utc && Date.parse(token.expires_utc) <= state.clock.now()) throw unauthorized(request, state)
  if (token.user_id) {
    // Only the user's existence is checked (ApiKeyAuthenticationHandler.cs:141-151): an inactive user's token still
    // works; the `inactive-user-token-refused` defect refuses it, `deleted-user-token-accepted` forgets the check.
    const user = state.usersById.get(token.user_id) ?? (state.mutants.has('deleted-user-token-accepted') ? state.fixtures.users.find((u) => u.id === token.user_id) : undefined)
    if (!user || (state.mutants.has('inactive-user-token-refused') && !user.is_active)) throw unauthorized(request, state)
    return { kind: 'user', user, token, roles: userRoles(user, state), organizationIds: user.organization_ids, projectId: token.default_project_id, viaQuery }
  }
  const roles = new Set(token.scopes.length ? token.scopes : ['client'])
  return { kind: 'token', user: undefined, token, roles, organizationIds: token.organization_id ? [token.organization_id] : [], projectId: token.project_id, viaQuery }
}

/** Basic `email:password`: a full user login without a token. */
export function principalFromPassword(email: string, password: string, request: Request, state: ExceptionlessState): Principal {
  // Basic does not count against the login lockout (only AuthHandler does); the `basic-counts-login-attempts` defect does.
  if (state.mutants.has('basic-counts-login-attempts') && countAttempt(email.trim().toLowerCase(), state)) throw unauthorized(request, state)
  const user = state.usersByEmail.get(email.toLowerCase())
  if (!user || !user.is_active || !safeEqual(password, user.password)) throw unauthorized(request, state)
  return { kind: 'user', user, token: undefined, roles: userRoles(user, state), organizationIds: user.organization_ids, projectId: null, viaQuery: false }
}

export function requireRole(principal: Principal, ...anyOf: string[]): void {
  if (!anyOf.some((role) => principal.roles.has(role))) throw forbidden()
}
