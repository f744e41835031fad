import type { Principal } from './model.ts'
import { problem } from './errors.ts'
import type { ExceptionlessState } from './state.ts'

const PERIOD_MS = 15 * 60 * 1000
/** GET routes the middleware lets through uncounted (ThrottlingMiddleware.IsUnthrottledRoute). */
const UNTHROTTLED = ['/api/v2/projects/config', '/api/v2/events/session/heartbeat', '/api/v1/project/config']

/**
 * The API throttle (`Utility/Handlers/ThrottlingMiddleware.cs`): `ApiThrottleLimit` requests (3,500) per caller
 * in each quarter hour — a key's organization, a user's id — mounted after authorization (Program.cs:351-358), so a
 * request refused with 401 is never counted. Past the limit: 429 ProblemDetails, no Retry-After, no rate-limit
 * headers; under it the answer says X-RateLimit-Limit and X-RateLimit-Remaining. The mock counts every
 * authenticated request (the real middleware also skips requests a policy refuses with 403; a simplification).
 * Returns the headers for the answer, or none for an unthrottled route.
 */
export function throttle(request: Request, principal: Principal | null, state: ExceptionlessState): Record<string, string> {
  const path = new URL(request.url).pathname
  if (request.method === 'GET' && UNTHROTTLED.some((p) => path === p || path.startsWith(`${p}/`))) return {}
  // The `throttle-before-auth` defect counts by client address before authenticating: refusals count too.
  const identifier = state.mutants.has('throttle-before-auth') ? 'ip:127.0.0.1' : principal ? (principal.kind === 'token' ? `org:${principal.organizationIds[0] ?? ''}` : `user:${principal.user!.id}`) : undefined
  if (identifier === undefined) return {}
  const now = state.clock.now()
  const bucket = state.throttle.get(identifier)
  const current = bucket && bucket.resetAt > now ? bucket : { count: 0, resetAt: Math.ceil((now + 1) / PERIOD_MS) * PERIOD_MS }
  current.count++
  state.throttle.set(identifier, current)
  const limit = state.throttleLimit
  if (current.count > limit) throw problem(429, 'Too Many Requests')
  if (state.mutants.has('throttle-headers-missing')) return {}
  return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(limit - current.count, 0)) }
}
