import { Hono } from 'hono/tiny'
import { renderError } from '../core/errors.ts'
import { jsonText, pathOf } from '../core/http.ts'
import { authorizeCollection } from './authenticate.ts'
import { requireClient6 } from './authenticate6.ts'
import { collectionList } from './collections.ts'
import { dadiEnvelope, dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import type { DadiState } from './state.ts'
import { issueToken, tokenRequestFromQuery } from './token-endpoint.ts'

/**
 * DADI API 4.x–6.x (6.1.0 `dadi/lib/api/index.js`, `controller/*`, `model/acl/*`): no authentication before
 * routing — an unknown path or method is 404 for anyone, HEAD finds no handler — and each controller checks its
 * own access: 401 API-0005 without a valid token, 403 API-0006 without the permission. Collections are
 * `/{property}/{collection}`, matched exactly; `/api/collections` lists only what the client may read.
 */
export function dadi6App(state: DadiState) {
  const { mutants } = state
  const envelope = dadiEnvelope(mutants, 'dadi@6')
  const app = new Hono()
  app.onError((error, c) => renderError(error, c.req.raw, envelope))
  app.notFound((c) => renderError(dadiErrors.notFound(), c.req.raw, envelope))

  app.post('/token', (c) => issueToken(c.req.raw, state))
  app.get('/token', (c) => (mutants.has('token-via-get') ? issueToken(tokenRequestFromQuery(c.req.raw), state) : renderError(dadiErrors.notFound(), c.req.raw, envelope)))

  const readable = (client: DadiClient) => [...state.collections.values()].filter((k) => mutants.has('restricted-lists-all') || canRead(client, k, state))
  const lists = new Map<DadiClient, string>()
  app.get('/api/collections', async (c) => {
    const client = await requireClient6(c.req.raw, state)
    let body = lists.get(client)
    if (body === undefined) lists.set(client, (body = collectionList(readable(client), 'dadi@6', !client.permissions || client.accessType === 'admin')))
    return jsonText(body)
  })

  app.get('/:property/:collection', async (c) => {
    const found = state.collections.get(`/${c.req.param('property')}/${c.req.param('collection')}`)
    if (found === undefined) throw dadiErrors.notFound()
    authorizeCollection(await requireClient6(c.req.raw, state), found, pathOf(c.req.url), state)
    return jsonText(found.all)
  })
  app.get('/:property/:collection/:id', async (c) => {
    const found = state.collections.get(`/${c.req.param('property')}/${c.req.param('collection')}`)
    if (found === undefined) throw dadiErrors.notFound()
    const client = await requireClient6(c.req.raw, state)
    if (!mutants.has('document-route-unguarded')) authorizeCollection(client, found, pathOf(c.req.url), state)
    const document = found.byId.get(c.req.param('id')!)
    if (document === undefined) throw dadiErrors.notFound()
    return jsonText(document)
  })
  return { fetch: (request: Request) => (request.method === 'HEAD' ? renderError(dadiErrors.notFound(), request, envelope) : app.fetch(request)) }
}

function canRead(client: DadiClient, collection: { version: string; name: string }, state: DadiState): boolean {
  try {
    authorizeCollection(client, collection, collection.name, state)
    return true
  } catch {
    return false
  }
}
