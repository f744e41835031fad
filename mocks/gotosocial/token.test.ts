import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ADVICE } from './errors.ts'
import { codeFields, CURRENT, errorOf, exchange, instance, oobCode, OOB_APP, PROFILES, register, SEED, WEB_APP } from './test-client.ts'
import { OOB } from './urls.ts'

const oauth = (error: string, description: string) => ({ error, error_description: description })
const could = (what: string) => `Bad Request: could not get access token: ${what}: ${ADVICE}`

describe('POST /oauth/token refusals', () => {
  for (const profile of PROFILES) {
    const current = profile === CURRENT
    it(`${profile}: presence first, every missing field listed; then the grant type, then an empty client_id or code`, async () => {
      const mock = instance(profile)
      const empty = await errorOf(exchange(mock, {}, 'form'))
      assert.deepEqual(empty, {
        status: 400,
        body: oauth('invalid_request', 'Bad Request: grant_type was not set in the token request form, but must be set to authorization_code or client_credentials: client_id was not set in the token request form: client_secret was not set in the token request form: redirect_uri was not set in the token request form'),
      })
      const base = { client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret, redirect_uri: OOB }
      const noCode = await errorOf(exchange(mock, { ...base, grant_type: 'authorization_code' }))
      assert.deepEqual(noCode.body, oauth('invalid_request', 'Bad Request: code was not set in the token request form, but must be set since grant_type is authorization_code'))
      const codeWithCc = await errorOf(exchange(mock, { ...base, grant_type: 'client_credentials', code: 'x' }))
      assert.deepEqual(codeWithCc.body, oauth('invalid_request', 'Bad Request: a code was provided in the token request form, but grant_type was not set to authorization_code'))
      const noRedirect = await errorOf(exchange(mock, { grant_type: 'client_credentials', client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret }))
      assert.deepEqual(noRedirect.body, oauth('invalid_request', 'Bad Request: redirect_uri was not set in the token request form'))
      for (const grant of ['password', 'refresh_token', '']) {
        const refused = await errorOf(exchange(mock, { ...base, grant_type: grant }))
        assert.equal(refused.status, 400)
        assert.equal(refused.body.error, 'unsupported_grant_type', grant)
        assert.match(refused.body.error_description!, /Supported grant types are: authorization_code, client_credentials/)
      }
      const emptyClient = await errorOf(exchange(mock, { ...base, client_id: '', grant_type: 'client_credentials' }))
      assert.deepEqual(emptyClient.body, oauth('invalid_client', `Bad Request: could not validate token request: invalid_client: ${ADVICE}`))
      const emptyCode = await errorOf(exchange(mock, { ...base, grant_type: 'authorization_code', code: '' }))
      assert.deepEqual(emptyCode.body, oauth('invalid_request', `Bad Request: could not validate token request: invalid_request: ${ADVICE}`))
    })

    it(`${profile}: client credentials come from the body only: HTTP Basic alone is "not set"`, async () => {
      const mock = instance(profile)
      const basic = `Basic ${btoa(`${OOB_APP.client_id}:${OOB_APP.client_secret}`)}`
      const answer = await mock.call('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: new URLSearchParams({ grant_type: 'client_credentials', redirect_uri: OOB }) })
      assert.deepEqual((await errorOf(answer)).body, oauth('invalid_request', 'Bad Request: client_id was not set in the token request form: client_secret was not set in the token request form'))
    })

    it(`${profile}: unknown client, wrong secret, unregistered redirect URI, unknown code`, async () => {
      const mock = instance(profile)
      const code = await oobCode(mock, OOB_APP)
      const fields = codeFields(OOB_APP, code)
      assert.deepEqual(await errorOf(exchange(mock, { ...fields, client_id: '01UNKNOWNAPP0000000000000A' })), { status: 400, body: oauth('sql: no rows in result set', could('sql: no rows in result set')) })
      assert.deepEqual(await errorOf(exchange(mock, { ...fields, client_secret: 'wrong' })), { status: 400, body: oauth('invalid_client', could('invalid_client')) })
      assert.deepEqual(await errorOf(exchange(mock, { ...fields, code: 'UNKNOWN' })), { status: 400, body: oauth('sql: no rows in result set', could('sql: no rows in result set')) })
      // The web app is registered with https://app.example.test/callback.
      const web = await errorOf(exchange(mock, { ...codeFields(WEB_APP, 'x'), redirect_uri: 'https://elsewhere.example/cb' }))
      if (current) assert.deepEqual(web, { status: 403, body: oauth('invalid redirect uri', `Forbidden: requested redirect URI https://elsewhere.example/cb was not covered by client redirect URIs: ${ADVICE}`) })
      else assert.deepEqual(web, { status: 400, body: oauth('invalid redirect uri', could('invalid redirect uri')) })
      // v0.18: an OOB app accepts any redirect URI here; the code's own URI then differs (invalid_grant).
      const other = await errorOf(exchange(mock, { ...fields, redirect_uri: 'https://elsewhere.example/cb' }))
      assert.equal(other.status, current ? 403 : 400)
      if (!current) assert.equal(other.body.error, 'invalid_grant')
      assert.equal((await exchange(mock, fields)).status, 200, 'none of these used the code up')
    })

    it(`${profile}: a code of another client, or of another registered redirect URI, is invalid_grant`, async () => {
      const mock = instance(profile)
      const other = await register(mock)
      const code = await oobCode(mock, OOB_APP)
      assert.deepEqual(await errorOf(exchange(mock, codeFields(other, code))), { status: 400, body: oauth('invalid_grant', could('invalid_grant')) })
      if (current) {
        const two = await register(mock, { redirect_uris: `${OOB}\nhttps://app.example.test/two` })
        const twoCode = await oobCode(mock, two)
        assert.deepEqual(await errorOf(exchange(mock, codeFields(two, twoCode, 'https://app.example.test/two'))), { status: 400, body: oauth('invalid_grant', could('invalid_grant')) })
        assert.equal((await exchange(mock, codeFields(two, twoCode))).status, 200)
      }
      assert.equal((await exchange(mock, codeFields(OOB_APP, code))).status, 200)
    })

    it(`${profile}: a body that does not bind is 400 invalid_request; Accept without JSON is 406; errors keep the group's cache headers`, async () => {
      const mock = instance(profile)
      const broken = await mock.call('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' })
      assert.equal(broken.headers.get('cache-control'), 'private, max-age=120')
      assert.equal(broken.headers.get('pragma'), null)
      assert.deepEqual(await errorOf(broken), { status: 400, body: oauth('invalid_request', 'Bad Request: unexpected EOF') })
      const typed = await errorOf(mock.call('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"client_id":5}' }))
      assert.equal(typed.body.error_description, 'Bad Request: json: cannot unmarshal number into Go struct field tokenRequestForm.client_id of type string')
      const escaped = await errorOf(mock.call('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=%zz' }))
      assert.equal(escaped.body.error_description, 'Bad Request: invalid URL escape "%zz"')
      const html = await mock.call('/oauth/token', { method: 'POST', headers: { accept: 'text/html' } })
      assert.equal(html.status, 406)
      assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8')
    })
  }

  it('client_credentials: an app token with expires_in 7200; v0.19 defaults to read and caps the scope by the app (403), v0.18 grants what is asked', async () => {
    const current = instance(CURRENT)
    const base = { grant_type: 'client_credentials', client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret, redirect_uri: OOB }
    const token = (await (await exchange(current, base)).json()) as Record<string, unknown>
    assert.deepEqual(Object.keys(token), ['access_token', 'created_at', 'expires_in', 'scope', 'token_type'])
    assert.equal(token.expires_in, 7200)
    assert.equal(token.scope, 'read')
    assert.deepEqual(await errorOf(exchange(current, { ...base, scope: 'read admin' })), { status: 403, body: oauth('invalid_scope', `Forbidden: requested scope admin was not covered by client scope: ${ADVICE}`) })
    const unknown = await errorOf(exchange(current, { ...base, client_id: '01UNKNOWNAPP0000000000000A' }))
    assert.equal(unknown.body.error, 'func1: no application found with client id 01UNKNOWNAPP0000000000000A')
    const seed = instance(SEED)
    const bare = (await (await exchange(seed, base, 'form')).json()) as Record<string, unknown>
    assert.deepEqual(Object.keys(bare), ['access_token', 'created_at', 'expires_in', 'token_type'], 'no scope asked, none given')
    assert.equal(((await (await exchange(seed, { ...base, scope: 'read admin' })).json()) as Record<string, unknown>).scope, 'read admin')
  })
})
