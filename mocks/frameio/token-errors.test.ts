import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { s256 } from '../oauth2/pkce.ts'
import { basic, Browser, CONFIDENTIAL, consentedRedirect, instance, JANE, OTHER, PUBLIC, TENANT, token, type Instance } from './test-client.ts'

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const CONF = basic(CONFIDENTIAL.client_id, CONFIDENTIAL.client_secret!)
const ERROR_TEXT = /^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/

/** Exactly an RFC 6749 §5.2 answer: status, JSON `{error, error_description}`, no-store, and the challenge iff `basic`. */
async function assertOAuthError(response: Response, status: number, code: string, options: { basic?: boolean; secret?: string } = {}) {
  const text = await response.text()
  assert.equal(response.status, status, `${code}: ${text}`)
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
  assert.equal(response.headers.get('cache-control'), 'no-store')
  assert.equal(response.headers.get('pragma'), 'no-cache')
  const body = JSON.parse(text) as Record<string, string>
  assert.deepEqual(Object.keys(body), ['error', 'error_description'])
  assert.equal(body.error, code)
  assert.match(body.error_description!, ERROR_TEXT)
  assert.equal(response.headers.get('www-authenticate'), options.basic ? 'Basic realm="applications.frame.io"' : null)
  if (options.secret) assert.ok(!text.includes(options.secret), 'nothing submitted is repeated')
}

async function code(mock: Instance, options: Parameters<typeof consentedRedirect>[1] = {}) {
  return (await consentedRedirect(new Browser(mock), options)).searchParams.get('code')!
}

describe('token endpoint: the request and client authentication', () => {
  it('takes POST with a form only', async () => {
    const mock = instance()
    const get = await mock.call(`/oauth2/token?grant_type=client_credentials&client_id=${CONFIDENTIAL.client_id}`)
    assert.equal(get.headers.get('allow'), 'POST')
    await assertOAuthError(get, 405, 'invalid_request')
    const json = await mock.call('/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/json', authorization: CONF }, body: '{"grant_type":"authorization_code"}' })
    await assertOAuthError(json, 400, 'invalid_request')
    await assertOAuthError(await token(mock, {}, CONF), 400, 'invalid_request')
    const twice = await mock.call('/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: CONF }, body: 'grant_type=refresh_token&grant_type=refresh_token' })
    await assertOAuthError(twice, 400, 'invalid_request')
  })

  it('invalid_client: 401, with a Basic challenge exactly when the client used the Authorization header', async () => {
    const mock = instance()
    const secret = 'wrong-secret-value'
    const grant = { grant_type: 'authorization_code', code: 'x' }
    await assertOAuthError(await token(mock, grant, basic(CONFIDENTIAL.client_id, secret)), 401, 'invalid_client', { basic: true, secret })
    await assertOAuthError(await token(mock, grant, basic('nobody', secret)), 401, 'invalid_client', { basic: true, secret })
    await assertOAuthError(await token(mock, grant, 'Basic !!!'), 401, 'invalid_client', { basic: true })
    await assertOAuthError(await token(mock, grant, 'Bearer abc'), 401, 'invalid_client', { basic: true })
    await assertOAuthError(await token(mock, { ...grant, client_id: CONFIDENTIAL.client_id, client_secret: secret }), 401, 'invalid_client', { secret })
    await assertOAuthError(await token(mock, grant), 401, 'invalid_client')
    await assertOAuthError(await token(mock, { ...grant, client_id: CONFIDENTIAL.client_id }), 401, 'invalid_client')
  })

  it('refuses more than one method, a public client with a secret, and credentials in the URL', async () => {
    const mock = instance()
    const grant = { grant_type: 'authorization_code', code: 'x' }
    await assertOAuthError(await token(mock, { ...grant, client_secret: CONFIDENTIAL.client_secret! }, CONF), 400, 'invalid_request')
    await assertOAuthError(await token(mock, { ...grant, client_id: OTHER.client_id }, CONF), 400, 'invalid_request')
    await assertOAuthError(await token(mock, { ...grant, client_id: PUBLIC.client_id, client_secret: 'anything' }), 401, 'invalid_client')
    await assertOAuthError(await token(mock, grant, basic(PUBLIC.client_id, '')), 401, 'invalid_client', { basic: true })
    const query = new URLSearchParams({ client_id: CONFIDENTIAL.client_id, client_secret: CONFIDENTIAL.client_secret! })
    const inUrl = await mock.call(`/oauth2/token?${query}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(grant) })
    await assertOAuthError(inUrl, 401, 'invalid_client')
  })

  it('form-urldecodes Basic credentials (RFC 6749 §2.3.1)', async () => {
    const mock = instance()
    const grant = { grant_type: 'authorization_code', code: 'unknown-code' }
    const encoded = await token(mock, grant, basic(TENANT.client_id, TENANT.client_secret!))
    await assertOAuthError(encoded, 400, 'invalid_grant')
    const raw = await token(mock, grant, `Basic ${btoa(`${TENANT.client_id}:${TENANT.client_secret}`)}`)
    await assertOAuthError(raw, 401, 'invalid_client', { basic: true })
  })

  it('unsupported_grant_type for unknown grants and the password grant; unauthorized_client for client_credentials', async () => {
    const mock = instance()
    await assertOAuthError(await token(mock, { grant_type: 'urn:example:foo' }, CONF), 400, 'unsupported_grant_type')
    await assertOAuthError(await token(mock, { grant_type: 'password', username: JANE.email, password: JANE.password }, CONF), 400, 'unsupported_grant_type')
    await assertOAuthError(await token(mock, { grant_type: 'client_credentials' }, CONF), 400, 'unauthorized_client')
  })
})

describe('token endpoint: authorization_code', () => {
  it('invalid_request without a code; invalid_grant for an unknown one', async () => {
    const mock = instance()
    await assertOAuthError(await token(mock, { grant_type: 'authorization_code' }, CONF), 400, 'invalid_request')
    await assertOAuthError(await token(mock, { grant_type: 'authorization_code', code: '' }, CONF), 400, 'invalid_request')
    await assertOAuthError(await token(mock, { grant_type: 'authorization_code', code: 'made-up-code', redirect_uri: CONFIDENTIAL.redirect_uri }, CONF), 400, 'invalid_grant', { secret: 'made-up-code' })
  })

  it('a refused exchange (redirect URI, client, verifier) leaves the code redeemable by the right request', async () => {
    const mock = instance()
    const issued = await code(mock, { challenge: await s256(VERIFIER) })
    const right = { grant_type: 'authorization_code', code: issued, redirect_uri: CONFIDENTIAL.redirect_uri, code_verifier: VERIFIER }
    await assertOAuthError(await token(mock, { ...right, redirect_uri: 'https://app.example.test/other' }, CONF), 400, 'invalid_grant', { secret: issued })
    const { redirect_uri: _, ...noRedirect } = right
    await assertOAuthError(await token(mock, noRedirect, CONF), 400, 'invalid_grant')
    await assertOAuthError(await token(mock, { ...right, redirect_uri: OTHER.redirect_uri }, basic(OTHER.client_id, OTHER.client_secret!)), 400, 'invalid_grant')
    const { code_verifier: __, ...noVerifier } = right
    await assertOAuthError(await token(mock, noVerifier, CONF), 400, 'invalid_grant')
    await assertOAuthError(await token(mock, { ...right, code_verifier: VERIFIER.replace('d', 'e') }, CONF), 400, 'invalid_grant')
    await assertOAuthError(await token(mock, { ...right, code_verifier: VERIFIER.slice(0, 42) }, CONF), 400, 'invalid_grant')
    assert.equal((await token(mock, right, CONF)).status, 200)
  })

  it('takes a token request with or without redirect_uri when the authorization request omitted it', async () => {
    const mock = instance()
    for (const redirect of [undefined, CONFIDENTIAL.redirect_uri]) {
      const landed = await consentedRedirect(new Browser(mock), { omitRedirectUri: true })
      assert.equal(`${landed.origin}${landed.pathname}`, CONFIDENTIAL.redirect_uri, 'the code went to the one registered URI')
      const request = { grant_type: 'authorization_code', code: landed.searchParams.get('code')!, ...(redirect ? { redirect_uri: redirect } : {}) }
      await assertOAuthError(await token(mock, { ...request, redirect_uri: OTHER.redirect_uri }, CONF), 400, 'invalid_grant')
      assert.equal((await token(mock, request, CONF)).status, 200, `redirect_uri ${redirect ?? 'omitted'}`)
    }
  })

  it('refuses a code_verifier for a code issued without a challenge (PKCE downgrade)', async () => {
    const mock = instance()
    const issued = await code(mock)
    const request = { grant_type: 'authorization_code', code: issued, redirect_uri: CONFIDENTIAL.redirect_uri }
    await assertOAuthError(await token(mock, { ...request, code_verifier: VERIFIER }, CONF), 400, 'invalid_grant')
    assert.equal((await token(mock, request, CONF)).status, 200)
  })

  it('binds the code to the public client that asked for it', async () => {
    const mock = instance()
    const issued = await code(mock, { client: PUBLIC, challenge: await s256(VERIFIER) })
    const request = { grant_type: 'authorization_code', code: issued, redirect_uri: PUBLIC.redirect_uri, code_verifier: VERIFIER }
    await assertOAuthError(await token(mock, request, CONF), 400, 'invalid_grant')
    const { code_verifier: _, ...withoutVerifier } = request
    await assertOAuthError(await token(mock, { ...withoutVerifier, client_id: PUBLIC.client_id }), 400, 'invalid_grant')
    assert.equal((await token(mock, { ...request, client_id: PUBLIC.client_id })).status, 200)
  })
})

describe('token endpoint: refresh_token', () => {
  it('invalid_request without a refresh token; invalid_grant for an unknown one', async () => {
    const mock = instance()
    await assertOAuthError(await token(mock, { grant_type: 'refresh_token' }, CONF), 400, 'invalid_request')
    await assertOAuthError(await token(mock, { grant_type: 'refresh_token', refresh_token: 'nope-nope' }, CONF), 400, 'invalid_grant', { secret: 'nope-nope' })
  })
})
