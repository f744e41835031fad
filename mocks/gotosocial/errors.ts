import { ApiError, type Envelope } from '../core/errors.ts'
import type { GtsMutant } from './mutants.ts'
import { HTML_TYPE, JSON_TYPE, negotiate } from './negotiate.ts'
import { errorPage } from './pages.ts'

/**
 * GoToSocial's two error bodies, as data (`ApiError`) and one envelope:
 * - API and page errors (`apiutil.ErrorHandler`, `internal/api/util/errorhandling.go:105-153`):
 *   `{"error":"<HTTP status text>: <help>[: <help>…]"}`, or the HTML error page with the same status when
 *   negotiation (JSON first, then HTML) picks `text/html` — a browser's Accept.
 * - OAuth errors (`apiutil.OAuthErrorHandler`, `:166-186`), token and revocation endpoints only: always JSON
 *   `{"error":"<original error>","error_description":"<status text>: <help>…"}`.
 * JSON is `application/json` without a charset. No `WWW-Authenticate` anywhere (no such header in internal/).
 */
export const ADVICE =
  "If you arrived at this error during a sign in/oauth flow, please try clearing your session cookies and signing in again; if problems persist, make sure you're using the correct credentials"

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  500: 'Internal Server Error',
}

/** Marks an ApiError rendered by the OAuth error handler. */
const OAUTH = 'oauth'
/** Marks gin's own 405 (plain text). */
const METHOD = 'method'

/** An API error: the status text and the help texts, joined by ": " (gtserror `Safe()`). */
export function apiError(status: number, help: readonly string[] = [], extra: { headers?: Record<string, string>; submitted?: string } = {}): ApiError {
  return new ApiError({ status, code: 'api', detail: [STATUS_TEXT[status] ?? 'Error', ...help].join(': '), ...extra })
}

/** An OAuth error: `error` is the underlying error's text (an RFC 6749 code, or `sql: no rows in result set`). */
export function oauthFailure(status: number, error: string, help: readonly string[], extra: { submitted?: string } = {}): ApiError {
  return new ApiError({ status, code: error, title: OAUTH, detail: [STATUS_TEXT[status] ?? 'Error', ...help].join(': '), ...extra })
}

/** gin's answer to a known path with another method (`HandleMethodNotAllowed`). */
export function methodNotAllowed(allow: readonly string[]): ApiError {
  return new ApiError({ status: 405, code: METHOD, headers: { allow: allow.join(', ') } })
}

/** 406 when the request's Accept excludes the one type `offer` this endpoint produces. */
export function requireOffer(request: Request, offer: string): void {
  if (negotiate(request, [offer])) return
  const accepts = request.headers.get('accept') ?? ''
  throw apiError(406, [`no format can be offered for requested Accept header(s) [${accepts}]; this endpoint offers [${offer}]`])
}

export interface EnvelopeContext {
  mutants: ReadonlySet<GtsMutant>
  /** Renders the HTML error page (the instance's page template). */
  title: string
}

export function gtsEnvelope(context: EnvelopeContext): Envelope {
  const { mutants } = context
  return (error, request) => {
    const headers: Record<string, string> = { ...error.headers }
    if (error.code === METHOD) return new Response('405 method not allowed', { status: 405, headers: { ...headers, 'content-type': 'text/plain' } })
    let detail = error.detail ?? ''
    if (mutants.has('token-error-echoes-code') && error.submitted) detail = `${detail}: ${error.submitted}`
    if (error.title === OAUTH) {
      return new Response(JSON.stringify({ error: error.code, error_description: detail }), { status: error.status, headers: { ...headers, 'content-type': JSON_TYPE } })
    }
    if (mutants.has('challenge-sent') && error.status === 401) headers['www-authenticate'] = 'Bearer realm="gotosocial"'
    if (negotiate(request, [JSON_TYPE, HTML_TYPE]) === HTML_TYPE && !mutants.has('errors-always-json')) {
      return errorPage(context.title, error.status, detail, headers)
    }
    return new Response(JSON.stringify({ error: detail }), { status: error.status, headers: { ...headers, 'content-type': JSON_TYPE } })
  }
}
