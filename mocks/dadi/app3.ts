import type { Context } from 'hono'
import { createApp } from '../core/app.ts'
import { jsonText, pathOf } from '../core/http.ts'
import { authenticate, authorizeCollection } from './authenticate.ts'
import { collectionList, results, type Collection } from './collections.ts'
import { dadiEnvelope, dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import { fromCache, keep, mustAuthenticate3, privately } from './rules.ts'
import type { DadiState } from './state.ts'
import { issueToken, tokenRequestFromQuery } from './token-endpoint.ts'

/**
 * DADI API 1.x–3.x (3.2.2 `dadi/lib/index.js`, `auth/index.js`): every path but `/token` authenticates first
 * (unknown ones too) — except favicons, exactly `/hello`, paths naming `docs`, and the methods a collection's
 * `settings.authenticate` leaves open — then routes case-insensitively; a collection is read by GET only (HEAD
 * finds no handler: 404), `/api/collections` answers non-GET with 405, and a client's permissions hold on every
 * path to a collection (its documents, count and stats).
 */
export function dadi3App(state: DadiState) {
  const { mutants } = state
  const { app, authed } = createApp({ envelope: dadiEnvelope(mutants, 'dadi@3'), authenticate: (request) => authenticate(request, state), notFound: dadiErrors.notFound })
  const notFound = () => {
    throw dadiErrors.notFound()
  }
  // Only the token route skips authentication, and only at exactly `/token` (3.2.2 auth/index.js:110 compares the
  // URL, query string included: `/token?…` and `/token/` are authenticated like any protected path).
  const exempt = (request: Request) => {
    if ((request.url.includes('?') || pathOf(request.url) !== '/token') && !mutants.has('token-query-exempt')) authenticate(request, state)
  }
  app.post('/token', (c) => (exempt(c.req.raw), issueToken(c.req.raw, state)))
  // The `token-via-get` defect: credentials in the query string of a GET are taken as a token request.
  app.get('/token', (c) => (mutants.has('token-via-get') ? issueToken(tokenRequestFromQuery(c.req.raw), state) : (exempt(c.req.raw), notFound())))
  // No revocation: DELETE /token finds no handler (the `token-delete-ok` defect answers 204, as if it revoked).
  app.on(['PUT', 'PATCH', 'DELETE', 'HEAD'], '/token', (c) => (exempt(c.req.raw), c.req.method === 'DELETE' && mutants.has('token-delete-ok') ? new Response(null, { status: 204 }) : notFound()))

  // Answered before authentication: favicons (lib/index.js:181-190, the whole URL must end in the name) and exactly `/hello` (auth/index.js:19 compares
  // the whole URL, so `/hello?x` must authenticate; the `hello-exempt-with-query` defect compares the path).
  app.get('/favicon.ico', (c) => (c.req.url.includes('?') ? (authenticate(c.req.raw, state), notFound()) : new Response(null, { status: 204 })))
  app.get('/hello', (c) => {
    if (c.req.url.includes('?') && !mutants.has('hello-exempt-with-query')) authenticate(c.req.raw, state)
    return new Response('Welcome to API', { status: 200 })
  })

  const list = collectionList(state.collections.values(), 'dadi@3', true)
  app.on(['GET', 'HEAD'], '/api/collections', authed((c) => (c.req.method === 'HEAD' ? new Response(null, { status: 405, headers: { 'content-type': 'application/json' } }) : jsonText(list))))
  // Other methods: authentication first, then 405 (lib/index.js:532-535); the `collections-post-unauthenticated` defect skips the first.
  const invalidMethod = () => {
    throw dadiErrors.invalidMethod()
  }
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/collections', mutants.has('collections-post-unauthenticated') ? invalidMethod : authed(invalidMethod))

  /**
   * The collection a request names (matched case-insensitively), whether its permission check applies, and the
   * client — or none, when the collection's settings or a `docs` path (auth/index.js:22: "docs" after the first
   * character) skip authentication. The `acl-path-case` defect: the permission check finds no collection at a path
   * in other letter case and lets it through (3.2.2's own bypass).
   */
  const open = (c: Context, always = false): { found: Collection | undefined; client: DadiClient | undefined; guarded: boolean } => {
    const requested = `/${c.req.param('version')}/${c.req.param('database')}/${c.req.param('collection')}`
    const found = state.collections.get(requested.toLowerCase())
    const path = pathOf(c.req.url)
    const must = always || found === undefined || mustAuthenticate3(found, c.req.method, mutants)
    const client = path.indexOf('docs') > 0 || !must ? undefined : authenticate(c.req.raw, state)
    return { found, client, guarded: !(mutants.has('acl-path-case') && found !== undefined && found.path !== requested) }
  }
  const read = (c: Context, answer: (found: Collection) => string, { always = false, unguarded = false } = {}) => {
    const named = state.collections.get(`/${c.req.param('version')}/${c.req.param('database')}/${c.req.param('collection')}`.toLowerCase())
    const cached = named && fromCache(c.req.raw, named, state.responseCache, mutants)
    if (cached) return jsonText(cached)
    const { found, client, guarded } = open(c, always)
    if (found === undefined) throw dadiErrors.notFound()
    // The `realm-includes-query` defect: the realm names the URL as requested, query string and all.
    if (client && guarded && !unguarded) authorizeCollection(client, found, state.mutants.has('realm-includes-query') ? c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2)) : pathOf(c.req.url), state)
    if (c.req.method === 'HEAD') throw dadiErrors.notFound()
    return jsonText(keep(c.req.raw, found, answer(found), state.responseCache, mutants), 200, privately(mutants))
  }
  app.on(['GET', 'HEAD'], '/:version/:database/:collection', (c) => read(c, (found) => found.all))
  // Count and stats match no collection route key, so they always authenticate (3.2.2 then skips the permission
  // check for them: its lookup by substring finds no key — the defect DADI-ACL-PATHS catches; the mock checks).
  const counted = { always: true, unguarded: mutants.has('count-unguarded') }
  app.get('/:version/:database/:collection/count', (c) => read(c, (found) => found.count, counted))
  app.get('/:version/:database/:collection/stats', (c) => read(c, (found) => found.stats, counted))
  // One document: the collection's permission first, so a client without it cannot even learn which ids exist;
  // an id that names no document is an empty result (3.2.2 answers 200, no 404). The `document-route-unguarded`
  // defect skips the permission check on this route alone.
  app.on(['GET', 'HEAD'], '/:version/:database/:collection/:id', (c) =>
    read(c, (found) => found.byId.get(c.req.param('id')!) ?? results([]), { unguarded: mutants.has('document-route-unguarded') }),
  )
  return app
}
