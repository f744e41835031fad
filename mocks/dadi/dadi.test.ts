import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMockClock } from '../core/mock-clock.ts'
import { dadi } from './index.ts'
import type { DadiMutant } from './mutants.ts'

/** The DADI core without a server: Request in, Response out (as hono's app.request and msw's getResponse tests do). */
function instance(mutants: DadiMutant[] = []) {
  const clock = createMockClock()
  const mock = dadi.create({ clock, fixtures: dadi.parseFixtures(dadi.defaultFixtures), prepared: undefined, profile: 'dadi@3', mutants: new Set(mutants) })
  const call = (path: string, init: RequestInit = {}) => Promise.resolve(mock.fetch(new Request(`http://dadi.test${path}`, init)))
  const token = async (clientId = 'testClient', secret = 'superSecret') => {
    const r = await call('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, secret }) })
    return ((await r.json()) as { accessToken: string }).accessToken
  }
  return { clock, call, token, mock }
}

describe('DADI mock', () => {
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

  it('answers a body it cannot parse with 401 invalid_credentials, not 500', async () => {
    const { call } = instance()
    for (const body of ['clientId=testClient&secret=superSecret', '{', '"just a string"', 'null', '[]']) {
      const r = await call('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      assert.equal(r.status, 401, body)
      assert.match(r.headers.get('www-authenticate') ?? '', /invalid_credentials/)
      assert.equal(await r.text(), '{"statusCode":401}')
    }
  })

  it('expires a token after tokenTtl on its own clock', async () => {
    const { call, token, clock } = instance()
    const t = await token()
    clock.advance(1799_000)
    assert.equal((await call('/api/collections', { headers: { authorization: `Bearer ${t}` } })).status, 200)
    clock.advance(1_000)
    const r = await call('/api/collections', { headers: { authorization: `Bearer ${t}` } })
    assert.equal(r.status, 401)
    assert.match(r.headers.get('www-authenticate') ?? '', /invalid_token/)
  })

  it('denies a collection outside the client permissions with API-0006 and allows its own', async () => {
    const { call, token } = instance()
    const t = await token('booksClient', 'booksOnlySecret')
    assert.equal((await call('/1.0/library/books', { headers: { authorization: `Bearer ${t}` } })).status, 200)
    const denied = await call('/1.0/library/authors', { headers: { authorization: `Bearer ${t}` } })
    assert.equal(denied.status, 403)
    assert.equal(((await denied.json()) as { code: string }).code, 'API-0006')
  })

  it('answers unknown collections 404 and non-GET collection lists 405, after authentication', async () => {
    const { call, token } = instance()
    const t = await token()
    assert.equal((await call('/1.0/library/nope', { headers: { authorization: `Bearer ${t}` } })).status, 404)
    assert.equal((await call('/api/collections', { method: 'DELETE', headers: { authorization: `Bearer ${t}` } })).status, 405)
    assert.equal((await call('/1.0/library/nope')).status, 401)
  })

  it('preloads live tokens for the benchmark', () => {
    const { mock } = instance()
    mock.preload!(1000)
  })
})
