import { jsonError, plainTextError } from '../core/envelope.ts'
import { ApiError, type Envelope } from '../core/errors.ts'
import type { DadiMutant } from './mutants.ts'
import type { DadiProfile } from './profiles.ts'

/**
 * DADI API's errors, as each release line sends them (`dadi/lib/auth/index.js`, `dadi/lib/help.js`,
 * `error-codes.json`; wire answers recorded from real 3.2.2 and 6.1.0 servers):
 * - 1.x–3.x: every auth refusal is 401 `{"statusCode":401}` (the serialised error, 18 bytes), its challenge with a
 *   comma right after `Bearer` (`Bearer, error="…"`, not RFC 6750 §3 syntax); no header → no challenge; a
 *   permission refusal is 401 with `Bearer realm="<path>"`.
 * - 4.x–6.x: a protected route answers 401 API-0005 or 403 API-0006 with a `docLink`, never a challenge; only
 *   `/token` keeps `invalid_credentials` with `{"statusCode":401}`, and sets no-store on every answer.
 * - Both: an unknown route is 404 with an empty body; a body that is not JSON is body-parser's 400.
 */
const challenge = (error: string, description: string) => `Bearer, error="${error}", error_description="${description}"`
const DOCS = 'https://docs.dadi.cloud/api/#'
/** The ETags of the two fixed 4.x–6.x bodies, as 6.1.0 sends them (`"<length hex>-<base64 SHA-1, 27 characters>"`). */
const ETAGS: Record<string, string> = { 'API-0005': '"bc-kCanqq4ROrgyXjAa1zX7giO43/c"', 'API-0006': '"d1-macJuwdXe89zUPgnUpR0s+TB/wk"' }

export const dadiErrors = {
  /** No `Authorization` header at all (1.x–3.x): 401 without a challenge (DADI's `fail()` with no type). */
  missingAuthorization: () => new ApiError({ status: 401, code: 'missing_authorization' }),
  /** The header is not `Bearer <token>` (1.x–3.x). */
  noToken: () => new ApiError({ status: 401, code: 'no_token', challenge: challenge('no_token', 'No access token supplied') }),
  /** Unknown, expired or otherwise unusable token (1.x–3.x). */
  invalidToken: () => new ApiError({ status: 401, code: 'invalid_token', challenge: challenge('invalid_token', 'Invalid or expired access token') }),
  /** A valid token without permission for the path (1.x–3.x): 401 naming the path as realm. */
  notPermitted: (path: string) => new ApiError({ status: 401, code: 'not_permitted', challenge: `Bearer realm="${path}"` }),
  /** Wrong, unknown, missing or non-string client credentials at the token endpoint; `secret` is what was sent. */
  invalidCredentials: (secret: unknown, noStore: boolean) =>
    new ApiError({
      status: 401,
      code: 'invalid_credentials',
      challenge: challenge('invalid_credentials', 'Invalid credentials supplied'),
      submitted: String(secret),
      // 4.x+ sets the token response's cache headers before it checks anything (auth/index.js:106-108).
      ...(noStore ? { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } } : {}),
    }),
  /** 5.x–6.x: a client record whose secret is not hashed yet (auth/index.js:76-91). */
  clientNeedsUpgrade: (noStore: boolean) =>
    new ApiError({
      status: 401,
      code: 'client_needs_upgrade',
      challenge: challenge('client_needs_upgrade', 'The client record on the server must be upgraded'),
      ...(noStore ? { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } } : {}),
    }),
  /** The `token-lockout` defect's refusal: no DADI release throttles the token route. */
  tooManyAttempts: () => new ApiError({ status: 429, code: 'too_many_attempts', headers: { 'retry-after': '900' } }),
  /** 4.x+: a request without a valid bearer token (error-codes.json API-0005). */
  unauthorised: () =>
    new ApiError({ status: 401, code: 'API-0005', title: 'Unauthorised', detail: 'The request could not be fulfilled because it did not contain a valid bearer token.' }),
  /** 4.x+: a valid token whose client lacks a permission (error-codes.json API-0006). */
  accessDenied: () =>
    new ApiError({
      status: 403,
      code: 'API-0006',
      title: 'Access denied',
      detail: 'The bearer token supplied in the request does not have sufficient permissions to perform the operation.',
    }),
  notFound: () => new ApiError({ status: 404, code: 'not_found' }),
  /** 4.x–6.x: a document id that names no document, after the checks (the serialised error, unlike an unknown route). */
  documentNotFound: () => new ApiError({ status: 404, code: 'document_not_found' }),
  invalidMethod: () => new ApiError({ status: 405, code: 'invalid_method', detail: 'Invalid method' }),
  /** A body the JSON parser cannot read: body-parser's error, serialised (what was sent stays out of it). */
  unparsable: (raw: string) => new ApiError({ status: 400, code: 'entity.parse.failed', submitted: raw }),
}

/**
 * Renders every DADI error of a profile, and is the one place its envelope defects live: 401 bodies in plain text,
 * the submitted secret echoed, an invalid-token 401 without its challenge, the raw body echoed in a parse error.
 */
export function dadiEnvelope(mutants: ReadonlySet<DadiMutant>, profile: DadiProfile): Envelope {
  return (error) => {
    const withChallenge = !(mutants.has('no-www-authenticate') && error.code === 'invalid_token')
    if (error.code === 'document_not_found') return jsonError(error, { statusCode: 404 })
    if (error.status === 404) return new Response(null, { status: 404, headers: error.headers ?? {} })
    if (error.status === 400) {
      const echo = mutants.has('parse-error-echo') ? { body: error.submitted } : {}
      return jsonError(error, { expose: true, statusCode: 400, status: 400, ...echo, type: error.code })
    }
    if (error.code === 'API-0005' || error.code === 'API-0006') {
      if (mutants.has('unauthorized-text-body') && error.status === 401) return plainTextError(error, 'Unauthorized')
      if (mutants.has('forbidden-text-body') && error.status === 403) return plainTextError(error, 'Forbidden')
      // help.sendBackJSON sets an ETag (the `etag` package: length and SHA-1 of the body, which never changes).
      const withEtag = new ApiError({ ...error, headers: { ...error.headers, etag: ETAGS[error.code]! } })
      return jsonError(withEtag, { code: error.code, title: error.title, details: error.detail, docLink: `${DOCS}${error.code.toLowerCase()}` })
    }
    if (error.status === 401) {
      if (mutants.has('unauthorized-text-body')) return plainTextError(error, 'Unauthorized', { challenge: withChallenge })
      if (mutants.has('echo-secret') && error.code === 'invalid_credentials') {
        return jsonError(error, { statusCode: 401, message: `Invalid secret ${error.submitted}` }, { challenge: withChallenge })
      }
      return jsonError(error, { statusCode: 401 }, { challenge: withChallenge })
    }
    if (error.status === 405) return jsonError(error, { error: error.detail })
    if (error.status === 429) return jsonError(error, { statusCode: 429 })
    return jsonError(error, { statusCode: error.status })
  }
}
