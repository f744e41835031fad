import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeJwt } from 'jose'
import { SESSION_HEADER } from '../control/protocol.ts'
import { createMockHost } from '../core/host.ts'
import { dadi } from './index.ts'
import type { DadiMutant } from './mutants.ts'

/** The DADI core without a server: Request in, Response out (as hono's app.request and msw's getResponse tests do). */
function instance(profile: 'dadi@3' | 'dadi@6' = 'dadi@3', mutants: DadiMutant[] = []) {
  const host = createMockHost(dadi, { profile, mutants, control: true })
  const session = { [SESSION_HEADER]: crypto.randomUUID() }
  const call = (path: string, init: RequestInit = {}) => Promise.resolve(host.fetch(new Request(`http://dadi.test${path}`, { ...init, headers: { ...session, ...(init.headers as Record<string, string>) } })))
  const token = async (clientId = 'testClient', secret = 'superSecret') => {
    const r = await call('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, secret }) })
    return ((await r.json()) as { accessToken: string }).accessToken
  }
  const advance = (seconds: number) => call('/__mock/clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: seconds }) })
  return { call, token, advance, host }
}
const bearer = (t: string) => ({ authorization: `Bearer ${t}` })

describe('DADI mock, 1.x–3.x (dadi@3)', () => {
  it('issues a UUID token with the documented body and headers', async () => {
    const { call } = instance()
    const r = await call('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"clientId":"testClient","secret":"superSecret"}' })
    assert.equal(r.status, 200)
    assert.equal(r.headers.get('cache-control'), 'no-store')
    assert.equal(r.headers.get('pragma'), 'no-cache')
    const body = (await r.json()) as Record<string, unknown>
    assert.match(String(body.accessToken), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.deepEqual({ ...body, accessToken: 'x' }, { accessToken: 'x', tokenType: 'Bearer', expiresIn: 1800 })
  })

  it('answers a body the JSON parser cannot read with body-parser’s 400, without repeating the body', async () => {
    const { call } = instance()
    for (const body of ['clientId=testClient&secret=superSecret', '{', '"just a string"', 'null']) {
      const r = await call('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      assert.equal(r.status, 400, body)
      assert.equal(await r.text(), '{"expose":true,"statusCode":400,"status":400,"type":"entity.parse.failed"}')
    }
    const form = await call('/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'clientId=testClient&secret=superSecret' })
    assert.equal(form.status, 200, 'a real form is read')
  })

  it('expires a token after tokenTtl on its own clock', async () => {
    const { call, token, advance } = instance()
    const t = await token()
    await advance(1799)
    assert.equal((await call('/api/collections', { headers: bearer(t) })).status, 200)
    await advance(1)
    const r = await call('/api/collections', { headers: bearer(t) })
    assert.equal(r.status, 401)
    assert.match(r.headers.get('www-authenticate') ?? '', /invalid_token/)
  })

  it('refuses a collection outside the client permissions with 401 and the path as realm, on every path to it', async () => {
    const { call, token } = instance()
    const t = await token('booksClient', 'booksOnlySecret')
    assert.equal((await call('/1.0/library/books', { headers: bearer(t) })).status, 200)
    for (const path of ['/1.0/library/authors', '/1.0/library/Authors', '/1.0/library/authors/5e4a2d3f1c9d440000a2c001', '/2.0/library/books']) {
      const denied = await call(path, { headers: bearer(t) })
      assert.equal(denied.status, 401, path)
      assert.equal(denied.headers.get('www-authenticate'), `Bearer realm="${path}"`)
      assert.equal(await denied.text(), '{"statusCode":401}')
    }
  })

  it('authenticates before routing: unknown paths are 401 without a token, 404 (empty) with one; HEAD reads nothing', async () => {
    const { call, token } = instance()
    const t = await token()
    const unknown = await call('/1.0/library/nope', { headers: bearer(t) })
    assert.equal(unknown.status, 404)
    assert.equal(await unknown.text(), '')
    assert.equal((await call('/api/collections', { method: 'DELETE', headers: bearer(t) })).status, 405)
    assert.equal((await call('/1.0/library/nope')).status, 401)
    assert.equal((await call('/1.0/library/books', { method: 'HEAD' })).status, 401)
    assert.equal((await call('/1.0/library/books', { method: 'HEAD', headers: bearer(t) })).status, 404)
  })

  it('preloads live tokens for the benchmark', () => {
    const { host } = instance()
    assert.ok(host)
  })
})

describe('DADI mock, 4.x–6.x (dadi@6)', () => {
  it('issues an HS256 JWT {clientId, accessType, iat, exp} with the client’s permissions', async () => {
    const { call } = instance('dadi@6')
    const r = await call('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"clientId":"booksClient","secret":"booksOnlySecret"}' })
    assert.equal(r.status, 200)
    const body = (await r.json()) as { accessToken: string; permissions: unknown }
    const claims = decodeJwt(body.accessToken)
    assert.deepEqual(Object.keys(claims), ['clientId', 'accessType', 'iat', 'exp'])
    assert.equal(claims.exp! - claims.iat!, 1800)
    assert.deepEqual(body.permissions, { resources: { 'collection:library_books': { delete: false, deleteOwn: false, create: false, read: true, readOwn: false, update: false, updateOwn: false } }, roles: [] })
  })

  it('answers protected routes with API-0005 / API-0006 and no challenge; lists what the client may read', async () => {
    const { call, token } = instance('dadi@6')
    const none = await call('/api/collections')
    assert.equal(none.status, 401)
    assert.equal(none.headers.get('www-authenticate'), null)
    assert.equal(((await none.json()) as { code: string }).code, 'API-0005')
    const t = await token('booksClient', 'booksOnlySecret')
    const denied = await call('/library/authors', { headers: bearer(t) })
    assert.equal(denied.status, 403)
    assert.equal(((await denied.json()) as { code: string }).code, 'API-0006')
    const list = (await (await call('/api/collections', { headers: bearer(t) })).json()) as { collections: { path: string }[] }
    assert.deepEqual(list.collections.map((c) => c.path), ['/library/books'])
    assert.equal((await call('/library/books', { method: 'HEAD', headers: bearer(t) })).status, 404)
    assert.equal((await call('/nope/nope/nope')).status, 404, 'no authentication before routing')
  })

  it('refuses an expired or tampered JWT', async () => {
    const { call, token, advance } = instance('dadi@6')
    const t = await token()
    const [h, p, s] = t.split('.')
    const raised = Buffer.from(JSON.stringify({ ...decodeJwt(t), accessType: 'superUser' })).toString('base64url')
    assert.equal((await call('/api/collections', { headers: bearer(`${h}.${raised}.${s}`) })).status, 401)
    assert.equal((await call('/api/collections', { headers: bearer(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`) })).status, 401)
    await advance(1800)
    assert.equal((await call('/api/collections', { headers: bearer(t) })).status, 401)
  })
})
