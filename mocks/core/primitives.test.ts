import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeBasic, queryToken, readAuthorization } from './authorization.ts'
import { cookieKey, readCookie, serializeCookie, signValue, verifyValue } from './cookies.ts'
import { form, html, htmlPage } from './html.ts'
import { jwtKey, signJwt, verifyJwt } from './jwt.ts'
import { createMockClock } from './mock-clock.ts'
import { MemoryStore } from './store.ts'

const request = (headers: Record<string, string> = {}, url = 'http://api.test/x') => new Request(url, { headers })

describe('authorization', () => {
  it('splits the header at its first space and lower-cases the scheme', () => {
    assert.deepEqual(readAuthorization(request()), { kind: 'absent' })
    assert.deepEqual(readAuthorization(request({ authorization: 'BEARER a b' })), { kind: 'present', scheme: 'bearer', value: 'a b', raw: 'BEARER a b' })
    assert.deepEqual(readAuthorization(request({ authorization: 'Bearer' })), { kind: 'present', scheme: 'bearer', value: '', raw: 'Bearer' })
  })

  it('decodes Basic strictly, percent-decoding both halves only when asked (RFC 6749 §2.3.1)', () => {
    assert.deepEqual(decodeBasic(btoa('client:key:with:colons')), { user: 'client', password: 'key:with:colons' })
    assert.deepEqual(decodeBasic(btoa('my%20app:s%2Bcret'), { percentDecode: true }), { user: 'my app', password: 's+cret' })
    assert.deepEqual(decodeBasic(btoa('my%20app:s%2Bcret')), { user: 'my%20app', password: 's%2Bcret' })
    for (const bad of ['', '===', 'not base64!', btoa('nocolon'), 'YQ', btoa('a:%E0%A4%A') /* bad percent */]) {
      assert.equal(decodeBasic(bad, { percentDecode: true }), undefined, bad)
    }
    assert.equal(decodeBasic(btoa(String.fromCharCode(0xff, 0x3a))), undefined, 'not UTF-8')
  })

  it('reads the first non-empty query token of the names given, in order', () => {
    assert.equal(queryToken(request({}, 'http://api.test/x?api_key=b&access_token=a'), ['access_token', 'api_key']), 'a')
    assert.equal(queryToken(request({}, 'http://api.test/x?access_token=&api_key=b'), ['access_token', 'api_key']), 'b')
    assert.equal(queryToken(request(), ['access_token']), undefined)
  })
})

describe('cookies', () => {
  it('verifies what it signed and nothing altered', async () => {
    const key = await cookieKey()
    const signed = await signValue('session-1', key)
    assert.equal(await verifyValue(signed, key), 'session-1')
    assert.equal(await verifyValue(`${signed.slice(0, -2)}AA`, key), undefined)
    assert.equal(await verifyValue(signed.replace(/^[^.]+/, btoa('session-2').replace(/=+$/, '')), key), undefined)
    assert.equal(await verifyValue(signed, await cookieKey()), undefined, 'another host key')
    assert.equal(await verifyValue('garbage', key), undefined)
  })

  it('serialises attributes and reads a cookie back by name', () => {
    assert.equal(serializeCookie('s', 'v', { maxAge: 120, httpOnly: true, sameSite: 'Lax' }), 's=v; Max-Age=120; Path=/; HttpOnly; SameSite=Lax')
    assert.equal(readCookie(request({ cookie: 'a=1; s=v.w; b=2' }), 's'), 'v.w')
    assert.equal(readCookie(request({ cookie: 'a=1' }), 's'), undefined)
  })
})

describe('html', () => {
  it('escapes what it interpolates, keeps what it built, and carries the CSRF field', async () => {
    const page = htmlPage('<Sign in>', html`<p>${'"><script>'}</p>${form({ action: '/login?a=1&b=2', csrf: 'c"s', fields: [{ name: 'username', label: 'Email' }] })}`)
    const text = await page.text()
    assert.equal(page.headers.get('cache-control'), 'no-store')
    assert.match(text, /<title>&lt;Sign in&gt;<\/title>/)
    assert.match(text, /<p>&quot;&gt;&lt;script&gt;<\/p>/)
    assert.match(text, /action="\/login\?a=1&amp;b=2"/)
    assert.match(text, /<input type="hidden" name="csrf_token" value="c&quot;s">/)
  })
})

describe('jwt', () => {
  it('signs and verifies on the mock clock, and refuses expired, tampered and unsigned tokens', async () => {
    const clock = createMockClock()
    const key = await jwtKey()
    const token = await signJwt({ scope: 'SERVER_ACCESS' }, key, clock, { expiresIn: 60 })
    const ok = await verifyJwt(token, key, clock)
    assert.ok(ok.ok && ok.claims.scope === 'SERVER_ACCESS')
    const [header, payload] = token.split('.')
    const raised = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), scope: 'ADMIN' })).toString('base64url')
    assert.deepEqual(await verifyJwt(`${header}.${raised}.${token.split('.')[2]}`, key, clock), { ok: false, reason: 'invalid' })
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`
    assert.deepEqual(await verifyJwt(none, key, clock), { ok: false, reason: 'invalid' })
    clock.advance(60_000)
    assert.deepEqual(await verifyJwt(token, key, clock), { ok: false, reason: 'expired' })
  })
})

describe('MemoryStore links', () => {
  it('destroys every entry of a grant in one call, and forgets links of destroyed entries', () => {
    const store = new MemoryStore<string>(createMockClock())
    store.upsert('access-1', 'a', 3600, ['grant:g1'])
    store.upsert('refresh-1', 'r', undefined, ['grant:g1', 'family:f1'])
    store.upsert('access-2', 'b', 3600, ['grant:g2'])
    assert.deepEqual(store.linked('grant:g1').sort(), ['access-1', 'refresh-1'])
    assert.equal(store.destroyLinked('grant:g1'), 2)
    assert.equal(store.find('refresh-1'), undefined)
    assert.deepEqual(store.linked('family:f1'), [])
    assert.equal(store.find('access-2'), 'b')
    store.upsert('access-2', 'c')
    assert.deepEqual(store.linked('grant:g2'), [], 'an upsert without links replaces the old ones')
  })

  it('does not count expired entries as linked', () => {
    const clock = createMockClock()
    const store = new MemoryStore<string>(clock)
    store.upsert('code', 'c', 1, ['grant:g'])
    clock.advance(1000)
    assert.deepEqual(store.linked('grant:g'), [])
    assert.equal(store.destroyLinked('grant:g'), 0)
  })
})
