import { ApiError } from '../core/errors.ts'
import { json } from '../core/http.ts'

/**
 * DADI API's auth errors as `dadi/api` v3 sends them (`dadi/lib/auth/index.js`): the body is the serialised
 * error, `{"statusCode":401}` (18 bytes, as the docs show), and the `WWW-Authenticate` challenge carries a
 * comma right after `Bearer` — not RFC 6750 §3 syntax, but what clients of DADI parse.
 */
export abstract class Unauthorized extends ApiError {
  readonly status = 401
  protected abstract readonly challenge: string | null
  /** Mutant switches: a body that leaks the request, a challenge left out, a plain-text body. */
  echo: Record<string, unknown> | undefined
  withoutChallenge = false
  textBody = false

  toResponse(): Response {
    const challenge = this.withoutChallenge ? null : this.challenge
    const headers: Record<string, string> = challenge === null ? {} : { 'www-authenticate': challenge }
    if (this.textBody) return new Response('Unauthorized', { status: 401, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } })
    return json(this.echo ?? { statusCode: 401 }, 401, headers)
  }
}

/** No `Authorization` header at all: 401 without a challenge (DADI's `fail()` with no type). */
export class MissingAuthorization extends Unauthorized {
  protected readonly challenge = null
}

/** The header is not `Bearer <token>`. */
export class NoToken extends Unauthorized {
  protected readonly challenge = 'Bearer, error="no_token", error_description="No access token supplied"'
}

/** Unknown, expired or otherwise unusable token. */
export class InvalidToken extends Unauthorized {
  protected readonly challenge = 'Bearer, error="invalid_token", error_description="Invalid or expired access token"'
}

/** Wrong, unknown, missing or non-string client credentials at the token endpoint. */
export class InvalidCredentials extends Unauthorized {
  protected readonly challenge = 'Bearer, error="invalid_credentials", error_description="Invalid credentials supplied"'
}

/** A valid token whose client lacks a permission: API-0006 from `error-codes.json` (DADI API 4+ ACL). */
export class AccessDenied extends ApiError {
  readonly status = 403

  toResponse(): Response {
    return json(
      {
        code: 'API-0006',
        title: 'Access denied',
        details: 'The bearer token supplied in the request does not have sufficient permissions to perform the operation.',
      },
      403,
    )
  }
}

export class NotFound extends ApiError {
  readonly status = 404
  toResponse(): Response {
    return json({ statusCode: 404 }, 404)
  }
}

export class InvalidMethod extends ApiError {
  readonly status = 405
  toResponse(): Response {
    return json({ error: 'Invalid method' }, 405)
  }
}
