import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ADVICE } from './errors.ts'
import { bearer, codeFields, CURRENT, errorOf, exchange, instance, oobCode, OOB_APP, PROFILES, register, SEED, userToken, type Instance } from './test-client.ts'
import { OOB } from './urls.ts'

const verify = (mock: Instance, token: string) => bearer(mock, '/api/v1/accounts/verify_credentials', token)
const revoke = (mock: Instance, fields: Record<string, string>, as: 'form' | 'json' = 'form') =>
  mock.call('/oauth/revoke', as === 'form' ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })
const noRows = { error: 'sql: no rows in result set', error_description: `Bad Request: could not get access token: sql: no rows in result set: ${ADVICE}` }
const invalidGrant = { error: 'invalid_grant', error_description: `Bad Request: could not get access token: invalid_grant: ${ADVICE}` }

describe('codes and tokens over time', () => {
  for (const profile of PROFILES) {
    it(`${profile}: a code works once; the second exchange is "sql: no rows"; the first token keeps working`, async () => {
      const mock = instance(profile)
      const code = await oobCode(mock, OOB_APP)
      const first = (await (await exchange(mock, codeFields(OOB_APP, code))).json()) as { access_token: string }
      assert.deepEqual(await errorOf(exchange(mock, codeFields(OOB_APP, code))), { status: 400, body: noRows })
      assert.equal((await verify(mock, first.access_token)).status, 200)
    })

    it(`${profile}: refused exchanges (wrong secret, other client, unregistered or other redirect URI) leave the code usable`, async () => {
      const mock = instance(profile)
      const other = await register(mock)
      const code = await oobCode(mock, OOB_APP)
      const fields = codeFields(OOB_APP, code)
      for (const bad of [{ client_secret: 'wrong' }, { client_id: other.client_id, client_secret: other.client_secret }, { redirect_uri: 'https://elsewhere.example/cb' }]) {
        assert.notEqual((await exchange(mock, { ...fields, ...bad })).status, 200)
      }
      assert.equal((await exchange(mock, fields)).status, 200)
    })

    it(`${profile}: the token gets the code's scope, whatever (or nothing) the exchange sends`, async () => {
      const mock = instance(profile)
      const app = await register(mock, { scopes: 'read write' })
      for (const sent of [undefined, 'read', 'read write admin']) {
        const code = await oobCode(mock, app, { scope: 'read write' })
        const body = (await (await exchange(mock, { ...codeFields(app, code), ...(sent ? { scope: sent } : {}) })).json()) as { scope: string }
        assert.equal(body.scope, 'read write', String(sent))
      }
    })

    it(`${profile}: a code is refused after half its 10 minutes (invalid_grant) and gone after 10 (no rows)`, async () => {
      const mock = instance(profile)
      const fresh = await oobCode(mock, OOB_APP)
      mock.clock.advance(299_000)
      assert.equal((await exchange(mock, codeFields(OOB_APP, fresh))).status, 200, 'at 299 s')
      const half = await oobCode(mock, OOB_APP)
      mock.clock.advance(301_000)
      assert.deepEqual(await errorOf(exchange(mock, codeFields(OOB_APP, half))), { status: 400, body: invalidGrant })
      mock.clock.advance(300_000)
      assert.deepEqual(await errorOf(exchange(mock, codeFields(OOB_APP, half))), { status: 400, body: noRows })
    })

    it(`${profile}: user tokens never expire; app tokens say 7200 s and are refused after 3600 s`, async () => {
      const mock = instance(profile)
      const user = await userToken(mock)
      const cc = (await (await exchange(mock, { grant_type: 'client_credentials', client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret, redirect_uri: OOB, scope: 'read write' })).json()) as { access_token: string }
      const apps = (t: string) => mock.call('/api/v1/apps', { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'x', redirect_uris: OOB }) })
      assert.equal((await bearer(mock, '/api/v1/accounts/verify_credentials', cc.access_token)).status, 401, 'app tokens are refused on user endpoints')
      mock.clock.advance(3599_000)
      assert.ok(mock.state.oauth.accessTokens.find(cc.access_token))
      mock.clock.advance(2_000)
      assert.equal(mock.state.oauth.accessTokens.find(cc.access_token), undefined)
      assert.equal((await apps(cc.access_token)).status, 200, 'an expired token is ignored by registration')
      mock.clock.advance(365 * 24 * 3600_000)
      assert.equal((await verify(mock, user)).status, 200)
    })
  }

  it('gotosocial@0.19: revocation — form fields, idempotent, another client refused, JSON binds no client_id', async () => {
    const mock = instance(CURRENT)
    const token = await userToken(mock, { app: OOB_APP })
    const other = await register(mock)
    const mine = { token, client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret }
    const forbidden = { error: 'unauthorized_client', error_description: 'Forbidden: You are not authorized to revoke this token' }
    assert.deepEqual(await errorOf(revoke(mock, { ...mine, client_id: other.client_id, client_secret: other.client_secret })), { status: 403, body: forbidden })
    assert.deepEqual(await errorOf(revoke(mock, { ...mine, client_secret: 'wrong' })), { status: 403, body: forbidden })
    assert.deepEqual(await errorOf(revoke(mock, mine, 'json')), { status: 400, body: { error: 'invalid_request', error_description: 'Bad Request: client_id not set' } })
    assert.equal((await verify(mock, token)).status, 200, 'still valid')
    for (const [missing, expected] of [['token', 'token'], ['client_id', 'client_id'], ['client_secret', 'client_secret']] as const) {
      const fields: Record<string, string> = { ...mine }
      delete fields[missing]
      assert.deepEqual(await errorOf(revoke(mock, fields)), { status: 400, body: { error: 'invalid_request', error_description: `Bad Request: ${expected} not set` } })
    }
    const revoked = await revoke(mock, mine)
    assert.equal(revoked.status, 200)
    assert.equal(await revoked.text(), '{}')
    assert.deepEqual(await errorOf(verify(mock, token)), { status: 401, body: { error: 'Unauthorized: token not supplied' } })
    assert.equal((await revoke(mock, mine)).status, 200, 'again: idempotent')
    assert.equal((await revoke(mock, { ...mine, token: 'never-issued', token_type_hint: 'refresh_token' })).status, 200)
    assert.equal((await mock.call('/oauth/revoke')).status, 405)
  })

  it('gotosocial@0.18: there is no revocation endpoint', async () => {
    const mock = instance(SEED)
    assert.deepEqual(await errorOf(revoke(mock, { token: 'x', client_id: 'y', client_secret: 'z' })), { status: 404, body: { error: 'Not Found' } })
  })
})
