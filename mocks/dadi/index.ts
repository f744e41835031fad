import type { Context } from 'hono'
// hono/tiny (PatternRouter): hono's default RegExpRouter cannot take these routes and falls back to its TrieRouter,
// which matches them in about twice the time (~0.8 against ~0.4 µs a request).
import { Hono } from 'hono/tiny'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { renderError } from '../core/errors.ts'
import { jsonText } from '../core/http.ts'
import { authenticate, authorizeCollection } from './authenticate.ts'
import { InvalidMethod, NotFound, Unauthorized } from './errors.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseDadiFixtures, type DadiClient, type DadiFixtures } from './fixtures.ts'
import { dadiMutants } from './mutants.ts'
import { createDadiState } from './state.ts'
import { issueToken, tokenRequestFromQuery } from './token-endpoint.ts'

/**
 * A stateful DADI API (v3 wire format, v4 ACL refusal) for its documented auth surface:
 * `POST /token`, `GET /api/collections`, `GET /{version}/{database}/{collection}[/{id}]`.
 */
export function createDadi({ clock, fixtures, mutants }: InstanceContext<DadiFixtures>): MockInstance {
  const state = createDadiState(fixtures, clock, mutants)
  const app = new Hono()
  const render = (error: unknown, request: Request): Response => {
    if (error instanceof Unauthorized && mutants.has('unauthorized-text-body')) error.textBody = true
    return renderError(error, request)
  }
  app.onError((error, c) => render(error, c.req.raw))

  /**
   * Every route but the token route authenticates first (unknown paths too: DADI's auth middleware runs
   * before routing). Handlers stay synchronous and one per route, so hono answers without a promise.
   */
  const authed =
    (handler: (c: Context, client: DadiClient) => Response): ((c: Context) => Response) =>
    (c) =>
      handler(c, authenticate(c.req.raw, state))
  app.notFound((c) => {
    try {
      authenticate(c.req.raw, state)
      return new NotFound().toResponse()
    } catch (error) {
      return render(error, c.req.raw)
    }
  })

  // The token route is the only one that skips authentication; DADI answers it for POST only.
  app.post('/token', (c) => issueToken(c.req.raw, state))
  // The `token-via-get` defect: credentials in the query string of a GET are taken as a token request.
  app.get('/token', (c) => (mutants.has('token-via-get') ? issueToken(tokenRequestFromQuery(c.req.raw), state) : new NotFound().toResponse()))
  app.on(['PUT', 'PATCH', 'DELETE'], '/token', () => new NotFound().toResponse())

  // Fixtures never change while the mock runs: serialise each answer once.
  const collectionList = JSON.stringify({
    collections: fixtures.collections.map((k) => ({
      name: k.name,
      slug: k.name,
      version: k.version,
      database: k.database,
      path: `/${k.version}/${k.database}/${k.name}`,
    })),
  })
  const results = (documents: readonly unknown[]) =>
    JSON.stringify({ results: documents, metadata: { limit: 50, page: 1, fields: {}, offset: 0, totalCount: documents.length, totalPages: 1 } })
  const collections = new Map(
    fixtures.collections.map((k) => [
      `/${k.version}/${k.database}/${k.name}`,
      { all: results(k.documents), byId: new Map(k.documents.map((d) => [String(d._id), results([d])])) },
    ]),
  )
  /**
   * The collection a path names, and whether its permission check applies. The `acl-path-case` defect: the
   * router matches case-insensitively (Express's default) while the ACL finds no collection at the exact path
   * and lets the request through.
   */
  const collectionAt = (version: string, database: string, collection: string) => {
    const path = `/${version}/${database}/${collection}`
    const exact = collections.get(path)
    if (exact !== undefined || !mutants.has('acl-path-case')) return { found: exact, guarded: true }
    for (const [key, value] of collections) if (key.toLowerCase() === path.toLowerCase()) return { found: value, guarded: false }
    return { found: undefined, guarded: true }
  }
  app.get('/api/collections', authed(() => jsonText(collectionList)))
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/collections',
    authed(() => {
      throw new InvalidMethod()
    }),
  )

  app.get(
    '/:version/:database/:collection',
    authed((c, client) => {
      const [version, database, collection] = [c.req.param('version')!, c.req.param('database')!, c.req.param('collection')!]
      const { found, guarded } = collectionAt(version, database, collection)
      if (found === undefined) throw new NotFound()
      if (guarded) authorizeCollection(client, version, collection, state)
      return jsonText(found.all)
    }),
  )
  // One document: the collection's permission first, so a client without it cannot even learn which ids exist.
  app.get(
    '/:version/:database/:collection/:id',
    authed((c, client) => {
      const [version, database, collection] = [c.req.param('version')!, c.req.param('database')!, c.req.param('collection')!]
      const { found, guarded } = collectionAt(version, database, collection)
      if (found === undefined) throw new NotFound()
      if (guarded && !mutants.has('document-route-unguarded')) authorizeCollection(client, version, collection, state)
      const document = found.byId.get(c.req.param('id')!)
      if (document === undefined) throw new NotFound()
      return jsonText(document)
    }),
  )

  return {
    fetch: (request) => app.fetch(request),
    sweep: () => void state.tokens.sweep(),
    preload(count) {
      const clientId = fixtures.clients[0]!.clientId
      for (let i = 0; i < count; i++) state.tokens.upsert(crypto.randomUUID(), clientId, fixtures.tokenTtl)
    },
  }
}

export const dadi: MockDefinition<DadiFixtures> = {
  name: 'dadi',
  title: 'DADI API',
  parseFixtures: parseDadiFixtures,
  defaultFixtures,
  create: createDadi,
  mutants: dadiMutants,
  bench: {
    issue: (f) => ({
      method: 'POST',
      path: '/token',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: f.clients[0]!.clientId, secret: f.clients[0]!.secret }),
    }),
    token: (body) => (body as { accessToken: string }).accessToken,
    protectedGet: (token, f) => {
      const c = f.collections[0]!
      return { method: 'GET', path: `/${c.version}/${c.database}/${c.name}`, headers: { authorization: `Bearer ${token}` } }
    },
  },
  describe: (f) => [
    `POST /token {"clientId","secret"} — tokens live ${f.tokenTtl} s`,
    ...f.clients.map((c) => `client ${c.clientId} / ${c.secret}${c.permissions ? ` (only ${c.permissions.collections.map((p) => p.path).join(', ')})` : ' (all collections)'}`),
  ],
}
