import { MOCK_FAULT_HEADER } from '../control/protocol.ts'

/**
 * A refusal as data. Checks throw it; one envelope function per API (see `envelope.ts`) turns it into that API's
 * wire format, so the same RFC 6749 error renders as DADI's `{"statusCode":401}`, Exceptionless's
 * ProblemDetails, Basiq's `{"type":"list",…}` or Frame.io's `{code,message,errors}`. Named after
 * oidc-provider's error classes, but without a class per error: the fields are the error.
 */
export interface ErrorFields {
  status: number
  /** The API's machine-readable code: `invalid_token`, `API-0006`, `access-denied`, … */
  code?: string
  /** A short title (ProblemDetails `title`, Basiq `title`). */
  title?: string
  /** The explanation (`error_description`, Basiq `detail`, DADI `details`). */
  detail?: string
  /** The `WWW-Authenticate` value the API sends with it, as the API spells it. */
  challenge?: string
  /** Validation errors per field (snake_case keys where the API uses them). */
  fields?: Record<string, string[]>
  /** Where in the request the fault is (Basiq's `source`). */
  source?: { pointer?: string; parameter?: string }
  /** Extra response headers. */
  headers?: Record<string, string>
  /**
   * What the client sent that caused it (a secret, say). A correct envelope never shows it; an echo mutant in
   * the envelope does, so the defect lives in one place.
   */
  submitted?: string
}

export class ApiError extends Error implements ErrorFields {
  readonly status: number
  readonly code?: string
  readonly title?: string
  readonly detail?: string
  readonly challenge?: string
  readonly fields?: Record<string, string[]>
  readonly source?: { pointer?: string; parameter?: string }
  readonly headers?: Record<string, string>
  readonly submitted?: string

  constructor(fields: ErrorFields) {
    super(fields.title ?? fields.detail ?? fields.code ?? `HTTP ${fields.status}`)
    Object.assign(this, fields)
    this.status = fields.status
  }
}

/** Renders an API's errors in its wire format (one per API, or per route group: see envelope.ts). */
export type Envelope = (error: ApiError, request: Request) => Response

/**
 * A fault of the mock itself (bad fixtures, unknown control session, bug): never an API behaviour.
 * Messages start with `[authconform]` and say how to fix the cause (as msw's devUtils do).
 */
export class MockError extends Error {
  constructor(
    message: string,
    readonly status = 500,
  ) {
    super(`[authconform] ${message}`)
  }

  toResponse(): Response {
    return new Response(JSON.stringify({ error: 'mock_error', message: this.message }), {
      status: this.status,
      headers: { 'content-type': 'application/json; charset=utf-8', [MOCK_FAULT_HEADER]: 'mock' },
    })
  }
}

/** Renders any thrown value: API errors in the API's envelope, everything else as a mock fault without internals. */
export function renderError(error: unknown, request: Request, envelope?: Envelope): Response {
  if (error instanceof ApiError && envelope) return envelope(error, request)
  if (error instanceof MockError) return error.toResponse()
  console.error('[authconform] unhandled error in mock core:', error)
  return new MockError('the mock failed to handle this request; this is a bug in authconform').toResponse()
}
