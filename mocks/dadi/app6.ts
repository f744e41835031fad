import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { renderError } from '../core/errors.ts'
import { jsonText, pathOf } from '../core/http.ts'
import { authorizeCollection } from './authenticate.ts'
import { requireClient6 } from './authenticate6.ts'
import { collectionList, type Collection } from './collections.ts'
import { dadiEnvelope, dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import { fromCache, keep, openForRead6, privately } from './rules.ts'
import type { DadiState } from './state.ts'
import { issueToken, tokenRequestFromQuery } from './token-endpoint.ts'

/**
 * DADI API 4.x–6.x (6.1.0 `dadi/lib/api/index.js`, `controller/*`, `model/acl/*`): no authentication before
 * routing — an unknown path or method is 404 for anyone, HEAD finds no handler — and each controller checks its
 * own access: 401 API-0005 without a valid token, 403 API-0006 without the permission, then 404 for a document
 * that does not exist. Collections are `/{property}/{collection}`, matched exactly; `/api/collections` lists only
 * what the client may read; a collection's `settings.authenticate` can leave reading open to anyone.
 */
export function dadi6App(state: DadiState) {
  const { mutants } = state
  const envelope = dadiEnvelope(mutants, 'dadi@6')
  const app = new Hono()
  app.onError((error, c) => renderError(error, c.req.raw, envelope))
  app.notFound((c) => renderError(dadiErrors.notFound(), c.req.raw, envelope))

  // The token route matches `/token`, `/token/` and any query string: the middleware exempts nothing, so nothing refuses them.
  app.post('/token', (c) => issueToken(c.req.raw, state))
  app.post('/token/', (c) => issueToken(c.req.raw, state))
  app.delete('/token', (c) => (mutants.has('token-delete-ok') ? new Response(null, { status: 204 }) : renderError(dadiErrors.notFound(), c.req.raw, envelope)))
  app.get('/token', (c) => (mutants.has('token-via-get') ? issueToken(tokenRequestFromQuery(c.req.raw), state) : renderError(dadiErrors.notFound(), c.req.raw, envelope)))
  // A favicon is answered only when the whole URL ends in its name (lib/index.js:224-233 tests req.url).
  app.get('/favicon.ico', (c) => (c.req.url.includes('?') ? renderError(dadiErrors.notFound(), c.req.raw, envelope) : new Response(null, { status: 204 })))
  app.get('/hello', () => new Response('Welcome to API', { status: 200 }))

  const readable = (client: DadiClient) => [...state.collections.values()].filter((k) => mutants.has('restricted-lists-all') || canRead(client, k, state))
  // Serialised once per set of grants (an operator's change is a new record, so a new key).
  const lists = new Map<string, string>()
  app.get('/api/collections', async (c) => {
    const client = await requireClient6(c.req.raw, state)
    const key = `${client.accessType} ${JSON.stringify(client.permissions ?? null)}`
    let body = lists.get(key)
    if (body === undefined) lists.set(key, (body = collectionList(readable(client), 'dadi@6', !client.permissions || client.accessType === 'admin')))
    return jsonText(body)
  })
  // One collection's schema: a collection the client may not read is not there (controller/collections.js:198-225);
  // the `schema-entry-unguarded` defect shows it anyway.
  app.get('/api/collections/:property/:collection', async (c) => {
    const client = await requireClient6(c.req.raw, state)
    const found = state.collections.get(`/${c.req.param('property')}/${c.req.param('collection')}`)
    if (!found || !(canRead(client, found, state) || mutants.has('schema-entry-unguarded'))) return jsonText('{"success":false}', 404)
    return jsonText(found.schema)
  })

  /** A read of a collection: served from the defect's cache, open by its settings, or for a permitted client only. */
  const read = async (c: Context, answer: (found: Collection) => string | undefined, unguarded = false) => {
    const found = state.collections.get(`/${c.req.param('property')}/${c.req.param('collection')}`)
    if (found === undefined) throw dadiErrors.notFound()
    const cached = fromCache(c.req.raw, found, state.responseCache, mutants)
    if (cached) return jsonText(cached)
    // The `acl-after-lookup` defect: a document is looked up before the permission is checked.
    if (mutants.has('acl-after-lookup') && answer(found) === undefined) throw dadiErrors.documentNotFound()
    if (!openForRead6(found, mutants)) {
      const client = await requireClient6(c.req.raw, state)
      if (!unguarded) authorizeCollection(client, found, pathOf(c.req.url), state)
    }
    const body = answer(found)
    if (body === undefined) throw dadiErrors.documentNotFound()
    return jsonText(keep(c.req.raw, found, body, state.responseCache, mutants), 200, privately(mutants))
  }
  app.get('/:property/:collection', (c) => read(c, (found) => found.all))
  app.get('/:property/:collection/count', (c) => read(c, (found) => found.count, mutants.has('count-unguarded')))
  app.get('/:property/:collection/stats', (c) => read(c, (found) => found.stats, mutants.has('count-unguarded')))
  // The `document-route-unguarded` defect: the single-document route skips the permission check.
  app.get('/:property/:collection/:id', (c) => read(c, (found) => found.byId.get(c.req.param('id')!), mutants.has('document-route-unguarded')))
  return { fetch: (request: Request) => (request.method === 'HEAD' ? renderError(dadiErrors.notFound(), request, envelope) : app.fetch(request)) }
}

function canRead(client: DadiClient, collection: { version: string; database: string; name: string }, state: DadiState): boolean {
  try {
    authorizeCollection(client, collection, collection.name, state)
    return true
  } catch {
    return false
  }
}
