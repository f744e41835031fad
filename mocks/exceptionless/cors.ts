import type { ExceptionlessMutant } from './mutants.ts'

/** The headers the "AllowAny" policy exposes (Program.cs:127-133 WithExposedHeaders). */
const EXPOSED = 'ETag, v, X-Exceptionless-ConfigVersion, Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-Result-Count'

/**
 * CORS as Exceptionless answers it, before authentication (`UseCors("AllowAny")` precedes UseAuthentication):
 * any origin reflected with credentials allowed, any method and header, preflights cached five minutes, and the
 * paging, rate-limit and configuration headers exposed. The `preflight-authenticated` defect sends preflights
 * through authentication; `cors-exposes-nothing` exposes no header.
 */
export function preflight(request: Request, mutants: ReadonlySet<ExceptionlessMutant>): Response | undefined {
  if (request.method !== 'OPTIONS' || !request.headers.has('access-control-request-method') || mutants.has('preflight-authenticated')) return undefined
  const origin = request.headers.get('origin')
  return new Response(null, {
    status: 204,
    headers: {
      ...(origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' } : {}),
      'access-control-allow-methods': request.headers.get('access-control-request-method')!,
      ...(request.headers.has('access-control-request-headers') ? { 'access-control-allow-headers': request.headers.get('access-control-request-headers')! } : {}),
      'access-control-max-age': '300',
    },
  })
}

/** An answer to a request from another origin, its CORS headers added. */
export function withCors(request: Request, response: Response, mutants: ReadonlySet<ExceptionlessMutant>): Response {
  const origin = request.headers.get('origin')
  if (!origin) return response
  response.headers.set('access-control-allow-origin', origin)
  response.headers.set('access-control-allow-credentials', 'true')
  if (!mutants.has('cors-exposes-nothing')) response.headers.set('access-control-expose-headers', EXPOSED)
  response.headers.append('vary', 'Origin')
  return response
}
