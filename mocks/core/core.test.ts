import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMockClock } from './mock-clock.ts'
import { createMockHost } from './host.ts'
import { randomString, safeEqual } from './random.ts'
import { MemoryStore } from './store.ts'
import { dadi } from '../dadi/index.ts'

describe('MemoryStore', () => {
  it('hides an entry once its ttl has passed on the injected clock', () => {
    const clock = createMockClock(() => 1_000_000)
    const store = new MemoryStore<string>(clock)
    store.upsert('a', 'x', 10)
    clock.advance(9_999)
    assert.equal(store.find('a'), 'x')
    clock.advance(1)
    assert.equal(store.find('a'), undefined)
  })

  it('consumes an entry exactly once', () => {
    const store = new MemoryStore<number>(createMockClock())
    store.upsert('code', 1)
    assert.equal(store.consume('code'), 1)
    assert.equal(store.consume('code'), undefined)
  })

  it('claims a live entry once, keeping its expiry and links as a tombstone', () => {
    const clock = createMockClock()
    const store = new MemoryStore<{ used: boolean }>(clock)
    store.upsert('code', { used: false }, 10, ['grant:g'])
    const live = (v: { used: boolean }) => !v.used
    const use = () => ({ used: true })
    assert.deepEqual(store.claim('code', live, use), { value: { used: false }, won: true })
    assert.deepEqual(store.claim('code', live, use), { value: { used: true }, won: false }, 'the second claim finds the tombstone')
    assert.deepEqual(store.linked('grant:g'), ['code'], 'links survive the claim')
    clock.advance(10_000)
    assert.equal(store.claim('code', live, use), undefined, 'the expiry survives the claim too')
  })

  it('lets exactly one of many concurrent claimers win', async () => {
    const store = new MemoryStore<number>(createMockClock())
    store.upsert('code', 0)
    const results = await Promise.all(Array.from({ length: 100 }, async () => store.claim('code', (v) => v === 0, () => 1)?.won))
    assert.equal(results.filter(Boolean).length, 1)
  })

  it('purges expired entries and keeps live ones', () => {
    const clock = createMockClock()
    const store = new MemoryStore<number>(clock)
    store.upsert('short', 1, 1)
    store.upsert('long', 2, 100)
    clock.advance(2_000)
    assert.equal(store.purgeExpired(), 1)
    assert.deepEqual([...store.entries()], [['long', 2]])
  })
})

describe('clock', () => {
  it('refuses to move backwards', () => {
    assert.throws(() => createMockClock().advance(-1), RangeError)
  })
})

describe('random', () => {
  it('draws from the whole alphabet at the asked length', () => {
    const s = randomString(4000, 'ab')
    assert.equal(s.length, 4000)
    assert.ok(s.includes('a') && s.includes('b'))
  })

  it('compares secrets by value', () => {
    assert.ok(safeEqual('superSecret', 'superSecret'))
    assert.ok(!safeEqual('superSecret', 'superSecreT'))
    assert.ok(!safeEqual('superSecret', 'superSecret2'))
    assert.ok(!safeEqual('', 'x'))
  })
})

describe('mock host', () => {
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    new Request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })

  it('isolates sessions: state, clock and mutants are per session', async () => {
    const host = createMockHost(dadi, { control: true })
    const created = await host.fetch(post('http://dadi.test/__mock/sessions', { mutants: ['ignore-expiry'] }))
    assert.equal(created.status, 201)
    const { id } = (await created.json()) as { id: string }
    const token = await host.fetch(post('http://dadi.test/token', { clientId: 'testClient', secret: 'superSecret' }, { 'x-authconform-session': id }))
    const { accessToken } = (await token.json()) as { accessToken: string }
    const elsewhere = await host.fetch(new Request('http://dadi.test/api/collections', { headers: { authorization: `Bearer ${accessToken}` } }))
    assert.equal(elsewhere.status, 401, 'a session token is unknown to the default instance')
    await host.fetch(post('http://dadi.test/__mock/clock', { advanceSeconds: 4000 }, { 'x-authconform-session': id }))
    const mutated = await host.fetch(new Request('http://dadi.test/api/collections', { headers: { authorization: `Bearer ${accessToken}`, 'x-authconform-session': id } }))
    assert.equal(mutated.status, 200, 'the ignore-expiry mutant is on in this session only')
  })

  it('opens a fresh session for an id it has not seen, without a round trip', async () => {
    const host = createMockHost(dadi, { control: true })
    const session = { 'x-authconform-session': crypto.randomUUID() }
    const token = await host.fetch(post('http://dadi.test/token', { clientId: 'testClient', secret: 'superSecret' }, session))
    const { accessToken } = (await token.json()) as { accessToken: string }
    const read = (headers: Record<string, string>) => host.fetch(new Request('http://dadi.test/api/collections', { headers: { authorization: `Bearer ${accessToken}`, ...headers } }))
    assert.equal((await read(session)).status, 200, 'the same id finds the same session')
    assert.equal((await read({})).status, 401, 'the default instance does not know the token')
    assert.equal((await read({ 'x-authconform-session': crypto.randomUUID() })).status, 401, 'another new id is another fresh session')
  })

  it('keeps the mutants it was started with in every session (a broken server stays broken under the suites)', async () => {
    const host = createMockHost(dadi, { control: true, mutants: ['accept-unknown-token'] })
    const made = { authorization: 'Bearer made-up-token' }
    for (const headers of [{}, { 'x-authconform-session': crypto.randomUUID() }] as Record<string, string>[]) {
      assert.equal((await host.fetch(new Request('http://dadi.test/api/collections', { headers: { ...made, ...headers } }))).status, 200)
    }
    const created = (await (await host.fetch(post('http://dadi.test/__mock/sessions', { mutants: ['ignore-expiry'] }))).json()) as { id: string }
    assert.equal((await host.fetch(new Request('http://dadi.test/api/collections', { headers: { ...made, 'x-authconform-session': created.id } }))).status, 200, 'a session adds mutants, never removes the host\'s')
  })

  it('refuses unknown mutants and malformed session ids with a prefixed message', async () => {
    const host = createMockHost(dadi, { control: true })
    const bad = await host.fetch(post('http://dadi.test/__mock/sessions', { mutants: ['nope'] }))
    assert.equal(bad.status, 400)
    assert.match(((await bad.json()) as { message: string }).message, /^\[authconform\] unknown mutant "nope"/)
    const malformed = await host.fetch(new Request('http://dadi.test/token', { headers: { 'x-authconform-session': 'a b' } }))
    assert.equal(malformed.status, 400)
    assert.match(((await malformed.json()) as { message: string }).message, /session ids are/)
  })

  it('serves no control surface unless asked', async () => {
    const host = createMockHost(dadi)
    const response = await host.fetch(post('http://dadi.test/__mock/sessions', {}))
    assert.equal(response.status, 401, 'without control, /__mock is just another protected DADI path')
  })

  it('answers CORS preflights and exposes WWW-Authenticate', async () => {
    const host = createMockHost(dadi, { cors: true })
    const preflight = await host.fetch(
      new Request('http://dadi.test/token', { method: 'OPTIONS', headers: { origin: 'http://app.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }),
    )
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://app.test')
    const refused = await host.fetch(post('http://dadi.test/token', { clientId: 'x', secret: 'y' }, { origin: 'http://app.test' }))
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /www-authenticate/)
  })

  it('rejects invalid fixtures at start-up, naming the field', () => {
    assert.throws(() => createMockHost(dadi, { fixtures: { clients: [{ clientId: 'a' }], collections: [] } }), /DADI fixtures are invalid[\s\S]*secret/)
  })
})
