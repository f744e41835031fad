import { parse } from 'node-html-parser'
import { expect, readForm, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { BROWSER_ACCEPT, bearer, Gts, OOB, seen, sessionCookieOf, SIGN_IN, VERIFY, type Seen } from './gotosocial.ts'

/** A GoToSocial session cookie's attributes, as GTS-SESSION-COOKIE lists them. */
function cookieOf(s: Seen, host: string, https: boolean) {
  const line = (s.headers['set-cookie'] ?? '').split('\n').find((l) => l.startsWith('gotosocial-'))
  if (!line) return null
  const [pair, ...attributes] = line.split(';').map((p) => p.trim())
  const has = (name: string) => attributes.some((a) => a.toLowerCase() === name.toLowerCase())
  const value = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name.toLowerCase()}=`))?.split('=')[1]
  return { name: pair!.split('=')[0], path: value('Path'), maxAge: value('Max-Age'), expires: value('Expires') !== undefined, httpOnly: has('HttpOnly'), sameSite: value('SameSite'), secure: has('Secure'), want: { name: `gotosocial-${host}`, secure: https } }
}
const wanted = (c: ReturnType<typeof cookieOf>) => (c ? { name: c.want.name, path: '/', maxAge: '120', expires: true, httpOnly: true, sameSite: 'Lax', secure: c.want.secure, want: c.want } : 'a gotosocial-<host> cookie')
const text = (html: unknown, selector: string) => parse(String(html)).querySelector(selector)?.text.trim()

test(
  'the documented walk: register an out-of-band app, authorize with scope=read+write, sign in, Allow, read the code off the page, exchange it, read the profile',
  req('GTS-AUTHZ-TO-SIGNIN', 'GTS-SESSION-COOKIE', 'GTS-SIGNIN-FORM', 'GTS-SIGNIN-OK', 'GTS-AUTHZ-PAGE', 'GTS-AUTHZ-OOB', 'GTS-OOB-PAGE', 'GTS-AUTHZ-SCOPE-PLUS', 'GTS-TOKEN-CODE', 'GTS-TOKEN-NOSTORE', 'GTS-VERIFY-ACCOUNT'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'the documented walk', async () => {
      const gts = new Gts({ request, target, session })
      const user = gts.user
      const { hostname, protocol } = new URL(gts.base)
      const cookieCase = (name: string, s: Seen) => v.check('GTS-SESSION-COOKIE', name, cookieOf(s, hostname, protocol === 'https:'), wanted(cookieOf(s, hostname, protocol === 'https:')))
      const app = await gts.app({ client_name: 'authconform walk', scopes: 'read write' })
      // The authorize URL as the docs write it: scope=read+write.
      const authorize = `/oauth/authorize?client_id=${app.client_id}&redirect_uri=${encodeURIComponent(OOB)}&response_type=code&scope=read+write`
      const html = { accept: BROWSER_ACCEPT }
      const start = await seen(await request.get(authorize, { headers: html, maxRedirects: 0 }))
      const cookie = sessionCookieOf(start.headers['set-cookie']) ?? ''
      v.check('GTS-AUTHZ-TO-SIGNIN', 'the authorize URL without a session', { status: start.status, location: start.headers.location, cookie: Boolean(cookie) }, { status: 303, location: SIGN_IN, cookie: true })
      cookieCase('set by the authorize URL', start)
      const jar = { ...html, cookie }

      const page = await seen(await request.get(SIGN_IN, { headers: jar }))
      const form = readForm(String(page.body), gts.url(SIGN_IN))
      const inputs = parse(String(page.body)).querySelectorAll('form input').map((i) => `${i.getAttribute('name')}:${i.getAttribute('type')}`)
      v.check('GTS-SIGNIN-FORM', 'the sign-in page', { status: page.status, type: page.type, action: form.action, method: form.method, inputs: inputs.sort() }, { status: 200, type: expect.stringMatching(/^text\/html/), action: gts.url(SIGN_IN), method: 'POST', inputs: ['password:password', 'username:email'] })
      const signedIn = await seen(await request.post(SIGN_IN, { form: { username: user.email!, password: user.password! }, headers: jar, maxRedirects: 0 }))
      v.check('GTS-SIGNIN-OK', 'the e-mail and password', { status: signedIn.status, location: signedIn.headers.location }, { status: 302, location: '/oauth/authorize' })
      v.check('GTS-AUTHZ-PAGE', 'signing in leads to the authorize page, not to a code', signedIn.headers.location, '/oauth/authorize')
      cookieCase('re-armed by the sign-in', signedIn)

      const consent = await seen(await request.get('/oauth/authorize', { headers: jar }))
      const allowForm = readForm(String(consent.body), gts.url('/oauth/authorize'))
      v.check('GTS-AUTHZ-PAGE', 'the authorize page', { status: consent.status, type: consent.type, greeting: text(consent.body, 'form p'), scope: text(consent.body, 'form em'), redirect: text(consent.body, 'form code'), app: String(consent.body).includes('authconform walk'), action: allowForm.action, method: allowForm.method, fields: allowForm.fields, buttons: allowForm.buttons.map((b) => b.label) }, { status: 200, type: expect.stringMatching(/^text\/html/), greeting: `Hi ${user.username}!`, scope: 'read write', redirect: OOB, app: true, action: gts.url('/oauth/authorize'), method: 'POST', fields: {}, buttons: ['Allow'] })
      v.check('GTS-AUTHZ-SCOPE-PLUS', 'scope=read+write on the authorize page', text(consent.body, 'form em'), 'read write')
      const allowed = await seen(await request.post('/oauth/authorize', { headers: jar, maxRedirects: 0 }))
      const location = allowed.headers.location ?? ''
      const code = new URL(location, gts.base).searchParams.get('code') ?? ''
      v.check('GTS-AUTHZ-OOB', 'Allow for the out-of-band URI', { status: allowed.status, location }, { status: 302, location: expect.stringMatching(/^\/oauth\/oob\?code=[A-Z0-9_-]{48}$/) })

      const oob = await seen(await request.get(location, { headers: jar }))
      v.check('GTS-OOB-PAGE', 'the out-of-band page', { status: oob.status, type: oob.type, says: parse(String(oob.body)).querySelector('section.oob-token p')?.innerHTML, code: text(oob.body, 'section.oob-token code') }, { status: 200, type: expect.stringMatching(/^text\/html/), says: 'Here\'s your out-of-band token with scope "<em>read write</em>", use it wisely:', code })
      const again = await seen(await request.get(location, { headers: jar }))
      v.check('GTS-OOB-PAGE', 'the page again with the same cookie: the session was cleared', again.status, 400)

      const exchanged = await seen(await request.post('/oauth/token', { data: JSON.stringify({ grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB }), headers: { 'content-type': 'application/json' } }))
      const now = Math.floor(Date.now() / 1000)
      v.check('GTS-TOKEN-CODE', 'the code exchanged (JSON)', { status: exchanged.status, type: exchanged.type, body: exchanged.body }, { status: 200, type: 'application/json', body: { access_token: expect.stringMatching(/^[A-Z0-9_-]{48}$/), created_at: expect.any(Number), scope: 'read write', token_type: 'Bearer' } })
      v.check('GTS-TOKEN-CODE', 'created_at: Unix seconds, now', Math.abs(((exchanged.body as { created_at?: number }).created_at ?? 0) - now) < 300, true)
      v.check('GTS-AUTHZ-SCOPE-PLUS', 'scope=read+write: the token', (exchanged.body as { scope?: string }).scope, 'read write')
      v.check('GTS-TOKEN-NOSTORE', 'the token answer', { cacheControl: exchanged.headers['cache-control'], pragma: exchanged.headers.pragma }, { cacheControl: 'no-store', pragma: 'no-cache' })
      const reused = await seen(await request.post('/oauth/token', { form: { grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB } }))
      v.check('GTS-TOKEN-NOSTORE', 'a refusal (the code again)', { status: reused.status, cacheControl: reused.headers['cache-control'], pragma: reused.headers.pragma ?? null }, { status: 400, cacheControl: 'private, max-age=120', pragma: null })

      const token = (exchanged.body as { access_token?: string }).access_token ?? ''
      const me = await seen(await request.get(VERIFY, { headers: bearer(token) }))
      const source = { privacy: expect.any(String), sensitive: expect.any(Boolean), language: expect.any(String), note: expect.any(String), fields: expect.any(Array), follow_requests_count: expect.any(Number) }
      v.check('GTS-VERIFY-ACCOUNT', "the token's own account, with source", { status: me.status, body: me.body }, { status: 200, body: expect.objectContaining({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), username: user.username, acct: user.username, source: expect.objectContaining(source) }) })

      // The page escapes and shows whatever code it is given; %20 and a literal + (%2B) in the scope.
      const partial = async (scope: string, codeShown?: string) => {
        const browser = gts.browser()
        await browser.get(gts.url(`/oauth/authorize?client_id=${app.client_id}&redirect_uri=${encodeURIComponent(OOB)}&response_type=code&scope=${scope}`), html)
        await browser.post(gts.url(SIGN_IN), { username: user.email!, password: user.password! })
        const headers = { ...html, cookie: browser.cookies(gts.base) }
        return seen(await request.get(codeShown === undefined ? '/oauth/authorize' : `/oauth/oob?code=${encodeURIComponent(codeShown)}`, { headers }))
      }
      const shown = await partial('read', '<i>not-a-code</i>')
      v.check('GTS-OOB-PAGE', 'any code, escaped', { status: shown.status, code: text(shown.body, 'section.oob-token code'), escaped: String(shown.body).includes('&lt;i&gt;not-a-code&lt;/i&gt;') }, { status: 200, code: '<i>not-a-code</i>', escaped: true })
      v.check('GTS-AUTHZ-SCOPE-PLUS', 'scope=read%20write', text((await partial('read%20write')).body, 'form em'), 'read write')
      v.check('GTS-AUTHZ-SCOPE-PLUS', `a literal + (%2B): ${target.profile === 'gotosocial@0.19' ? 'separates too' : 'kept'}`, text((await partial('read%2Bwrite')).body, 'form em'), target.profile === 'gotosocial@0.19' ? 'read write' : 'read+write')
    })
  },
)
