import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bearer, CURRENT, errorOf, instance, PROFILES, register, SEED, userToken } from './test-client.ts'
import { OOB } from './urls.ts'

const post = (body: BodyInit, type: string, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': type, ...headers }, body })
const json = (value: unknown, headers: Record<string, string> = {}) => post(JSON.stringify(value), 'application/json', headers)

describe('POST /api/v1/apps', () => {
  for (const profile of PROFILES) {
    it(`${profile}: registers from JSON, a form, multipart and the form's URL query alike`, async () => {
      const mock = instance(profile)
      const fields = { client_name: 'bodies', redirect_uris: OOB, scopes: 'read write' }
      const multipart = new FormData()
      for (const [k, v] of Object.entries(fields)) multipart.append(k, v)
      const answers = [
        await mock.call('/api/v1/apps', json(fields)),
        await mock.call('/api/v1/apps', post(new URLSearchParams(fields), 'application/x-www-form-urlencoded')),
        await mock.call('/api/v1/apps', { method: 'POST', body: multipart }),
        await mock.call(`/api/v1/apps?${new URLSearchParams(fields)}`, post('', 'application/x-www-form-urlencoded')),
      ]
      for (const a of answers) {
        assert.equal(a.status, 200)
        const app = (await a.json()) as { name: string; redirect_uri: string }
        assert.equal(app.name, 'bodies')
        assert.equal(app.redirect_uri, OOB)
      }
    })

    it(`${profile}: refuses a missing client_name and redirect_uris as a JSON array with Go's texts`, async () => {
      const mock = instance(profile)
      const noName = await errorOf(mock.call('/api/v1/apps', json({ redirect_uris: OOB })))
      assert.deepEqual(noName, { status: 400, body: { error: "Bad Request: Key: 'ApplicationCreateRequest.ClientName' Error:Field validation for 'ClientName' failed on the 'required' tag" } })
      const array = await errorOf(mock.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: [OOB] })))
      assert.deepEqual(array, { status: 400, body: { error: 'Bad Request: json: cannot unmarshal array into Go struct field ApplicationCreateRequest.redirect_uris of type string' } })
      const tooLong = await errorOf(mock.call('/api/v1/apps', json({ client_name: 'n'.repeat(1025), redirect_uris: OOB })))
      assert.equal(tooLong.body.error, 'Bad Request: client_name must be less than 1024 characters, provided client_name was 1025 characters')
      const broken = await errorOf(mock.call('/api/v1/apps', post('{"client_name":', 'application/json')))
      assert.deepEqual(broken, { status: 400, body: { error: 'Bad Request: unexpected EOF' } })
    })

    it(`${profile}: an app registered without scopes gets read`, async () => {
      const mock = instance(profile)
      const app = await register(mock, { scopes: '' })
      if (profile === CURRENT) assert.deepEqual(app.scopes, ['read'])
      const token = await userToken(mock, { app, scope: '' })
      const check = await bearer(mock, '/api/v1/accounts/verify_credentials', token)
      assert.equal(check.status, 200)
    })
  }

  it('gotosocial@0.18: redirect_uris is required, kept as one raw string, and the answer has no created_at, redirect_uris or scopes', async () => {
    const mock = instance(SEED)
    const missing = await errorOf(mock.call('/api/v1/apps', json({ client_name: 'x' })))
    assert.deepEqual(missing, { status: 400, body: { error: "Bad Request: Key: 'ApplicationCreateRequest.RedirectURIs' Error:Field validation for 'RedirectURIs' failed on the 'required' tag" } })
    const both = await errorOf(mock.call('/api/v1/apps', json({})))
    assert.equal(both.body.error!.split('\n').length, 2, 'both missing fields, one line each')
    const app = await register(mock, { redirect_uris: 'https://a.example/cb\nhttps://b.example/cb' })
    assert.equal(app.redirect_uri, 'https://a.example/cb\nhttps://b.example/cb')
    assert.equal(app.redirect_uris, undefined)
  })

  it('gotosocial@0.19: redirect_uris defaults to OOB, splits on newlines (trimmed, de-duplicated), refuses unparseable URIs', async () => {
    const mock = instance(CURRENT)
    const defaulted = await register(mock, { redirect_uris: '' })
    assert.deepEqual(defaulted.redirect_uris, [OOB])
    const many = await register(mock, { redirect_uris: ' https://a.example/cb \n\nhttps://b.example/cb\nhttps://a.example/cb' })
    assert.deepEqual(many.redirect_uris, ['https://a.example/cb', 'https://b.example/cb'])
    assert.equal(many.redirect_uri, 'https://a.example/cb\nhttps://b.example/cb')
    assert.match(String(many.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const blank = await errorOf(mock.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: ' \n ' })))
    assert.deepEqual(blank, { status: 400, body: { error: 'Bad Request: no redirect URIs left after trimming space' } })
    const bad = await errorOf(mock.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: 'https://a.example/%zz' })))
    assert.equal(bad.body.error, 'Bad Request: error parsing redirect URI: parse "https://a.example/%zz": invalid URL escape "%zz"')
  })

  it('gotosocial@0.19: a valid token sent along must permit write:applications; an unknown token is ignored', async () => {
    const mock = instance(CURRENT)
    const reader = await userToken(mock, { scope: 'read' })
    const writer = await userToken(mock, { scope: 'write' })
    const refused = await errorOf(mock.call('/api/v1/apps', json({ client_name: 'x' }, { authorization: `Bearer ${reader}` })))
    assert.deepEqual(refused, { status: 403, body: { error: 'Forbidden: token has insufficient scope permission' } })
    assert.equal((await mock.call('/api/v1/apps', json({ client_name: 'x' }, { authorization: `Bearer ${writer}` }))).status, 200)
    assert.equal((await mock.call('/api/v1/apps', json({ client_name: 'x' }, { authorization: 'Bearer unknown' }))).status, 200)
    // v0.18 ignores any token
    const seed = instance(SEED)
    const seedReader = await userToken(seed, { scope: 'read' })
    assert.equal((await seed.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: OOB }, { authorization: `Bearer ${seedReader}` }))).status, 200)
  })

  it('answers 406 to a client that accepts only HTML (as an HTML page), and 418 without a User-Agent', async () => {
    const mock = instance()
    const html = await mock.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: OOB }, { accept: 'text/html' }))
    assert.equal(html.status, 406)
    assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8')
    assert.match(await html.text(), /Not Acceptable: no format can be offered for requested Accept header\(s\) \[text\/html\]; this endpoint offers \[application\/json\]/)
    const teapot = await mock.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: OOB }, { 'user-agent': '' }))
    assert.equal(teapot.status, 418)
    assert.equal(await teapot.text(), '{"error": "I\'m a teapot: no user-agent sent with request"}')
  })
})
