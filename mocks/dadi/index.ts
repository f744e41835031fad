import { Hono } from 'hono'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { renderError } from '../core/errors.ts'
import { json } from '../core/http.ts'
import { authenticate, authorizeCollection } from './authenticate.ts'
import { InvalidMethod, NotFound } from './errors.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseDadiFixtures, type DadiClient, type DadiFixtures } from './fixtures.ts'
import { dadiMutants } from './mutants.ts'
import { createDadiState } from './state.ts'
import { issueToken } from './token-endpoint.ts'

/**
 * A stateful DADI API (v3 wire format, v4 ACL refusal) for its documented auth surface:
 * `POST /token`, `GET /api/collections`, `GET /{version}/{database}/{collection}`.
 */
export function createDadi({ clock, fixtures, mutants }: InstanceContext<DadiFixtures>): MockInstance {
  const state = createDadiState(fixtures, clock, mutants)
  const app = new Hono<{ Variables: { client: DadiClient } }>()
  app.onError((error, c) => renderError(error, c.req.raw))
  app.notFound(() => new NotFound().toResponse())

  // The token route is the only one that skips authentication; DADI answers it for POST only.
  app.post('/token', (c) => issueToken(c.req.raw, state))
  app.all('/token', () => new NotFound().toResponse())

  app.use('*', async (c, next) => {
    c.set('client', authenticate(c.req.raw, state))
    await next()
  })

  app.get('/api/collections', (c) =>
    c.json({
      collections: fixtures.collections.map((k) => ({
        name: k.name,
        slug: k.name,
        version: k.version,
        database: k.database,
        path: `/${k.version}/${k.database}/${k.name}`,
      })),
    }),
  )
  app.all('/api/collections', () => {
    throw new InvalidMethod()
  })

  app.get('/:version/:database/:collection', (c) => {
    const { version, database, collection } = c.req.param()
    const found = fixtures.collections.find((k) => k.version === version && k.database === database && k.name === collection)
    if (!found) throw new NotFound()
    authorizeCollection(c.get('client'), version, collection, state)
    const results = found.documents
    return json({
      results,
      metadata: { limit: 50, page: 1, fields: {}, offset: 0, totalCount: results.length, totalPages: 1 },
    })
  })

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
