import { jsonError } from '../core/envelope.ts'
import { ApiError, type Envelope } from '../core/errors.ts'
import { pathOf } from '../core/http.ts'
import type { BasiqMutant } from './mutants.ts'

/**
 * Basiq's errors, with the wording of the recorded responses (basiq-swagger `test/**∕responses/*.json`) and of
 * "HTTP errors per endpoint" (ERR, cited by line). Where no source gives a code or title, the choice is marked
 * "decision" and the catalogue says so. No error carries a `WWW-Authenticate` challenge: none is documented.
 */
const notValid = (detail: string, parameter: string, pointer = `header/${parameter}`, submitted?: string) =>
  new ApiError({ status: 400, code: 'parameter-not-valid', title: 'Required parameter not valid', detail, source: { parameter, pointer }, ...(submitted === undefined ? {} : { submitted }) })
const forbidden = (code: string, title: string, detail: string) => new ApiError({ status: 403, code, title, detail })
const notFound = (detail: string) => new ApiError({ status: 404, code: 'resource-not-found', title: 'Requested resource is not found', detail })
const badParameter = (detail: string, parameter: string) => new ApiError({ status: 400, code: 'parameter-not-valid', title: 'Parameter not valid.', detail, source: { parameter } })

export const basiqErrors = {
  // POST /token
  /** ERR L159; code and title as the recorded basiq-version error (decision). */
  authorizationMissing: () => notValid('Authorization header parameter is required', 'Authorization'),
  /** ERR L395: not `Basic <key>`, or the key base64-encoded once more. */
  authorizationInvalid: (submitted: string) => notValid('Invalid authorization header', 'Authorization', 'header/Authorization', submitted),
  /** Recorded: test/token/responses/postTokenBadRequest.json. */
  versionMissing: () => notValid('Basiq-version must be specified in HTTP request header', 'basiq-version'),
  /** ERR L219 ("Version 0.9 is no longer supported…"), with the version sent (decision: any unsupported value). */
  versionUnsupported: (version: string) => notValid(`Version ${version} is no longer supported. Please upgrade to the latest version`, 'basiq-version'),
  /** Recorded with a deleted key: test/token/responses/postTokenNotFound.json (404, not 401). */
  keyUnknown: (submitted: string) =>
    new ApiError({ status: 404, code: 'parameter-not-valid', title: 'We have encountered an error', detail: 'Unable to authenticate. Please, check your API key', submitted }),
  /** ERR L47; code and title of the recorded 403 (decision). */
  accountDisabled: () => forbidden('access-denied', 'Access denied.', 'Your account has been disabled. Please contact Basiq support.'),
  /** ERR L441: too many token requests from one client within 5 minutes. */
  rateLimited: () => forbidden('access-denied', 'Access denied.', 'Invalid request'),
  /**
   * A body that cannot be read: ERR L587 "Posted user is not in valid format." for POST /users; the same sentence
   * for a token request or an auth link is a decision (no source).
   */
  bodyInvalid: (what: 'user' | 'token request' | 'auth link') =>
    new ApiError({ status: 400, code: 'invalid-content', title: 'Invalid request content.', detail: `Posted ${what} is not in valid format.` }),
  /** A scope other than SERVER_ACCESS / CLIENT_ACCESS (decision; wording after "User ID value is not valid"). */
  scopeInvalid: () => notValid('Scope value is not valid', 'scope', 'body/scope'),
  /** CLIENT_ACCESS without userId (rule: posttoken.md L37-41; code, title and wording are decisions). */
  userIdRequired: () =>
    new ApiError({
      status: 400,
      code: 'parameter-not-supplied',
      title: 'Required parameter not supplied',
      detail: 'userId parameter is required for CLIENT_ACCESS scope.',
      source: { parameter: 'userId', pointer: 'body/userId' },
    }),

  // Bearer routes
  /** Recorded without a token on GET /institutions (no detail, no source). */
  invalidToken: () => new ApiError({ status: 401, code: 'invalid-authorization-token', title: 'Invalid authorization token.' }),
  /** Recorded on GET /users/{userId} with an expired token: 403, `"source": null`. */
  tokenExpired: () => forbidden('access-denied', 'Access denied.', 'Token has expired'),
  /** ERR L879 (detail); code and title from core.json's ForbiddenAccessError example. */
  scopeForbidden: () => forbidden('forbidden-access', 'Forbidden Access', 'Access to this resource is forbidden'),
  /** ERR L1491 (detail); code and title from core.json's UnauthorizedError examples. */
  otherUser: () => new ApiError({ status: 401, code: 'unauthorized-access', title: 'Unauthorized Access', detail: 'You are not authorized to access this resource' }),
  userIdNotValid: () => badParameter('User ID value is not valid', 'userId'),
  jobIdNotValid: () => badParameter('Job ID value is not valid', 'jobId'),
  /** Recorded: test/user/responses/userNotFound.json. */
  userNotFound: () => notFound('Requested user does not exist.'),
  jobNotFound: () => notFound('Requested job does not exist.'),
  /** ERR L5653, the documented answer for a route the token's version does not have; used for any unknown route. */
  routeNotFound: () => notFound('Route not found for this API version.'),
  /** ERR L939 ("Accept type is not supported"). */
  acceptNotSupported: () => new ApiError({ status: 400, code: 'unsupported-accept', title: 'Accept type is not supported.', detail: 'Accept type is not supported' }),

  // POST /users, POST /users/{userId}/auth_link
  /** Recorded: test/user/responses/createUserBadRequest.json (`"source": {}`). */
  emailOrMobile: () => new ApiError({ status: 400, code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: "One of 'email' or 'mobile' is required.", source: {} }),
  badFormat: (field: 'email' | 'mobile') => badParameter(`Provided ${field} is in bad format.`, field),
  businessName: () => new ApiError({ status: 400, code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: 'Business name is required when business number is provided.', source: { parameter: 'businessName' } }),
  /** core.json: without a mobile "you will get an error" (wording is a decision). */
  mobileRequired: () => new ApiError({ status: 400, code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: 'Mobile parameter is required.', source: { parameter: 'mobile' } }),
}

/**
 * Basiq's envelope: `{"type":"list","correlationId":<fresh>,"data":[{"type":"error","code","title","detail"?,"source"?}]}`
 * as `application/json` (errors index L155-174). Every 403 carries `"source": null`, as the recorded one does.
 * Its defects live here: one correlationId for every error, RFC 6749 bodies on /token, the API key echoed,
 * and API Gateway's own answer to a request without a token.
 */
export function basiqEnvelope(mutants: ReadonlySet<BasiqMutant>): Envelope {
  const fixed = crypto.randomUUID()
  return (error, request) => {
    if (mutants.has('gateway-missing-token') && error.code === 'invalid-authorization-token' && !request.headers.has('authorization')) {
      return jsonError(error.status === 401 ? new ApiError({ status: 403 }) : error, { message: 'Missing Authentication Token' }, { contentType: 'application/json' })
    }
    if (mutants.has('oauth-error-body') && pathOf(request.url) === '/token') {
      return jsonError(error, { error: error.status === 404 ? 'invalid_client' : 'invalid_request', error_description: error.detail }, { contentType: 'application/json' })
    }
    let detail = error.detail
    if (mutants.has('echo-api-key') && error.submitted !== undefined) detail = `${detail} (${error.submitted})`
    const item = {
      type: 'error',
      code: error.code,
      title: error.title,
      ...(detail === undefined ? {} : { detail }),
      ...(error.status === 403 ? { source: null } : error.source === undefined ? {} : { source: error.source }),
    }
    const correlationId = mutants.has('static-correlation-id') ? fixed : crypto.randomUUID()
    return jsonError(error, { type: 'list', correlationId, data: [item] }, { contentType: 'application/json' })
  }
}
