import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Browser, CONFIDENTIAL, instance, JANE, locationOf, PUBLIC, TENANT, type Instance } from './test-client.ts'

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const ERROR_TEXT = /^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/
const good = { response_type: 'code', client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, scope: 'asset.read', state: 'state-12345678' }

function authorize(mock: Instance, params: Record<string, string> | [string, string][]) {
  return mock.call(`/oauth2/auth?${new URLSearchParams(params)}`)
}

/** An error shown on a page: 400 HTML, framing refused, and no Location anywhere near the client. */
async function assertPage(response: Response, code: string, what: string) {
  assert.equal(response.status, 400, what)
  assert.equal(response.headers.get('location'), null, `${what}: never redirected`)
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/, what)
  assert.equal(response.headers.get('x-frame-options'), 'DENY', what)
  assert.match(await response.text(), new RegExp(`<code>${code}</code>`), what)
}

/** An error redirected to the client: 303 to its registered URI with `error`, an ASCII description and the state. */
function assertRedirect(response: Response, code: string, what: string, base = CONFIDENTIAL.redirect_uri) {
  assert.equal(response.status, 303, what)
  const to = locationOf(response)
  assert.equal(`${to.origin}${to.pathname}`, base.split('?')[0], what)
  assert.equal(to.searchParams.get('error'), code, what)
  assert.match(to.searchParams.get('error_description') ?? '', ERROR_TEXT, what)
  assert.equal(to.searchParams.get('code'), null, what)
  return to
}

describe('authorization endpoint errors before the redirect URI is known good: a page, never a redirect', () => {
  it('client_id missing, unknown or repeated', async () => {
    const mock = instance()
    const { client_id: _, ...noClient } = good
    await assertPage(await authorize(mock, noClient), 'invalid_request', 'no client_id')
    await assertPage(await authorize(mock, { ...good, client_id: 'nobody' }), 'invalid_client', 'unknown client')
    await assertPage(await authorize(mock, [...Object.entries(good), ['client_id', CONFIDENTIAL.client_id]]), 'invalid_request', 'client_id twice')
  })

  it('a redirect URI that is not exactly the registered one', async () => {
    const mock = instance()
    const registered = CONFIDENTIAL.redirect_uri // https://app.example.test/callback
    const variants = [
      'https://evil.example/callback',
      `${registered}/`,
      `${registered}/more`,
      `${registered}?x=1`,
      registered.replace('https:', 'http:'),
      registered.replace('app.', 'evil.app.'),
      registered.replace('/callback', '/CALLBACK'),
      registered.replace('/callback', '%2Fcallback'),
      `${registered}#fragment`,
      'https://app.example.test/call',
    ]
    for (const redirect_uri of variants) await assertPage(await authorize(mock, { ...good, redirect_uri }), 'invalid_request', redirect_uri)
    await assertPage(await authorize(mock, [...Object.entries(good), ['redirect_uri', registered]]), 'invalid_request', 'redirect_uri twice')
  })

  it('takes a loopback redirect URI on any port, and the single registered URI when none is sent', async () => {
    const mock = instance()
    const loopback = await authorize(mock, { ...good, client_id: PUBLIC.client_id, redirect_uri: 'http://127.0.0.1:53187/callback', code_challenge: CHALLENGE, code_challenge_method: 'S256' })
    assert.equal(locationOf(loopback).pathname, '/login')
    const otherPath = await authorize(mock, { ...good, client_id: PUBLIC.client_id, redirect_uri: 'http://127.0.0.1:53187/other', code_challenge: CHALLENGE, code_challenge_method: 'S256' })
    assert.equal(otherPath.status, 400)
    const { redirect_uri: _, ...omitted } = good
    assert.equal(locationOf(await authorize(mock, omitted)).pathname, '/login')
  })
})

describe('authorization endpoint errors once the redirect URI is known good: 303 with error= and the state', () => {
  it('response_type missing or not code', async () => {
    const mock = instance()
    const { response_type: _, ...none } = good
    assertRedirect(await authorize(mock, none), 'invalid_request', 'no response_type')
    const token = assertRedirect(await authorize(mock, { ...good, response_type: 'token' }), 'unsupported_response_type', 'implicit')
    assert.equal(token.searchParams.get('state'), good.state)
  })

  it('a parameter sent twice', async () => {
    assertRedirect(await authorize(instance(), [...Object.entries(good), ['scope', 'team.read']]), 'invalid_request', 'scope twice')
  })

  it('a scope that is unknown, or not registered for the client', async () => {
    const mock = instance()
    assertRedirect(await authorize(mock, { ...good, scope: 'asset.read asset.admin' }), 'invalid_scope', 'unknown scope')
    const tenant = { ...good, client_id: TENANT.client_id, redirect_uri: TENANT.redirect_uri, scope: 'team.read' }
    const to = assertRedirect(await authorize(mock, tenant), 'invalid_scope', 'not registered', TENANT.redirect_uri)
    assert.equal(to.searchParams.get('tenant'), '7', "the registered URI's own query is kept")
  })

  it('PKCE: plain, a missing or unknown method, a malformed challenge, a public client without one', async () => {
    const mock = instance()
    assertRedirect(await authorize(mock, { ...good, code_challenge: CHALLENGE, code_challenge_method: 'plain' }), 'invalid_request', 'plain')
    assertRedirect(await authorize(mock, { ...good, code_challenge: CHALLENGE }), 'invalid_request', 'no method means plain')
    assertRedirect(await authorize(mock, { ...good, code_challenge: CHALLENGE, code_challenge_method: 'S512' }), 'invalid_request', 'S512')
    assertRedirect(await authorize(mock, { ...good, code_challenge_method: 'S256' }), 'invalid_request', 'method without challenge')
    assertRedirect(await authorize(mock, { ...good, code_challenge: 'short', code_challenge_method: 'S256' }), 'invalid_request', 'malformed challenge')
    const pub = { ...good, client_id: PUBLIC.client_id, redirect_uri: PUBLIC.redirect_uri }
    assertRedirect(await authorize(mock, pub), 'invalid_request', 'public client without PKCE', PUBLIC.redirect_uri)
    assertRedirect(await authorize(mock, { ...pub, code_challenge: '' }), 'invalid_request', 'an empty challenge is no challenge', PUBLIC.redirect_uri)
  })

  it('a state shorter than 8 characters, or none (Hydra)', async () => {
    const mock = instance()
    const short = assertRedirect(await authorize(mock, { ...good, state: 'abc' }), 'invalid_state', 'short state')
    assert.equal(short.searchParams.get('state'), 'abc', 'echoed even then')
    const { state: _, ...none } = good
    const missing = assertRedirect(await authorize(mock, none), 'invalid_state', 'no state')
    assert.equal(missing.searchParams.has('state'), false)
  })

  it('checks in order: client, redirect URI, response type, scope, PKCE, state', async () => {
    const mock = instance()
    const everythingWrong = { client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, response_type: 'token', scope: 'nope', code_challenge_method: 'plain', state: 'x' }
    assertRedirect(await authorize(mock, everythingWrong), 'unsupported_response_type', 'response type first')
    assertRedirect(await authorize(mock, { ...everythingWrong, response_type: 'code' }), 'invalid_scope', 'then scope')
    assertRedirect(await authorize(mock, { ...everythingWrong, response_type: 'code', scope: 'asset.read' }), 'invalid_request', 'then PKCE')
    await assertPage(await authorize(mock, { ...everythingWrong, redirect_uri: 'https://evil.example/' }), 'invalid_request', 'the redirect URI before all of them')
  })
})

describe('pending requests', () => {
  it('an unknown or expired login or consent challenge is a 400 page', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    const start = await browser.get(`/oauth2/auth?${new URLSearchParams(good)}`)
    mock.clock.advance(1801 * 1000)
    const login = await browser.get(start.headers.get('location')!)
    const expired = await browser.submit(login, { email: JANE.email, password: JANE.password })
    assert.equal(expired.status, 400, 'the request lived 30 minutes')
    assert.equal((await browser.get('/consent?consent_challenge=nope')).status, 400)
  })
})
