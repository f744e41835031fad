import type { ApiError } from './errors.ts'

/**
 * Pieces every API's envelope function uses; the envelopes themselves live with their API
 * (`mocks/<api>/errors.ts`), one function each, mutants included.
 */

const JSON_TYPE = 'application/json; charset=utf-8'

/** The response headers an error carries: its own, its challenge unless left out, and the content type. */
export function errorHeaders(error: ApiError, contentType: string, options: { challenge?: boolean } = {}): Record<string, string> {
  const headers: Record<string, string> = { ...error.headers, 'content-type': contentType }
  if (error.challenge !== undefined && options.challenge !== false) headers['www-authenticate'] = error.challenge
  return headers
}

/** An error as a JSON body in whatever shape the API gives it. */
export function jsonError(error: ApiError, body: unknown, options: { challenge?: boolean; contentType?: string } = {}): Response {
  return new Response(JSON.stringify(body), { status: error.status, headers: errorHeaders(error, options.contentType ?? JSON_TYPE, options) })
}

/** The plain-text body of a server that forgot its envelope (a mutant every API can switch on). */
export function plainTextError(error: ApiError, text: string, options: { challenge?: boolean } = {}): Response {
  return new Response(text, { status: error.status, headers: errorHeaders(error, 'text/plain; charset=utf-8', options) })
}

/** Whether the client prefers HTML over JSON (GoToSocial answers browsers with pages, API clients with JSON). */
export function prefersHtml(request: Request): boolean {
  const accept = request.headers.get('accept') ?? ''
  return accept.includes('text/html') && !/application\/(?:[\w.+-]*\+)?json/.test(accept.split(',')[0] ?? '')
}
