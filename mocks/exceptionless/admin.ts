import { MockError } from '../core/errors.ts'
import type { ExceptionlessState } from './state.ts'

/**
 * What an Exceptionless operator changes out of band (the admin routes, the user store):
 * - `suspend-organization` `{organizationId, suspended}`: every token of the organization is marked suspended (or no
 *   longer), as `POST /organizations/{id}/suspend` does (TokenEndpointTests.SuspendingOrganizationWillDisableApiKey);
 * - `delete-user` `{email}`: the user is gone (its login tokens stay stored, naming a user that no longer exists);
 * - `deactivate-user` `{email}`: the user is inactive (IsActive false);
 * - `throttle-limit` `{limit}`: the API throttle's ApiThrottleLimit, lowered so a check can reach it.
 * Users are replaced in this instance's maps, never changed in place (the fixtures are shared by every instance).
 */
export function exceptionlessAdmin(state: ExceptionlessState, action: string, args: Readonly<Record<string, unknown>>): unknown {
  switch (action) {
    case 'suspend-organization': {
      const suspended = args.suspended !== false && !state.mutants.has('suspension-ignored')
      let tokens = 0
      for (const [, token] of state.tokens.entries()) {
        if (token.organization_id !== args.organizationId) continue
        token.is_suspended = suspended
        tokens++
      }
      return { organizationId: args.organizationId, suspended, tokens }
    }
    case 'delete-user':
    case 'deactivate-user': {
      const user = state.usersByEmail.get(String(args.email ?? '').toLowerCase())
      if (!user) throw new MockError(`[authconform] Exceptionless operator action ${action}: no user "${String(args.email)}"`, 400)
      if (action === 'delete-user') {
        state.usersByEmail.delete(user.email.toLowerCase())
        state.usersById.delete(user.id)
      } else {
        const inactive = { ...user, is_active: false }
        state.usersByEmail.set(user.email.toLowerCase(), inactive)
        state.usersById.set(user.id, inactive)
      }
      return { userId: user.id, [action === 'delete-user' ? 'deleted' : 'active']: action === 'delete-user' ? true : false }
    }
    case 'throttle-limit': {
      const limit = Number(args.limit)
      if (!Number.isInteger(limit) || limit < 1) throw new MockError('[authconform] throttle-limit needs {"limit": <positive integer>}', 400)
      state.throttleLimit = limit
      return { limit }
    }
    default:
      throw new MockError(`[authconform] unknown Exceptionless operator action "${action}" (suspend-organization, delete-user, deactivate-user, throttle-limit)`, 400)
  }
}
