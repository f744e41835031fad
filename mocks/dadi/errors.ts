import { jsonError, plainTextError } from '../core/envelope.ts'
import { ApiError, type Envelope } from '../core/errors.ts'
import type { DadiMutant } from './mutants.ts'

/**
 * DADI API's errors (`dadi/lib/auth/index.js`, v3 wire format): the body of a 401 is the serialised error,
 * `{"statusCode":401}` (18 bytes, as the docs show), and the `WWW-Authenticate` challenge carries a comma right
 * after `Bearer` — not RFC 6750 §3 syntax, but what clients of DADI parse.
 */
const challenge = (error: string, description: string) => `Bearer, error="${error}", error_description="${description}"`

export const dadiErrors = {
  /** No `Authorization` header at all: 401 without a challenge (DADI's `fail()` with no type). */
  missingAuthorization: () => new ApiError({ status: 401, code: 'missing_authorization' }),
  /** The header is not `Bearer <token>`. */
  noToken: () => new ApiError({ status: 401, code: 'no_token', challenge: challenge('no_token', 'No access token supplied') }),
  /** Unknown, expired or otherwise unusable token. */
  invalidToken: () => new ApiError({ status: 401, code: 'invalid_token', challenge: challenge('invalid_token', 'Invalid or expired access token') }),
  /** Wrong, unknown, missing or non-string client credentials at the token endpoint; `secret` is what was sent. */
  invalidCredentials: (secret: unknown) =>
    new ApiError({ status: 401, code: 'invalid_credentials', challenge: challenge('invalid_credentials', 'Invalid credentials supplied'), submitted: String(secret) }),
  /** A valid token whose client lacks a permission: API-0006 from `error-codes.json` (DADI API 4+ ACL). */
  accessDenied: () =>
    new ApiError({
      status: 403,
      code: 'API-0006',
      title: 'Access denied',
      detail: 'The bearer token supplied in the request does not have sufficient permissions to perform the operation.',
    }),
  notFound: () => new ApiError({ status: 404, code: 'not_found' }),
  invalidMethod: () => new ApiError({ status: 405, code: 'invalid_method', detail: 'Invalid method' }),
}

/**
 * Renders every DADI error, and is the one place its envelope defects live: a 401 body in plain text, a 401
 * that echoes the submitted secret, an invalid-token 401 without its challenge.
 */
export function dadiEnvelope(mutants: ReadonlySet<DadiMutant>): Envelope {
  return (error) => {
    const challenge = !(mutants.has('no-www-authenticate') && error.code === 'invalid_token')
    if (error.status === 401) {
      if (mutants.has('unauthorized-text-body')) return plainTextError(error, 'Unauthorized', { challenge })
      if (mutants.has('echo-secret') && error.code === 'invalid_credentials' && error.submitted !== undefined) {
        return jsonError(error, { statusCode: 401, message: `Invalid secret ${error.submitted}` }, { challenge })
      }
      return jsonError(error, { statusCode: 401 }, { challenge })
    }
    if (error.code === 'API-0006') return jsonError(error, { code: error.code, title: error.title, details: error.detail })
    if (error.status === 405) return jsonError(error, { error: error.detail })
    return jsonError(error, { statusCode: error.status })
  }
}
