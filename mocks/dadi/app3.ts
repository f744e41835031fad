import { createApp } from '../core/app.ts'
import { jsonText, pathOf } from '../core/http.ts'
import { authenticate, authorizeCollection } from './authenticate.ts'
import { collectionList } from './collections.ts'
import { dadiEnvelope, dadiErrors } from './errors.ts'
import type { DadiState } from './state.ts'
import { issueToken, tokenRequestFromQuery } from './token-endpoint.ts'

/**
 * DADI API 1.x–3.x (3.2.2 `dadi/lib/index.js`, `auth/index.js`): every path but `/token` authenticates first
 * (unknown ones too), then routes case-insensitively; a collection is read by GET only (HEAD finds no handler:
 * 404), `/api/collections` answers non-GET with 405, and a client's permissions hold on every path to a collection.
 */
export function dadi3App(state: DadiState) {
  const { mutants } = state
  const { app, authed } = createApp({ envelope: dadiEnvelope(mutants, 'dadi@3'), authenticate: (request) => authenticate(request, state), notFound: dadiErrors.notFound })
  const notFound = () => {
    throw dadiErrors.notFound()
  }
  // Only the token route skips authentication, and only at exactly `/token` (3.2.2 auth/index.js:110 compares the
  // URL, query string included: `/token?…` is authenticated like any protected path).
  const exempt = (request: Request) => {
    if (request.url.includes('?')) authenticate(request, state)
  }
  app.post('/token', (c) => (exempt(c.req.raw), issueToken(c.req.raw, state)))
  // The `token-via-get` defect: credentials in the query string of a GET are taken as a token request.
  app.get('/token', (c) => (mutants.has('token-via-get') ? issueToken(tokenRequestFromQuery(c.req.raw), state) : (exempt(c.req.raw), notFound())))
  app.on(['PUT', 'PATCH', 'DELETE', 'HEAD'], '/token', (c) => (exempt(c.req.raw), notFound()))

  const list = collectionList(state.collections.values(), 'dadi@3', true)
  app.on(['GET', 'HEAD'], '/api/collections', authed((c) => (c.req.method === 'HEAD' ? new Response(null, { status: 405, headers: { 'content-type': 'application/json' } }) : jsonText(list))))
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/collections',
    authed(() => {
      throw dadiErrors.invalidMethod()
    }),
  )

  /**
   * The collection a path names (matched case-insensitively) and whether its permission check applies. The
   * `acl-path-case` defect: the permission check finds no collection at a path in other letter case and lets it
   * through (3.2.2's own bypass).
   */
  const resolve = (version: string, database: string, collection: string) => {
    const requested = `/${version}/${database}/${collection}`
    const found = state.collections.get(requested.toLowerCase())
    return { found, guarded: !(mutants.has('acl-path-case') && found !== undefined && found.path !== requested) }
  }
  app.on(
    ['GET', 'HEAD'],
    '/:version/:database/:collection',
    authed((c, client) => {
      const { found, guarded } = resolve(c.req.param('version')!, c.req.param('database')!, c.req.param('collection')!)
      if (found === undefined) throw dadiErrors.notFound()
      if (guarded) authorizeCollection(client, found, pathOf(c.req.url), state)
      if (c.req.method === 'HEAD') throw dadiErrors.notFound()
      return jsonText(found.all)
    }),
  )
  // One document: the collection's permission first, so a client without it cannot even learn which ids exist.
  app.on(
    ['GET', 'HEAD'],
    '/:version/:database/:collection/:id',
    authed((c, client) => {
      const { found, guarded } = resolve(c.req.param('version')!, c.req.param('database')!, c.req.param('collection')!)
      if (found === undefined) throw dadiErrors.notFound()
      if (guarded && !mutants.has('document-route-unguarded')) authorizeCollection(client, found, pathOf(c.req.url), state)
      const document = found.byId.get(c.req.param('id')!)
      if (document === undefined || c.req.method === 'HEAD') throw dadiErrors.notFound()
      return jsonText(document)
    }),
  )
  return app
}
