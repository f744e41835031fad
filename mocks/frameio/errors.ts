import { errorHeaders } from '../core/envelope.ts'
import { ApiError, type Envelope } from '../core/errors.ts'
import type { FrameioMutant } from './mutants.ts'

/**
 * Frame.io's API errors (`HTTPError {code, message, errors[{code, detail, status, title}]}`, generated client):
 * `code` and every `errors[].code`/`status` repeat the HTTP status. The 401 body is the one Frame.io prints for an
 * expired token (C2C "How to: Manage Authorization"), used for every 401; the 403 body is proposed (no source
 * shows one; the API Error Codes page: "You do not have access to that resource").
 * - RFC 6750 §3: `WWW-Authenticate: Bearer realm="api.frame.io"` on 401, with `error="invalid_token"` when a token
 *   was sent; `error="insufficient_scope", scope=…` on a scope 403 (§3.1). Unverified against Frame.io.
 */
export const REALM = 'api.frame.io'
const bearer = (params = '') => `Bearer realm="${REALM}"${params}`

export const frameioErrors = {
  /** No token, or one sent in a way that is not read (a query parameter, another scheme): no error code (§3). */
  unauthenticated: () => new ApiError({ status: 401, code: 'unauthenticated', title: 'Not Authorized', detail: 'You are not allowed to access that resource', challenge: bearer() }),
  /** A malformed, unknown, expired, revoked or deleted token. */
  invalidToken: () =>
    new ApiError({ status: 401, code: 'invalid_token', title: 'Not Authorized', detail: 'You are not allowed to access that resource', challenge: bearer(', error="invalid_token"') }),
  insufficientScope: (scope: string) =>
    new ApiError({ status: 403, code: 'insufficient_scope', title: 'Forbidden', detail: 'You do not have access to that resource', challenge: bearer(`, error="insufficient_scope", scope="${scope}"`) }),
  /** The user may not reach that part of the account (no challenge: the token is fine). */
  noAccess: () => new ApiError({ status: 403, code: 'forbidden', title: 'Forbidden', detail: 'You do not have access to that resource' }),
  notFound: () => new ApiError({ status: 404, code: 'not_found', title: 'Not Found', detail: 'Resource not found' }),
  invalidArguments: (detail: string) => new ApiError({ status: 422, code: 'invalid_arguments', title: 'Invalid arguments', detail }),
  badRequest: (detail: string) => new ApiError({ status: 400, code: 'bad_request', title: 'Bad Request', detail }),
  /** The portal's JSON API without a signed-in session (or with a bearer token, which does not count). */
  portalUnauthenticated: () => new ApiError({ status: 401, code: 'unauthenticated', title: 'Not Authorized', detail: 'Sign in to the Developer Portal first' }),
}

/** The envelope of `/v2` and the portal's JSON API; its defects live here. */
export function frameioEnvelope(mutants: ReadonlySet<FrameioMutant>): Envelope {
  return (error, request) => {
    const challenge = !mutants.has('no-bearer-challenge')
    const headers = errorHeaders(error, 'application/json; charset=utf-8', { challenge })
    if (challenge && error.challenge) headers['www-authenticate'] = challengeOf(error, mutants)
    const title = error.title ?? 'Error'
    // The `error-repeats-url` defect names the request in the detail, query string (and a token in it) included.
    const url = new URL(request.url)
    const detail = mutants.has('error-repeats-url') ? `${error.detail ?? title} (${request.method} ${url.pathname}${url.search})` : (error.detail ?? title)
    let body: unknown = { code: error.status, errors: [{ code: error.status, detail, status: error.status, title }], message: title }
    if (error.status === 401 && mutants.has('unauthorized-body-drift')) body = { message: 'Unauthorized' }
    if (error.status === 403 && mutants.has('forbidden-body-drift')) body = { message: title }
    return new Response(JSON.stringify(body), { status: error.status, headers })
  }
}

/**
 * A refusal's RFC 6750 §3 challenge, and three defects of one challenge builder used for every refusal: an error
 * code with no token sent, none for a bad token, `invalid_token` for a missing scope.
 */
function challengeOf(error: ApiError, mutants: ReadonlySet<FrameioMutant>): string {
  if (error.code === 'unauthenticated' && mutants.has('challenge-error-without-token')) return bearer(', error="invalid_token"')
  if (error.code === 'invalid_token' && mutants.has('challenge-without-error')) return bearer()
  if (error.code === 'insufficient_scope' && mutants.has('insufficient-scope-invalid-token')) return bearer(', error="invalid_token"')
  return error.challenge ?? bearer()
}
