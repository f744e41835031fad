import { createApp } from '../core/app.ts'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { jsonText } from '../core/http.ts'
import { authenticate, authorizeCollection } from './authenticate.ts'
import { dadiEnvelope, dadiErrors } from './errors.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseDadiFixtures, type DadiFixtures } from './fixtures.ts'
import { dadiMutants, type DadiMutant } from './mutants.ts'
import { createDadiState } from './state.ts'
import { issueToken, tokenRequestFromQuery } from './token-endpoint.ts'

/**
 * A stateful DADI API (v3 wire format, v4 ACL refusal) for its documented auth surface:
 * `POST /token`, `GET /api/collections`, `GET /{version}/{database}/{collection}[/{id}]`.
 */
export function createDadi({ clock, fixtures, mutants }: InstanceContext<DadiFixtures, DadiMutant>): MockInstance {
  const state = createDadiState(fixtures, clock, mutants)
  // Every route but the token route authenticates first (unknown paths too: DADI's auth middleware runs before routing).
  const { app, authed } = createApp({ envelope: dadiEnvelope(mutants), authenticate: (request) => authenticate(request, state), notFound: dadiErrors.notFound })
  const notFound = () => {
    throw dadiErrors.notFound()
  }

  // The token route is the only one that skips authentication; DADI answers it for POST only.
  app.post('/token', (c) => issueToken(c.req.raw, state))
  // The `token-via-get` defect: credentials in the query string of a GET are taken as a token request.
  app.get('/token', (c) => (mutants.has('token-via-get') ? issueToken(tokenRequestFromQuery(c.req.raw), state) : notFound()))
  app.on(['PUT', 'PATCH', 'DELETE'], '/token', notFound)

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
      throw dadiErrors.invalidMethod()
    }),
  )

  app.get(
    '/:version/:database/:collection',
    authed((c, client) => {
      const [version, database, collection] = [c.req.param('version')!, c.req.param('database')!, c.req.param('collection')!]
      const { found, guarded } = collectionAt(version, database, collection)
      if (found === undefined) throw dadiErrors.notFound()
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
      if (found === undefined) throw dadiErrors.notFound()
      if (guarded && !mutants.has('document-route-unguarded')) authorizeCollection(client, version, collection, state)
      const document = found.byId.get(c.req.param('id')!)
      if (document === undefined) throw dadiErrors.notFound()
      return jsonText(document)
    }),
  )

  return {
    fetch: (request) => app.fetch(request),
    purgeExpired: () => void state.tokens.purgeExpired(),
    preload(count) {
      const clientId = fixtures.clients[0]!.clientId
      for (let i = 0; i < count; i++) state.tokens.upsert(crypto.randomUUID(), clientId, fixtures.tokenTtl)
    },
  }
}

export const dadi: MockDefinition<DadiFixtures, DadiMutant> = {
  name: 'dadi',
  title: 'DADI API',
  profiles: ['dadi@3'],
  profileNotes: { 'dadi@3': 'DADI API 1.x–3.x: UUID tokens, {"statusCode":401} bodies, Bearer challenges' },
  parseFixtures: parseDadiFixtures,
  defaultFixtures,
  create: createDadi,
  mutants: dadiMutants,
  errorMediaTypes: ['application/json'],
  async obtainToken(call, origin, f) {
    const { clientId, secret } = f.clients[0]!
    const response = await call(new Request(`${origin}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, secret }) }))
    return ((await response.json()) as { accessToken: string }).accessToken
  },
  describe: (f) => [
    `POST /token {"clientId","secret"} — tokens live ${f.tokenTtl} s`,
    ...f.clients.map((c) => `client ${c.clientId} / ${c.secret}${c.permissions ? ` (only ${c.permissions.collections.map((p) => p.path).join(', ')})` : ' (all collections)'}`),
  ],
}
