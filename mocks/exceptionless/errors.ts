import { errorHeaders, plainTextError } from '../core/envelope.ts'
import { ApiError, type Envelope } from '../core/errors.ts'
import { pathOf } from '../core/http.ts'
import type { ExceptionlessMutant } from './mutants.ts'
import type { ExceptionlessProfile } from './profiles.ts'

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  422: 'https://tools.ietf.org/html/rfc4918#section-11.2',
}

/** An Exceptionless error: the title carries the message ("Login failed."), `fields` the validation errors. */
export const problem = (status: number, title: string, fields?: Record<string, string[]>, extra: Partial<ApiError> = {}) =>
  new ApiError({ status, title, ...(fields ? { fields } : {}), ...extra })
export const validation = (errors: Record<string, string[]>, status = 422, submitted?: string) =>
  problem(status, 'One or more validation errors occurred.', errors, submitted === undefined ? {} : { submitted })
export const forbidden = (title = 'Forbidden') => problem(403, title)
export const notFound = (title = 'Not Found') => problem(404, title)

/**
 * 401 as the real server sends it: ProblemDetails; since 8.6.1 paths under /api/v2 carry a Bearer challenge
 * pointing at the resource metadata at the configured base URL (`Security/ApiKeyAuthenticationHandler.cs`
 * HandleChallengeAsync, AppOptions.BaseURL: not the request's Host or X-Forwarded-Host); before it, and on
 * /api/v1, none.
 */
export function unauthorized(request: Request, state: { profile: ExceptionlessProfile; mutants: ReadonlySet<ExceptionlessMutant> }): ApiError {
  const path = pathOf(request.url)
  const v2 = path === '/api/v2' || path.startsWith('/api/v2/') || (state.mutants.has('challenge-on-v1') && path.startsWith('/api/v1/'))
  if (state.profile === 'exceptionless@8.5' || !v2) return problem(401, 'Unauthorized')
  // The `challenge-from-forwarded-host` defect: the origin is taken from what the request says it was sent to.
  const forwarded = state.mutants.has('challenge-from-forwarded-host') ? request.headers.get('x-forwarded-host') : null
  const origin = forwarded ? `http://${forwarded}` : new URL(request.url).origin
  return problem(401, 'Unauthorized', undefined, { challenge: `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/api/v2"` })
}

/** What 8.7+ answers a failed login ("Login failed." / "Login denied."); 8.5's controller a bare Unauthorized(). */
export const loginTitle = (profile: ExceptionlessProfile, title: string) => (profile === 'exceptionless@8.5' ? 'Unauthorized' : title)

/**
 * Exceptionless's envelope: RFC 9457 ProblemDetails as `application/problem+json`, with `instance` =
 * "<METHOD> <path>" and snake_case keys in `errors` (`Program.CustomizeProblemDetails`,
 * `Api/Results/ApiResultMapper.cs`). Its defects live here: plain-text errors, the query string (keys included)
 * in `instance`, the rejected password repeated in a validation error.
 */
export function exceptionlessEnvelope(mutants: ReadonlySet<ExceptionlessMutant>): Envelope {
  return (error, request) => {
    const title = error.title ?? 'Error'
    if (mutants.has('plain-text-errors')) return plainTextError(error, title)
    const url = request.url
    const target = mutants.has('instance-with-query') ? url.slice(url.indexOf('/', url.indexOf('//') + 2)) : pathOf(url)
    let fields = error.fields
    if (mutants.has('echo-password') && fields && error.submitted !== undefined) fields = { ...fields, password: [...(fields.password ?? []), `Rejected value: ${error.submitted}`] }
    // ASP.NET's ProblemDetails defaults know no type for some statuses (429): none is written then.
    const body = {
      ...(error.status === 429 ? {} : { type: mutants.has('problem-type-blank') ? 'about:blank' : (TYPES[error.status] ?? 'about:blank') }),
      title,
      status: error.status,
      instance: `${request.method} ${target}`,
      ...(fields ? { errors: fields } : {}),
    }
    // The `basic-key-echo` defect: the rejected Authorization header repeated as a ProblemDetails extension.
    // The `login-enumeration-detail` defect: a failed login that names no user says so in a detail.
    const detail = mutants.has('basic-key-echo') && error.status === 401 ? { detail: `Rejected ${request.headers.get('authorization') ?? ''}` } : error.detail ? { detail: error.detail } : {}
    return new Response(JSON.stringify({ ...body, ...detail }), { status: error.status, headers: errorHeaders(error, 'application/problem+json; charset=utf-8', { challenge: !mutants.has('challenge-missing') }) })
  }
}
