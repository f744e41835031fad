import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'node-html-parser'
import { SpecValidator } from '../../harness/evidence/spec-validator.ts'
import {
  ALICE, allow, bearer, Browser, BROWSER_ACCEPT, CAROL, codeFields, codeOnPage, exchange, instance, oobCode, OOB_APP, ORIGIN, PROFILES, register, userToken, WEB_APP, type Instance,
} from './test-client.ts' // prettier-ignore
import { OOB } from './urls.ts'

const validator = new SpecValidator(join(import.meta.dirname, '..', '..', 'openapi', 'gotosocial.yaml'))

/** An instance whose every answer is also checked against openapi/gotosocial.yaml. */
function validated(inner: Instance): { mock: Instance; errors: string[] } {
  const errors: string[] = []
  const fetch = async (request: Request) => {
    const response = await inner.fetch(request.clone())
    const found = validator.validate(request.method, request.url, response.status, Object.fromEntries(response.headers), await response.clone().text())
    for (const d of found) if (d.severity === 'error') errors.push(`${request.method} ${new URL(request.url).pathname} ${response.status}: ${d.message}`)
    return response
  }
  return { mock: { ...inner, fetch, call: (path, init) => fetch(new Request(new URL(path, ORIGIN), withUa(init))) }, errors }
}

function withUa(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers)
  if (!headers.has('user-agent')) headers.set('user-agent', 'authconform-unit')
  return { ...init, headers }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const form = (value: Record<string, string>): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(value) })

for (const profile of PROFILES) {
  const current = profile === 'gotosocial@0.19'
  describe(`the documented walk, ${profile}`, () => {
    it('discovers the instance, registers, signs in, allows, reads the OOB code, exchanges it and reads notifications to the end', async () => {
      const { mock, errors } = validated(instance(profile))
      // What a client reads first (megalodon's detector: /.well-known/nodeinfo, then the 2.0 document).
      const links = (await (await mock.call('/.well-known/nodeinfo')).json()) as { links: { rel: string; href: string }[] }
      assert.deepEqual(links.links.map((l) => l.href), [`${ORIGIN}/nodeinfo/2.0`, `${ORIGIN}/nodeinfo/2.1`])
      const nodeinfo = await mock.call(new URL(links.links[0]!.href).pathname)
      assert.equal(nodeinfo.headers.get('content-type'), 'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.0#"')
      assert.equal(((await nodeinfo.json()) as { software: { name: string } }).software.name, 'gotosocial')
      const instanceInfo = (await (await mock.call('/api/v1/instance')).json()) as { uri: string; version: string }
      assert.equal(instanceInfo.uri, 'gts.test')
      assert.equal(instanceInfo.version, current ? '0.19.2' : '0.18.3')

      // 1. register the app
      const registered = await mock.call('/api/v1/apps', json({ client_name: 'your_app_name', redirect_uris: OOB, scopes: 'read write' }))
      assert.equal(registered.status, 200)
      assert.equal(registered.headers.get('cache-control'), 'no-store')
      const app = (await registered.json()) as Record<string, unknown> & { client_id: string; client_secret: string }
      const keys = current
        ? ['id', 'created_at', 'name', 'redirect_uri', 'redirect_uris', 'client_id', 'client_secret', 'vapid_key', 'scopes']
        : ['id', 'name', 'redirect_uri', 'client_id', 'client_secret', 'vapid_key']
      assert.deepEqual(Object.keys(app), keys)
      assert.equal(app.redirect_uri, OOB)
      assert.match(app.client_id, /^[0-9A-HJKMNP-TV-Z]{26}$/)
      assert.match(app.client_secret, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      if (current) assert.deepEqual(app.scopes, ['read', 'write'])

      // 2. the browser: authorize URL → sign-in page
      const browser = new Browser(mock)
      const start = await browser.get(`/oauth/authorize?client_id=${app.client_id}&redirect_uri=${OOB}&response_type=code&scope=read+write`)
      assert.equal(start.status, 303)
      assert.equal(start.headers.get('location'), '/auth/sign_in')
      const cookie = start.headers.get('set-cookie')!
      assert.match(cookie, /^gotosocial-gts\.test=[\w.-]+; Path=\/; Expires=[^;]+ GMT; Max-Age=120; HttpOnly; SameSite=Lax$/)
      const signedCookie = browser.jar.get('gotosocial-gts.test')!
      const signIn = await browser.get('/auth/sign_in')
      const form = parse(await signIn.text()).querySelector('form')!
      assert.equal(form.getAttribute('action'), '/auth/sign_in')
      assert.deepEqual(form.querySelectorAll('input').map((i) => [i.getAttribute('name'), i.getAttribute('type')]), [['username', 'email'], ['password', 'password']])

      // 3. sign in with e-mail and password, see the authorize page, Allow
      const signedIn = await browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })
      assert.equal(signedIn.status, 302)
      assert.equal(signedIn.headers.get('location'), '/oauth/authorize')
      assert.ok(!signedIn.headers.get('set-cookie')!.includes(signedCookie), 'a re-armed cookie never repeats the one sent')
      const page = await (await browser.get('/oauth/authorize')).text()
      assert.match(page, /Hi <b>alice<\/b>!/)
      assert.match(page, /Application <b>your_app_name<\/b> would like to perform actions on your behalf, with scope <em>read write<\/em>\./)
      assert.match(page, new RegExp(`<code>${OOB}</code>`))
      const allowed = await browser.post('/oauth/authorize')
      assert.equal(allowed.status, 302)
      const location = allowed.headers.get('location')!
      assert.match(location, /^\/oauth\/oob\?code=[A-Z0-9_-]{48}$/)

      // 4. the OOB page shows the code; the session is cleared
      const oob = await browser.get(location)
      assert.equal(oob.status, 200)
      const html = await oob.text()
      assert.match(html, /Here's your out-of-band token with scope "<em>read write<\/em>", use it wisely:/)
      const code = codeOnPage(html)
      assert.equal(code, new URL(location, ORIGIN).searchParams.get('code'))

      // 5. exchange (JSON, as masto and megalodon send it)
      const exchanged = await mock.call('/oauth/token', json({ grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB }))
      assert.equal(exchanged.status, 200)
      assert.equal(exchanged.headers.get('cache-control'), 'no-store')
      assert.equal(exchanged.headers.get('pragma'), 'no-cache')
      const tokens = (await exchanged.json()) as { access_token: string; created_at: number; scope: string; token_type: string }
      assert.deepEqual(Object.keys(tokens), ['access_token', 'created_at', 'scope', 'token_type'])
      assert.equal(tokens.token_type, 'Bearer')
      assert.equal(tokens.scope, 'read write')
      assert.match(tokens.access_token, /^[A-Z0-9_-]{48}$/)
      const auth = { authorization: `Bearer ${tokens.access_token}` }

      // 6. verify_credentials, then notifications paged to the end by the Link header
      const me = (await (await mock.call('/api/v1/accounts/verify_credentials', { headers: auth })).json()) as { username: string; source: object }
      assert.equal(me.username, 'alice')
      assert.ok(me.source)
      const seen: string[] = []
      let next: string | undefined = '/api/v1/notifications'
      let pages = 0
      while (next) {
        const answer = await mock.call(next, { headers: auth })
        assert.equal(answer.status, 200)
        const list = (await answer.json()) as { id: string }[]
        seen.push(...list.map((n) => n.id))
        const link = answer.headers.get('link')
        if (list.length === 0) assert.equal(link, null, 'the page past the end has no Link')
        const href = link === null ? undefined : /<([^>]+)>; rel="next"/.exec(link)![1]!
        next = href && new URL(href).pathname + new URL(href).search
        pages++
      }
      assert.equal(pages, 4, '20 + 20 + 5, then the empty page')
      assert.equal(seen.length, ALICE.notifications)
      assert.equal(new Set(seen).size, seen.length, 'no notification twice')
      assert.deepEqual(seen, [...seen].sort().reverse(), 'newest first across pages')

      // 7. post with the token; revoke it (v0.19) — v0.18 has no revocation endpoint
      const posted = await mock.call('/api/v1/statuses', { ...json({ status: 'hello from the walk' }), headers: { ...auth, 'content-type': 'application/json' } })
      assert.equal(posted.status, 200)
      const revoke = await mock.call('/oauth/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: tokens.access_token, client_id: app.client_id, client_secret: app.client_secret }) })
      assert.equal(revoke.status, current ? 200 : 404)
      const after = await mock.call('/api/v1/accounts/verify_credentials', { headers: auth })
      assert.equal(after.status, current ? 401 : 200)
      assert.deepEqual(errors, [])
    })
  })
}

/** The refusals and side paths, every answer checked against openapi/gotosocial.yaml (the walk checks the happy path). */
for (const profile of PROFILES) {
  describe(`every refusal matches openapi/gotosocial.yaml, ${profile}`, () => {
    it('registration, browser steps, token, revocation, API errors, both error formats', async () => {
      const { mock, errors } = validated(instance(profile))
      // registration
      await mock.call('/api/v1/apps', json({ redirect_uris: OOB }))
      await mock.call('/api/v1/apps', json({ client_name: 'x', redirect_uris: [OOB] }))
      await mock.call('/api/v1/apps', { ...json({ client_name: 'x', redirect_uris: OOB }), headers: { 'content-type': 'application/json', accept: 'text/html' } })
      await mock.call('/api/v1/apps', { ...json({ client_name: 'x' }), headers: { 'content-type': 'application/json', 'user-agent': '' } })
      const app = await register(mock, { redirect_uris: `${OOB}` })
      await mock.call('/api/v1/apps', { ...json({ client_name: 'x', redirect_uris: OOB }), headers: { 'content-type': 'application/json', authorization: `Bearer ${await userToken(mock, { scope: 'read' })}` } })
      // browser steps
      const browser = new Browser(mock)
      await browser.get('/oauth/authorize?client_id=x')
      await mock.call('/oauth/authorize?client_id=x')
      await mock.call('/oauth/authorize?client_id=x&redirect_uri=y&response_type=code', { headers: { accept: 'application/json' } })
      await mock.call('/auth/sign_in', { headers: { accept: 'application/json' } })
      await mock.call('/auth/sign_in', form({ username: ALICE.email, password: 'wrong' }))
      await mock.call('/auth/sign_in', form({ username: '' }))
      await allow(new Browser(mock), OOB_APP.client_id, { user: CAROL })
      await allow(new Browser(mock), OOB_APP.client_id, { scope: 'read admin' })
      await allow(new Browser(mock), WEB_APP.client_id, { redirectUri: 'https://evil.example/cb', state: 's' })
      await allow(new Browser(mock), WEB_APP.client_id, { redirectUri: WEB_APP.redirect_uris, state: 's' })
      const unknown = new Browser(mock)
      await unknown.get(`/oauth/authorize?client_id=01UNKNOWNAPP0000000000000A&redirect_uri=${OOB}&response_type=code`)
      await unknown.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })
      await unknown.get('/oauth/authorize')
      await mock.call('/oauth/authorize', { method: 'POST' })
      await mock.call('/oauth/oob')
      await mock.call('/oauth/oob?code=abc')
      await new Browser(mock).get('/oauth/oob?code=abc')
      // token endpoint
      const code = await oobCode(mock, app)
      for (const fields of [{}, { ...codeFields(app, code), client_secret: 'wrong' }, { ...codeFields(app, code), code: 'UNKNOWN' }, { ...codeFields(app, code), redirect_uri: 'https://x.example/cb' }, { ...codeFields(app, code), grant_type: 'password' }]) {
        await exchange(mock, fields)
      }
      await exchange(mock, { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB, scope: 'read admin' })
      await exchange(mock, { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB })
      await mock.call('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })
      await mock.call('/oauth/token', { method: 'POST', headers: { accept: 'text/html' } })
      const token = await userToken(mock, { app })
      // revocation
      await mock.call('/oauth/revoke', form({ token: 'x', client_id: app.client_id }))
      await mock.call('/oauth/revoke', json({ token, client_id: app.client_id, client_secret: app.client_secret }))
      await mock.call('/oauth/revoke', form({ token, client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret }))
      // API
      for (const path of ['/api/v1/accounts/verify_credentials', '/api/v1/notifications', '/api/v1/notifications?limit=abc', '/api/v1/notifications?max_id=0']) {
        await mock.call(path)
        await mock.call(path, { headers: { accept: BROWSER_ACCEPT } })
        await bearer(mock, path, token)
      }
      await bearer(mock, '/api/v1/statuses?status=x', token, { method: 'POST' })
      await bearer(mock, '/api/v1/statuses', token, json({}))
      await bearer(mock, '/api/v1/notifications', await userToken(mock, { scope: 'write' }))
      await mock.call('/nodeinfo/9.9')
      await mock.call('/nodeinfo/2.1')
      await mock.call('/api/v1/instance', { headers: { accept: 'text/html' } })
      await mock.call('/oauth/token')
      await mock.call('/nope')
      assert.deepEqual(errors, [])
    })
  })
}
