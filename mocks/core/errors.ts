/**
 * An error that knows its own wire form. Each API's errors extend this and render the envelope the real
 * service sends (RFC 6749 §5.2 JSON, RFC 9457 ProblemDetails, Basiq's `type: list`, …), headers included,
 * like hono's `HTTPException#getResponse()`.
 */
export abstract class ApiError extends Error {
  abstract readonly status: number
  abstract toResponse(request: Request): Response
}

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
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-authconform-error': 'mock' },
    })
  }
}

/** Renders any thrown value: API errors as the API would, everything else as a mock fault without internals. */
export function renderError(error: unknown, request: Request): Response {
  if (error instanceof ApiError) return error.toResponse(request)
  if (error instanceof MockError) return error.toResponse()
  console.error('[authconform] unhandled error in mock core:', error)
  return new MockError('the mock failed to handle this request; this is a bug in authconform').toResponse()
}
