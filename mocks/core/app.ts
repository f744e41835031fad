import type { Context } from 'hono'
// hono/tiny (PatternRouter): hono's default RegExpRouter cannot take these APIs' routes and falls back to its
// TrieRouter, which matches them in about twice the time.
import { Hono } from 'hono/tiny'
import { renderError, type ApiError, type Envelope } from './errors.ts'

export type Handler<P> = (c: Context, principal: P) => Response | Promise<Response>

export interface AppOptions<P> {
  /** Renders this API's errors (its envelope, mutants included). */
  envelope: Envelope
  /** Who is calling, or throws the API's refusal. Runs before routing's 404, as real auth middleware does. */
  authenticate(request: Request): P
  /** The API's answer to an unknown path, once the caller is authenticated (`authenticateUnknown`, the default). */
  notFound(request: Request): ApiError
  /** Whether an unknown path authenticates before its 404 (DADI 1.x–3.x do; ASP.NET routes first). Default true. */
  authenticateUnknown?: boolean
  /** Runs on every authenticated route's answer (e.g. `Cache-Control: private` after a query-string token). */
  after?(response: Response, principal: P): Response
}

/**
 * The wiring every API's app repeats: hono/tiny routing, errors rendered in the API's envelope, unknown paths
 * authenticated before they are 404, and `authed(handler)` for routes that need a principal. One synchronous
 * wrapper per route (no middleware chain), so a synchronous handler answers without a promise.
 *
 * @example
 * const { app, authed } = createApp({ envelope, authenticate: (r) => authenticate(r, state), notFound: () => notFound() })
 * app.get('/api/collections', authed((c, client) => json(list)))
 */
export function createApp<P>(options: AppOptions<P>) {
  const app = new Hono()
  const render = (error: unknown, request: Request): Response => renderError(error, request, options.envelope)
  app.onError((error, c) => render(error, c.req.raw))
  app.notFound((c) => {
    try {
      if (options.authenticateUnknown !== false) options.authenticate(c.req.raw)
      throw options.notFound(c.req.raw)
    } catch (error) {
      return render(error, c.req.raw)
    }
  })
  const { after } = options
  const authed =
    (handler: Handler<P>) =>
    (c: Context): Response | Promise<Response> => {
      const principal = options.authenticate(c.req.raw)
      const response = handler(c, principal)
      if (!after) return response
      return response instanceof Promise ? response.then((r) => after(r, principal)) : after(response, principal)
    }
  return { app, authed, render, fetch: (request: Request) => app.fetch(request) }
}
