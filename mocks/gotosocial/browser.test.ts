import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ADVICE } from './errors.ts'
import { ALICE, allow, authorizePath, Browser, CAROL, CURRENT, DAVE, ERIN, errorOf, FRANK, instance, OOB_APP, PROFILES, readOobCode, register, SEED, WEB_APP } from './test-client.ts'
import { OOB } from './urls.ts'

const location = (r: Response) => r.headers.get('location')

describe('the browser steps', () => {
  for (const profile of PROFILES) {
    const current = profile === CURRENT
    it(`${profile}: GET /oauth/authorize without a required parameter is 400 (JSON for API clients, the error page for browsers)`, async () => {
      const mock = instance(profile)
      const api = await errorOf(mock.call('/oauth/authorize?client_id=x'))
      const expected = current
        ? `Bad Request: Key: 'OAuthAuthorize.ResponseType' Error:Field validation for 'ResponseType' failed on the 'required' tag\nKey: 'OAuthAuthorize.RedirectURI' Error:Field validation for 'RedirectURI' failed on the 'required' tag: ${ADVICE}`
        : `Bad Request: field response_type was not set on OAuthAuthorize form: ${ADVICE}`
      assert.deepEqual(api, { status: 400, body: { error: expected } })
      const page = await new Browser(mock).get('/oauth/authorize?client_id=x')
      assert.equal(page.status, 400)
      assert.match(await page.text(), /<h1>An error occured:<\/h1><pre>Bad Request: /)
      assert.equal((await mock.call('/oauth/authorize?client_id=x&redirect_uri=a&response_type=code', { headers: { accept: 'application/json' } })).status, 406)
      assert.equal((await mock.call('/auth/sign_in', { headers: { accept: 'application/json' } })).status, 406)
    })

    it(`${profile}: sign-in failures: one 401 text for an unknown e-mail, a username and a wrong password; a missing field`, async () => {
      const mock = instance(profile)
      const browser = new Browser(mock)
      await browser.get(authorizePath(OOB_APP.client_id))
      const cookie = browser.jar.size
      for (const [username, password] of [['nobody@example.org', 'x'], ['alice', ALICE.password], [ALICE.email, 'wrong']] as const) {
        const answer = await mock.call('/auth/sign_in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password }) })
        assert.deepEqual(await errorOf(answer), { status: 401, body: { error: `Unauthorized: password/email combination was incorrect: ${ADVICE}` } })
        assert.equal(answer.headers.get('set-cookie'), null, 'the session is kept')
      }
      assert.equal(cookie, 1)
      const missing = await mock.call('/auth/sign_in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=' })
      const { status, body } = await errorOf(missing.clone())
      assert.equal(status, current ? 400 : 401)
      assert.equal(body.error, current ? `Bad Request: ${ADVICE}` : `Unauthorized: password/email combination was incorrect: ${ADVICE}`)
      assert.equal(missing.headers.get('set-cookie') !== null, current, 'v0.19 clears the session')
    })

    it(`${profile}: a signed-in account that may not authorize is sent to an unrouted page (404)`, async () => {
      const mock = instance(profile)
      const pages = { [DAVE.email]: '/auth/check_your_email', [ERIN.email]: '/auth/wait_for_approval', [CAROL.email]: '/auth/account_disabled', [FRANK.email]: '/auth/account_disabled' }
      for (const user of [DAVE, ERIN, CAROL, FRANK]) {
        const browser = new Browser(mock)
        const answer = await allow(browser, OOB_APP.client_id, { user })
        assert.equal(answer.status, 303, user.username)
        assert.equal(location(answer), pages[user.email])
        assert.equal((await browser.get(location(answer)!)).status, 404)
      }
    })

    it(`${profile}: an unknown client_id is noticed only after sign-in, and ends the flow`, async () => {
      const mock = instance(profile)
      const browser = new Browser(mock)
      assert.equal((await browser.get(authorizePath('01UNKNOWNAPP0000000000000A'))).status, 303)
      await browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })
      const page = await browser.request('/oauth/authorize', { headers: { accept: 'application/json' } })
      // (a JSON-only Accept is 406 on this page; a browser's Accept shows the error)
      assert.equal(page.status, 406)
      const refused = await browser.request('/oauth/authorize', { headers: { accept: '*/*' } })
      const help = current ? 'db error getting app for clientID 01UNKNOWNAPP0000000000000A' : 'application for client_id 01UNKNOWNAPP0000000000000A could not be retrieved'
      assert.deepEqual(await errorOf(refused), { status: 400, body: { error: `Bad Request: ${help}: ${ADVICE}` } })
    })

    it(`${profile}: Allow without the flow's session is refused with the session error, and no code`, async () => {
      const mock = instance(profile)
      const browser = new Browser(mock)
      await browser.get(authorizePath(OOB_APP.client_id))
      await browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })
      browser.forget()
      const refused = await browser.request('/oauth/authorize', { method: 'POST', headers: { accept: 'application/json' } })
      const help = current ? 'key response_type not found in session' : ['response_type', 'client_id', 'redirect_uri', 'scope', 'userid'].map((k) => `key ${k} was not found in session`).join(': ')
      assert.deepEqual(await errorOf(refused), { status: 400, body: { error: `Bad Request: ${help}: ${ADVICE}` } })
      const oob = await errorOf(new Browser(mock).request('/oauth/oob?code=abc', { headers: { accept: '*/*' } }))
      const oobHelp = current ? 'neither userid nor userid_awaiting_2fa keys found in session' : 'key scope was not found in session: key userid was not found in session'
      assert.deepEqual(oob, { status: 400, body: { error: `Bad Request: ${oobHelp}: ${ADVICE}` } })
      const noCode = await errorOf(mock.call('/oauth/oob'))
      assert.equal(noCode.body.error, `Bad Request: no 'code' query value provided in callback redirect${current ? '' : `: ${ADVICE}`}`)
    })

    it(`${profile}: a registered https redirect URI gets 302 ?code=&state= (state byte-identical, keys sorted, the URI's query kept)`, async () => {
      const mock = instance(profile)
      const state = 'a b&c=d/é%'
      const answer = await allow(new Browser(mock), WEB_APP.client_id, { redirectUri: WEB_APP.redirect_uris, scope: 'read', state })
      assert.equal(answer.status, 302)
      const to = new URL(location(answer)!)
      assert.equal(`${to.origin}${to.pathname}`, WEB_APP.redirect_uris)
      assert.deepEqual([...to.searchParams.keys()], ['code', 'state'])
      assert.equal(to.searchParams.get('state'), state)
      assert.match(to.searchParams.get('code')!, /^[A-Z0-9_-]{48}$/)
      const app = await register(mock, { redirect_uris: 'https://app.example.test/cb?tenant=7' })
      const kept = new URL(location(await allow(new Browser(mock), app.client_id, { redirectUri: 'https://app.example.test/cb?tenant=7' }))!)
      assert.deepEqual([...kept.searchParams.keys()], ['code', 'tenant'])
    })

    it(`${profile}: scope=read+write, %20 and (v0.19) a literal + all mean read and write`, async () => {
      const mock = instance(profile)
      for (const raw of ['read+write', 'read%20write', ...(current ? ['read%2Bwrite'] : [])]) {
        const browser = new Browser(mock)
        await browser.get(`/oauth/authorize?client_id=${OOB_APP.client_id}&redirect_uri=${OOB}&response_type=code&scope=${raw}`)
        await browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })
        assert.match(await (await browser.get('/oauth/authorize')).text(), /with scope <em>read write<\/em>/, raw)
      }
    })

    it(`${profile}: PKCE parameters are accepted and ignored`, async () => {
      const mock = instance(profile)
      const browser = new Browser(mock)
      const extra = { code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }
      const code = await readOobCode(browser, await allow(browser, OOB_APP.client_id, { extra }))
      const answer = await mock.call('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret, redirect_uri: OOB, code_verifier: 'wrong' }) })
      assert.equal(answer.status, 200)
    })
  }

  it('gotosocial@0.19: a scope the app lacks, or an unregistered redirect URI, is redirected as an error (no code)', async () => {
    const mock = instance(CURRENT)
    const scope = await allow(new Browser(mock), OOB_APP.client_id, { scope: 'read admin' })
    assert.equal(location(scope), `${OOB}?error=invalid_scope&error_description=The+requested+scope+is+invalid%2C+unknown%2C+or+malformed`)
    const evil = await allow(new Browser(mock), WEB_APP.client_id, { redirectUri: 'https://evil.example/cb', state: 's' })
    assert.equal(location(evil), 'https://evil.example/cb?error=server_error&error_description=The+authorization+server+encountered+an+unexpected+condition+that+prevented+it+from+fulfilling+the+request&state=s')
  })

  it('gotosocial@0.18: no scope check against the app; redirect URIs checked by host suffix (an OOB app accepts any)', async () => {
    const mock = instance(SEED)
    const browser = new Browser(mock)
    const admin = await allow(browser, OOB_APP.client_id, { scope: 'read admin' })
    assert.match(await (await browser.get(location(admin)!)).text(), /scope "<em>read admin<\/em>"/)
    assert.match(location(await allow(new Browser(mock), OOB_APP.client_id, { redirectUri: 'https://evil.example/cb' }))!, /^https:\/\/evil\.example\/cb\?code=/)
    assert.match(location(await allow(new Browser(mock), WEB_APP.client_id, { redirectUri: 'https://evil.app.example.test/x' }))!, /^https:\/\/evil\.app\.example\.test\/x\?code=/)
    assert.match(location(await allow(new Browser(mock), WEB_APP.client_id, { redirectUri: 'https://elsewhere.example/cb' }))!, /\?error=server_error&/)
  })

  it('answers 404 for unknown paths and 405 (text/plain, Allow) for a known path with another method', async () => {
    const mock = instance()
    assert.deepEqual(await errorOf(mock.call('/nope')), { status: 404, body: { error: 'Not Found' } })
    assert.deepEqual(await errorOf(mock.call('/oauth/revoke', { method: 'POST' })), { status: 404, body: { error: 'Not Found' } }, 'v0.18 has no revocation')
    const get = await mock.call('/oauth/token')
    assert.equal(get.status, 405)
    assert.equal(get.headers.get('allow'), 'POST')
    assert.equal(get.headers.get('content-type'), 'text/plain')
    assert.equal(await get.text(), '405 method not allowed')
  })

  it('pages carry the group cache headers and X-Frame-Options: DENY', async () => {
    const page = await instance().call('/auth/sign_in')
    assert.equal(page.headers.get('cache-control'), 'private, max-age=120')
    assert.equal(page.headers.get('vary'), 'Accept, Accept-Encoding')
    assert.equal(page.headers.get('x-frame-options'), 'DENY')
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8')
  })
})
