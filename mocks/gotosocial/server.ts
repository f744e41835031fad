import { renderError, type Envelope } from '../core/errors.ts'
import { pathOf } from '../core/http.ts'
import { instanceGet, createStatus, nodeinfoGet, nodeinfoLinks, verifyCredentials } from './api.ts'
import { createApplication } from './apps.ts'
import { authorizeGet, authorizePost } from './authorize.ts'
import { apiError, gtsEnvelope, methodNotAllowed } from './errors.ts'
import { notificationsGet } from './notifications.ts'
import { STYLESHEET } from './pages.ts'
import { revokeEndpoint } from './revoke.ts'
import { oobGet, signInGet, signInPost } from './sign-in.ts'
import type { GtsState } from './state.ts'
import { tokenEndpoint } from './token.ts'

/**
 * GoToSocial's router, as gin serves it (`internal/router`, `internal/api/{auth,client,wellknown,nodeinfo}.go`):
 * - global middleware on every answer (404 and 405 too): no `User-Agent` → 418; `Server`, `X-Frame-Options: DENY`,
 *   `X-Content-Type-Options`, `Referrer-Policy`, `Permissions-Policy`, a CSP, `X-Request-Id`;
 * - route groups add their cache headers (a handler's own win: the token answer's `no-store`):
 *   `/auth`, `/oauth` `private, max-age=120` + `Vary: Accept, Accept-Encoding`; `/api` `no-store`;
 *   `/.well-known` `public, max-age=120`; `/nodeinfo` `public, max-age=86400` (+ `Vary: Accept-Encoding`);
 * - an unknown path → 404 `{"error":"Not Found"}` (or the 404 page); a known path with another method → 405
 *   `text/plain` `405 method not allowed` with `Allow`. Rate limiting is not modelled (declared).
 */
type Handler = (request: Request, state: GtsState) => Response | Promise<Response>

const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  '/api/v1/apps': { POST: createApplication },
  '/oauth/authorize': { GET: authorizeGet, POST: authorizePost },
  '/auth/sign_in': { GET: signInGet, POST: signInPost },
  '/oauth/oob': { GET: oobGet },
  '/oauth/token': { POST: tokenEndpoint },
  '/oauth/revoke': { POST: revokeEndpoint },
  '/api/v1/accounts/verify_credentials': { GET: verifyCredentials },
  '/api/v1/notifications': { GET: notificationsGet },
  '/api/v1/statuses': { POST: createStatus },
  '/api/v1/instance': { GET: instanceGet },
  '/.well-known/nodeinfo': { GET: nodeinfoLinks },
  '/assets/mock.css': { GET: () => new Response(STYLESHEET, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=604800' } }) },
}

const GROUPS: readonly (readonly [string, Readonly<Record<string, string>>])[] = [
  ['/oauth/', { 'cache-control': 'private, max-age=120', vary: 'Accept, Accept-Encoding' }],
  ['/auth/', { 'cache-control': 'private, max-age=120', vary: 'Accept, Accept-Encoding' }],
  ['/api/', { 'cache-control': 'no-store' }],
  ['/.well-known/', { 'cache-control': 'public, max-age=120', vary: 'Accept-Encoding' }],
  ['/nodeinfo/', { 'cache-control': 'public, max-age=86400', vary: 'Accept-Encoding', 'x-robots-tag': 'noindex, nofollow' }],
]

const GLOBAL = {
  server: 'gotosocial',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'browsing-topics=()',
  'content-security-policy': "default-src 'self'; object-src 'none'; img-src 'self' blob:; media-src 'self'",
}

const TEAPOT = '{"error": "I\'m a teapot: no user-agent sent with request"}'

function routeOf(path: string, state: GtsState): Readonly<Record<string, Handler>> | undefined {
  if (path === '/oauth/revoke' && !state.traits.revoke) return undefined
  const exact = ROUTES[path]
  if (exact) return exact
  const version = /^\/nodeinfo\/([^/]+)$/.exec(path)?.[1]
  return version === undefined ? undefined : { GET: (request, s) => nodeinfoGet(request, s, version) }
}

/** The instance's fetch: routing, the API's envelope for refusals, the global and group headers. */
export function gotosocialFetch(state: GtsState): (request: Request) => Response | Promise<Response> {
  const envelope: Envelope = gtsEnvelope({ mutants: state.mutants, title: state.fixtures.instance.title })
  return (request) => {
    if (!request.headers.get('user-agent') && !state.mutants.has('teapot-missing')) {
      return finish(new Response(TEAPOT, { status: 418, headers: { 'content-type': 'application/json' } }), undefined)
    }
    const path = pathOf(request.url)
    const route = routeOf(path, state)
    const handler = route?.[request.method]
    const group = handler ? GROUPS.find(([prefix]) => path.startsWith(prefix))?.[1] : undefined
    let answer: Response | Promise<Response>
    try {
      if (!route) throw apiError(404)
      if (!handler) throw methodNotAllowed(Object.keys(route))
      answer = handler(request, state)
    } catch (error) {
      return finish(renderError(error, request, envelope), group)
    }
    if (answer instanceof Promise) return answer.catch((error: unknown) => renderError(error, request, envelope)).then((response) => finish(response, group))
    return finish(answer, group)
  }
}

function finish(response: Response, group: Readonly<Record<string, string>> | undefined): Response {
  const headers = response.headers
  for (const [name, value] of Object.entries(GLOBAL)) headers.set(name, value)
  if (!headers.has('x-request-id')) headers.set('x-request-id', crypto.randomUUID())
  for (const [name, value] of Object.entries(group ?? {})) if (!headers.has(name)) headers.set(name, value)
  return response
}
