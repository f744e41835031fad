import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { basiqInstance, errorOf } from './testing.ts'

const NOT_VALID = { code: 'parameter-not-valid', title: 'Required parameter not valid' }
const AUTH_SOURCE = { parameter: 'Authorization', pointer: 'header/Authorization' }
const VERSION_SOURCE = { parameter: 'basiq-version', pointer: 'header/basiq-version' }

describe('Basiq mock: POST /token answers', () => {
  it('issues a JWT with the documented body, bound to its scope, user and version', async () => {
    const { tokenRequest, users } = await basiqInstance()
    const response = await tokenRequest(`scope=CLIENT_ACCESS&userId=${users.richard}`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/json')
    assert.equal(response.headers.get('cache-control'), 'no-store')
    const body = (await response.json()) as Record<string, unknown>
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type'])
    assert.deepEqual([body.token_type, body.expires_in], ['Bearer', 3600])
    const token = String(body.access_token)
    assert.match(token, /^eyJh[\w-]*\.[\w-]+\.[\w-]+$/, 'a JWS whose header starts {"alg" (the recorded "eyJh…")')
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' })
    const claims = decodeJwt(token)
    assert.deepEqual([claims.scope, claims.userId, claims.version, claims.exp! - claims.iat!], ['CLIENT_ACCESS', users.richard, '3.0', 3600])
  })

  it('reads the bodies real clients send: form (any charset), JSON, empty, and extra fields', async () => {
    const { call, key, users } = await basiqInstance()
    const post = (body: string | undefined, type?: string, version = '3.0') =>
      call('/token', { method: 'POST', headers: { authorization: `Basic ${key('live')}`, 'basiq-version': version, ...(type ? { 'content-type': type } : {}) }, body })
    const cases: [string, Promise<Response>, string][] = [
      ['form + charset (oauth4webapi)', post('scope=SERVER_ACCESS&grant_type=client_credentials', 'application/x-www-form-urlencoded;charset=UTF-8'), 'SERVER_ACCESS'],
      ['empty JSON body (basiq-sdk-nodejs)', post(undefined, 'application/json'), 'SERVER_ACCESS'],
      ['no body, no content type', post(undefined), 'SERVER_ACCESS'],
      ['JSON {}', post('{}', 'application/json'), 'SERVER_ACCESS'],
      ['form without scope, basiq-version 2.1', post('grant_type=client_credentials', 'application/x-www-form-urlencoded', '2.1'), 'SERVER_ACCESS'],
      ['Trusted-Advisor JSON', post(JSON.stringify({ scope: 'CLIENT_ACCESS', userId: users.gavin, orgName: 'Accountants XYZ Pty Ltd', orgRefType: 'anything' }), 'application/json'), 'CLIENT_ACCESS'],
    ]
    for (const [name, pending, scope] of cases) {
      const response = await pending
      assert.equal(response.status, 200, name)
      const claims = decodeJwt(((await response.json()) as { access_token: string }).access_token)
      assert.equal(claims.scope, scope, name)
      if (name.startsWith('Trusted')) assert.deepEqual([claims.orgName, claims.orgRefType], ['Accountants XYZ Pty Ltd', 'anything'])
    }
  })

  it('takes the key verbatim: its two halves as client_secret_basic are the same bytes; lower-case basic works', async () => {
    const { call, key } = await basiqInstance()
    const [id, secret] = atob(key('live')).split(':') as [string, string]
    for (const authorization of [`Basic ${btoa(`${id}:${secret}`)}`, `basic ${key('live')}`]) {
      assert.equal((await call('/token', { method: 'POST', headers: { authorization, 'basiq-version': '3.0' } })).status, 200, authorization)
    }
  })

  it('ignores a scope sent as a request header', async () => {
    const { tokenRequest } = await basiqInstance()
    const response = await tokenRequest('scope=SERVER_ACCESS', { scope: 'CLIENT_ACCESS' })
    assert.equal(decodeJwt(((await response.json()) as { access_token: string }).access_token).scope, 'SERVER_ACCESS')
  })
})

describe('Basiq mock: every documented /token error', () => {
  it('answers each in the list envelope with its recorded or documented wording and a fresh correlationId', async () => {
    const { call, key, tokenRequest, token, users } = await basiqInstance()
    const live = key('live')
    const post = (headers: Record<string, string>, body?: string) => call('/token', { method: 'POST', headers, body })
    const v3 = { 'basiq-version': '3.0' }
    const cases: [string, Promise<Response>, number, object][] = [
      ['no Authorization', post(v3), 400, { ...NOT_VALID, detail: 'Authorization header parameter is required', source: AUTH_SOURCE }],
      ['Bearer scheme', post({ ...v3, authorization: `Bearer ${await token()}` }), 400, { ...NOT_VALID, detail: 'Invalid authorization header', source: AUTH_SOURCE }],
      ['Basic without key', post({ ...v3, authorization: 'Basic' }), 400, { ...NOT_VALID, detail: 'Invalid authorization header', source: AUTH_SOURCE }],
      ['key encoded twice', post({ ...v3, authorization: `Basic ${btoa(live)}` }), 400, { ...NOT_VALID, detail: 'Invalid authorization header', source: AUTH_SOURCE }],
      ['key not base64', post({ ...v3, authorization: 'Basic not*base64' }), 400, { ...NOT_VALID, detail: 'Invalid authorization header', source: AUTH_SOURCE }],
      ['no basiq-version', post({ authorization: `Basic ${live}` }), 400, { ...NOT_VALID, detail: 'Basiq-version must be specified in HTTP request header', source: VERSION_SOURCE }],
      ['empty basiq-version', post({ authorization: `Basic ${live}`, 'basiq-version': ' ' }), 400, { ...NOT_VALID, detail: 'Basiq-version must be specified in HTTP request header', source: VERSION_SOURCE }],
      ['basiq-version 0.9', post({ authorization: `Basic ${live}`, 'basiq-version': '0.9' }), 400, { ...NOT_VALID, detail: 'Version 0.9 is no longer supported. Please upgrade to the latest version', source: VERSION_SOURCE }],
      ['basiq-version 1.0 (the SDK default)', post({ authorization: `Basic ${live}`, 'basiq-version': '1.0' }), 400, { ...NOT_VALID, detail: 'Version 1.0 is no longer supported. Please upgrade to the latest version', source: VERSION_SOURCE }],
      ['unknown key', post({ ...v3, authorization: `Basic ${btoa('nobody:nothing')}` }), 404, { code: 'parameter-not-valid', title: 'We have encountered an error', detail: 'Unable to authenticate. Please, check your API key' }],
      ['deleted key', post({ ...v3, authorization: `Basic ${key('deleted')}` }), 404, { code: 'parameter-not-valid', title: 'We have encountered an error', detail: 'Unable to authenticate. Please, check your API key' }],
      ['disabled key', post({ ...v3, authorization: `Basic ${key('disabled')}` }), 403, { code: 'access-denied', title: 'Access denied.', detail: 'Your account has been disabled. Please contact Basiq support.', source: null }],
      ['unreadable body', tokenRequest('{', { 'content-type': 'application/json' }), 400, { code: 'invalid-content', title: 'Invalid request content.', detail: 'Posted token request is not in valid format.' }],
      ['text/plain body', tokenRequest('scope=SERVER_ACCESS', { 'content-type': 'text/plain' }), 400, { code: 'invalid-content', title: 'Invalid request content.', detail: 'Posted token request is not in valid format.' }],
      ['unknown scope', tokenRequest('scope=ADMIN_ACCESS'), 400, { ...NOT_VALID, detail: 'Scope value is not valid', source: { parameter: 'scope', pointer: 'body/scope' } }],
      [
        'CLIENT_ACCESS without userId (3.0)',
        tokenRequest('scope=CLIENT_ACCESS'),
        400,
        { code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: 'userId parameter is required for CLIENT_ACCESS scope.', source: { parameter: 'userId', pointer: 'body/userId' } },
      ],
      ['CLIENT_ACCESS, unknown userId', tokenRequest('scope=CLIENT_ACCESS&userId=nobody'), 404, { code: 'resource-not-found', title: 'Requested resource is not found', detail: 'Requested user does not exist.' }],
      ["CLIENT_ACCESS, another application's user", tokenRequest(`scope=CLIENT_ACCESS&userId=${users.erlich}`), 404, { code: 'resource-not-found', title: 'Requested resource is not found', detail: 'Requested user does not exist.' }],
    ]
    const ids = new Set<string>()
    for (const [name, pending, status, item] of cases) {
      const response = await pending
      const error = await errorOf(response)
      assert.equal(error.status, status, name)
      assert.equal(error.type, 'application/json', name)
      assert.equal(error.body.type, 'list', name)
      assert.equal(error.body.data.length, 1, name)
      assert.deepEqual(error.item, { type: 'error', ...item }, name)
      assert.equal(response.headers.get('www-authenticate'), null, name)
      assert.ok(!JSON.stringify(error.body).includes(live) && !JSON.stringify(error.body).includes(atob(live).split(':')[1]!), `${name}: the key is never echoed`)
      ids.add(error.body.correlationId)
    }
    assert.equal(ids.size, cases.length, 'every error has its own correlationId')
  })

  it('issues a 2.x CLIENT_ACCESS token without userId (recorded in 2.0), bound to no user', async () => {
    const { tokenRequest } = await basiqInstance()
    for (const version of ['2.0', '2.1']) {
      const response = await tokenRequest('scope=CLIENT_ACCESS', { 'basiq-version': version })
      assert.equal(response.status, 200, version)
      assert.equal(decodeJwt(((await response.json()) as { access_token: string }).access_token).userId, undefined)
    }
  })

  it('checks in its stated order: rate limit, Authorization, basiq-version, key, body', async () => {
    const { call, key } = await basiqInstance()
    const post = (headers: Record<string, string>, body?: string) => call('/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body })
    const detail = async (r: Promise<Response>) => (await errorOf(await r)).item.detail
    assert.equal(await detail(post({}, 'scope=NOPE')), 'Authorization header parameter is required', 'Authorization before basiq-version and body')
    assert.equal(await detail(post({ authorization: 'Bearer x' })), 'Invalid authorization header', 'its shape before basiq-version')
    assert.equal(await detail(post({ authorization: `Basic ${key('deleted')}` })), 'Basiq-version must be specified in HTTP request header', 'basiq-version before the key')
    assert.equal(await detail(post({ authorization: `Basic ${key('disabled')}`, 'basiq-version': '3.0' }, 'scope=NOPE')), 'Your account has been disabled. Please contact Basiq support.', 'the key before the body')
  })

  it('refuses the 1,501st token request within 5 minutes of its clock, whatever it is, and recovers once the window has passed', async () => {
    const { tokenRequest, call, clock } = await basiqInstance()
    for (let i = 0; i < 1499; i++) await call('/token', { method: 'POST' }) // refused requests count too
    clock.advance(200_000)
    assert.equal((await tokenRequest()).status, 200, 'the 1,500th request')
    const limited = await errorOf(await tokenRequest())
    assert.deepEqual([limited.status, limited.item], [403, { type: 'error', code: 'access-denied', title: 'Access denied.', detail: 'Invalid request', source: null }])
    assert.equal((await call('/token', { method: 'POST' })).status, 403, 'before any other check')
    clock.advance(100_000) // the first 1,499 leave the window; the last three are still in it
    assert.equal((await tokenRequest()).status, 200)
  })
})
