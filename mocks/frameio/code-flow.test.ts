import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { s256 } from '../oauth2/pkce.ts'
import { basic, bearerGet, Browser, CONFIDENTIAL, consentedRedirect, follow, instance, JANE, locationOf, PUBLIC, readForm, token } from './test-client.ts'

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'

describe('the authorization code flow through the login and consent pages', () => {
  it('confidential app, Basic: authorize → sign in → consent → code → tokens → /v2/me', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    const state = 'a b+c&d=é/~ 0123456789 0123456789 abcd'
    const params = new URLSearchParams({ response_type: 'code', client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, scope: 'offline account.read asset.read', state })
    const start = await browser.get(`/oauth2/auth?${params}`)
    assert.equal(start.status, 303)
    assert.equal(locationOf(start).pathname, '/login')

    const loginPage = await browser.get(start.headers.get('location')!)
    assert.equal(loginPage.headers.get('x-frame-options'), 'DENY')
    assert.match(loginPage.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/)
    const login = readForm(await loginPage.text())
    assert.ok(login.fields.csrf_token && login.fields.login_challenge, 'the form carries its CSRF value and the pending request')
    const signedIn = await browser.post(login.action, { ...login.fields, email: JANE.email, password: JANE.password })
    assert.equal(signedIn.status, 303)
    assert.match(signedIn.headers.getSetCookie().join('\n'), /fio_session=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/)

    const consentPage = await browser.get(signedIn.headers.get('location')!)
    const html = await consentPage.text()
    assert.match(html, /Review Sync/)
    for (const scope of ['offline', 'account.read', 'asset.read']) assert.ok(html.includes(scope), `the page names ${scope}`)
    const consent = readForm(html)
    assert.deepEqual(consent.buttons, ['allow', 'deny'])
    const back = await browser.post(consent.action, { ...consent.fields, decision: 'allow' })
    assert.equal(back.status, 303)
    const landed = locationOf(back)
    assert.equal(`${landed.origin}${landed.pathname}`, CONFIDENTIAL.redirect_uri)
    assert.equal(landed.searchParams.get('state'), state, 'state comes back byte for byte')
    assert.equal(landed.searchParams.get('scope'), 'offline account.read asset.read')

    const exchanged = await token(mock, { grant_type: 'authorization_code', code: landed.searchParams.get('code')!, redirect_uri: CONFIDENTIAL.redirect_uri, state, scope: 'ignored' }, basic(CONFIDENTIAL.client_id, CONFIDENTIAL.client_secret!))
    assert.equal(exchanged.status, 200)
    assert.equal(exchanged.headers.get('cache-control'), 'no-store')
    assert.equal(exchanged.headers.get('pragma'), 'no-cache')
    const tokens = (await exchanged.json()) as Record<string, unknown>
    assert.deepEqual(Object.keys(tokens).sort(), ['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type'])
    assert.equal(tokens.token_type, 'bearer')
    assert.equal(tokens.expires_in, 3600)
    const me = await bearerGet(mock, '/v2/me', tokens.access_token as string)
    assert.equal(((await me.json()) as { email: string }).email, JANE.email)
  })

  it('public (PKCE) app: client_id and code_verifier in the body, no Authorization header', async () => {
    const mock = instance()
    const landed = await consentedRedirect(new Browser(mock), { client: PUBLIC, scope: 'asset.read', challenge: await s256(VERIFIER) })
    const code = landed.searchParams.get('code')!
    const exchanged = await token(mock, { grant_type: 'authorization_code', code, redirect_uri: PUBLIC.redirect_uri, client_id: PUBLIC.client_id, code_verifier: VERIFIER })
    assert.equal(exchanged.status, 200)
    const tokens = (await exchanged.json()) as Record<string, unknown>
    assert.equal(tokens.refresh_token, undefined, 'no refresh token without offline')
    assert.equal(tokens.scope, 'asset.read')
  })

  it('confidential app with client_secret in the body, and with PKCE too', async () => {
    const mock = instance()
    const landed = await consentedRedirect(new Browser(mock), { challenge: await s256(VERIFIER) })
    const fields = { grant_type: 'authorization_code', code: landed.searchParams.get('code')!, redirect_uri: CONFIDENTIAL.redirect_uri, code_verifier: VERIFIER }
    const exchanged = await token(mock, { ...fields, client_id: CONFIDENTIAL.client_id, client_secret: CONFIDENTIAL.client_secret! })
    assert.equal(exchanged.status, 200)
  })

  it('a signed-in user still sees the consent page (no silent re-consent), bound to that session', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    await consentedRedirect(browser)
    const params = new URLSearchParams({ response_type: 'code', client_id: CONFIDENTIAL.client_id, scope: 'asset.read', state: 'second-flow' })
    const again = await browser.get(`/oauth2/auth?${params}`)
    assert.equal(locationOf(again).pathname, '/consent', 'straight to consent, never straight to the client')
    const stranger = new Browser(mock)
    await stranger.signIn()
    const hijack = await stranger.get(again.headers.get('location')!)
    assert.equal(hijack.status, 403, "another session cannot answer this session's request")
  })

  it('Deny sends access_denied with the state, and no code exists', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    await browser.signIn()
    const params = new URLSearchParams({ response_type: 'code', client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, scope: 'asset.read', state: 'deny-state-1' })
    const consent = await follow(browser, await browser.get(`/oauth2/auth?${params}`))
    const denied = locationOf(await browser.submit(consent, { decision: 'deny' }))
    assert.equal(denied.searchParams.get('error'), 'access_denied')
    assert.equal(denied.searchParams.get('state'), 'deny-state-1')
    assert.equal(denied.searchParams.get('code'), null)
  })

  it('refuses a consent POST without the page’s CSRF value and issues no code', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    await browser.signIn()
    const params = new URLSearchParams({ response_type: 'code', client_id: CONFIDENTIAL.client_id, scope: 'asset.read', state: 'csrf-state-1' })
    const consent = readForm(await (await follow(browser, await browser.get(`/oauth2/auth?${params}`))).text())
    const forged = await browser.post(consent.action, { consent_challenge: consent.fields.consent_challenge!, decision: 'allow' })
    assert.equal(forged.status, 403)
    assert.equal(forged.headers.get('location'), null)
  })

  it('answers 303 (never 307) after the sign-in and consent POSTs, and rotates the session at sign-in', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    await browser.signIn()
    const first = browser.jar.get('fio_session')
    const second = await browser.signIn()
    assert.equal(second.status, 303)
    assert.notEqual(browser.jar.get('fio_session'), first, 'a new session id at each sign-in')
    const out = await browser.submit(await browser.get('/developer/tokens'), {})
    assert.equal(out.status, 303, 'Sign out (the only form on a Tokens page without tokens)')
    assert.equal(browser.jar.get('fio_session'), undefined, 'sign-out ends the session')
  })

  it('keeps the unknown-email and wrong-password answers identical', async () => {
    const mock = instance()
    const unknown = await new Browser(mock).signIn('nobody@frame.io', 'whatever-password')
    const wrong = await new Browser(mock).signIn(JANE.email, 'wrong-password')
    assert.equal(unknown.status, 401)
    assert.equal(wrong.status, 401)
    const text = (html: string) => html.replace(/value="[\w-]{43,}"/g, '')
    assert.equal(text(await unknown.text()), text(await wrong.text()))
  })
})
