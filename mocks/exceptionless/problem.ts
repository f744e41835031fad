import { ApiError } from '../core/errors.ts'
import { pathOf } from '../core/http.ts'

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  422: 'https://tools.ietf.org/html/rfc4918#section-11.2',
}

/**
 * Exceptionless's error envelope: RFC 9457 ProblemDetails as `application/problem+json`, with
 * `instance` = "<METHOD> <path>" and snake_case keys in `errors` (`Program.CustomizeProblemDetails`,
 * `Api/Results/ApiResultMapper.cs`). The title carries the message ("Login failed.").
 */
export class Problem extends ApiError {
  /** Mutant switches (set where errors are rendered): plain text instead of ProblemDetails; the query string in `instance`. */
  plainText = false
  withQuery = false

  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors?: Record<string, string[]>,
    readonly headers: Record<string, string> = {},
  ) {
    super(title)
  }

  toResponse(request: Request): Response {
    if (this.plainText) return new Response(this.title, { status: this.status, headers: { ...this.headers, 'content-type': 'text/plain; charset=utf-8' } })
    const body = {
      type: TYPES[this.status] ?? 'about:blank',
      title: this.title,
      status: this.status,
      instance: `${request.method} ${this.withQuery ? request.url.slice(request.url.indexOf('/', request.url.indexOf('//') + 2)) : pathOf(request.url)}`,
      ...(this.errors ? { errors: this.errors } : {}),
    }
    return new Response(JSON.stringify(body), { status: this.status, headers: { ...this.headers, 'content-type': 'application/problem+json; charset=utf-8' } })
  }
}

export const validation = (errors: Record<string, string[]>, status = 422) => new Problem(status, 'One or more validation errors occurred.', errors)
export const forbidden = (title = 'Forbidden') => new Problem(403, title)
export const notFound = (title = 'Not Found') => new Problem(404, title)
