import { expect, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { ADVICE, BROWSER_ACCEPT, Gts, OOB, refused, refusal, seen, sessionCookieOf, SIGN_IN, type Seen } from './gotosocial.ts'
import { isCurrent } from './oauth2.ts'

const WEB = 'https://app.example.test/callback?tenant=7'
const SERVER_ERROR = 'The authorization server encountered an unexpected condition that prevented it from fulfilling the request'
const INVALID_SCOPE = 'The requested scope is invalid, unknown, or malformed'
/** A refusal that ends the flow on the page: no redirect, and the session cleared (a new Set-Cookie). */
const ended = (s: Seen) => ({ ...refusal(s), location: s.headers.location ?? null, cleared: sessionCookieOf(s.headers['set-cookie']) !== undefined })
const endedWith = (status: number, error: string) => ({ ...refused(status, { error }), location: null, cleared: true })

test(
  'sign-in and authorization refusals: one answer for any wrong login, missing fields, lost sessions, missing parameters, an unknown client, response_type=token, the out-of-band page without a code',
  req('GTS-SIGNIN-FAILED', 'GTS-SIGNIN-MISSING', 'GTS-SESSION-EXPIRED', 'GTS-AUTHZ-PARAMS', 'GTS-AUTHZ-UNKNOWN-CLIENT', 'GTS-AUTHZ-RESPONSE-TYPE', 'GTS-OOB-NO-CODE'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'sign-in and authorization refusals', async () => {
      const gts = new Gts({ request, target, session })
      const current = isCurrent(target)
      const user = gts.user
      const app = await gts.app()
      const flow = async (path = gts.authorizePath(app, { scope: 'read' })) => {
        const browser = gts.browser()
        await browser.get(gts.url(path))
        return { browser, cookie: browser.cookies(gts.base) }
      }
      const { cookie } = await flow()
      const signIn = async (fields: Record<string, string>, headers: Record<string, string> = {}) => seen(await request.post(SIGN_IN, { form: fields, headers: { cookie, ...headers }, maxRedirects: 0 }))
      const wrong = refused(401, { error: `Unauthorized: password/email combination was incorrect: ${ADVICE}` })
      for (const [name, fields] of [
        ['an unknown e-mail', { username: 'nobody-7f3c@example.org', password: user.password! }],
        ['the username instead of the e-mail', { username: user.username!, password: user.password! }],
        ['a wrong password', { username: user.email!, password: 'wrong-password-7f3c' }],
      ] as const) {
        const s = await signIn(fields)
        v.check('GTS-SIGNIN-FAILED', name, refusal(s), wrong)
        v.check('GTS-SIGNIN-FAILED', `${name}: the password not repeated`, JSON.stringify(s.body).includes(fields.password), false)
      }
      const page = await signIn({ username: user.email!, password: 'wrong-password-7f3c' }, { accept: BROWSER_ACCEPT })
      v.check('GTS-SIGNIN-FAILED', 'a browser: the error page', { status: page.status, type: page.type, says: String(page.body).includes('password/email combination was incorrect') }, { status: 401, type: 'text/html; charset=utf-8', says: true })
      v.check('GTS-SIGNIN-FAILED', 'after the failures, the session still holds the flow: signing in goes on', (await signIn({ username: user.email!, password: user.password! })).headers.location, '/oauth/authorize')
      const missing = ended(await seen(await request.post(SIGN_IN, { form: { username: user.email! }, headers: { cookie: (await flow()).cookie }, maxRedirects: 0 })))
      v.check('GTS-SIGNIN-MISSING', 'no password', current ? missing : { ...missing, cleared: false }, current ? endedWith(400, `Bad Request: ${ADVICE}`) : { ...endedWith(401, `Unauthorized: password/email combination was incorrect: ${ADVICE}`), cleared: false })

      // The cookie dropped (120 s): Allow finds no flow.
      const lost = ended(await seen(await request.post('/oauth/authorize', { headers: { cookie: '' }, maxRedirects: 0 })))
      const keys = ['response_type', 'client_id', 'redirect_uri', 'scope', 'userid']
      v.check('GTS-SESSION-EXPIRED', 'Allow without the session cookie', lost, endedWith(400, current ? `Bad Request: key response_type not found in session: ${ADVICE}` : `Bad Request: ${keys.map((k) => `key ${k} was not found in session`).join(': ')}: ${ADVICE}`))

      const field = (go: string) => `Key: 'OAuthAuthorize.${go}' Error:Field validation for '${go}' failed on the 'required' tag`
      const authorize = async (query: string) => ended(await seen(await request.get(`/oauth/authorize?${query}`, { headers: { cookie: '' }, maxRedirects: 0 })))
      v.check('GTS-AUTHZ-PARAMS', 'no response_type', await authorize(`client_id=${app.client_id}&redirect_uri=${encodeURIComponent(OOB)}`), endedWith(400, `Bad Request: ${current ? field('ResponseType') : 'field response_type was not set on OAuthAuthorize form'}: ${ADVICE}`))
      v.check('GTS-AUTHZ-PARAMS', 'none of the three', await authorize('scope=read'), endedWith(400, `Bad Request: ${current ? ['ResponseType', 'ClientID', 'RedirectURI'].map(field).join('\n') : 'field response_type was not set on OAuthAuthorize form'}: ${ADVICE}`))

      // An unknown client is seen only after sign-in; response_type only at Allow.
      const unknown = await flow(gts.authorizePath({ client_id: '01J0000000000000000000NONE', redirectUri: OOB }, { scope: 'read' }))
      await unknown.browser.post(gts.url(SIGN_IN), { username: user.email!, password: user.password! })
      v.check('GTS-AUTHZ-UNKNOWN-CLIENT', 'an unknown client_id, after sign-in', ended(await seen(await request.get('/oauth/authorize', { headers: { cookie: unknown.cookie }, maxRedirects: 0 }))), endedWith(400, `Bad Request: ${current ? 'db error getting app for clientID 01J0000000000000000000NONE' : 'application for client_id 01J0000000000000000000NONE could not be retrieved'}: ${ADVICE}`))
      const token = await flow(gts.authorizePath(app, { scope: 'read', extra: { response_type: 'token' } }))
      await token.browser.post(gts.url(SIGN_IN), { username: user.email!, password: user.password! })
      const refusedAtAllow = await seen(await request.post('/oauth/authorize', { headers: { cookie: token.cookie }, maxRedirects: 0 }))
      v.check('GTS-AUTHZ-RESPONSE-TYPE', 'response_type=token, at Allow', { ...refusal(refusedAtAllow), location: refusedAtAllow.headers.location ?? null }, { ...refused(401, { error: `Unauthorized: ${ADVICE}` }), location: null })
      v.check('GTS-OOB-NO-CODE', 'the out-of-band page without code', refusal(await seen(await request.get('/oauth/oob', { headers: { cookie } }))), refused(400, { error: `Bad Request: no 'code' query value provided in callback redirect${current ? '' : `: ${ADVICE}`}` }))
    })
  },
)

test(
  "Allow's redirect: the code and the state back to a registered URI with its own query; a scope the app lacks and an unregistered URI get no code",
  req('GTS-AUTHZ-REDIRECT', 'GTS-AUTHZ-SCOPE-SUBSET', 'GTS-AUTHZ-REDIRECT-CHECK'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, "Allow's redirect", async () => {
      const gts = new Gts({ request, target, session })
      const current = isCurrent(target)
      const [web, oob] = [await gts.app({ redirect_uris: WEB }), await gts.app()]
      const state = 'a b+c&d=é/~ ☃ %41'
      /** Allow's answer (recorded), after authorize and sign-in in a fresh browser. */
      const allow = async (app: typeof web, o: { scope: string; state?: string; redirectUri?: string }) => {
        const browser = gts.browser()
        await browser.get(gts.url(gts.authorizePath(app, o)))
        await browser.post(gts.url(SIGN_IN), { username: gts.user.email!, password: gts.user.password! })
        return seen(await request.post('/oauth/authorize', { headers: { cookie: browser.cookies(gts.base) }, maxRedirects: 0 }))
      }
      const back = (s: Seen) => {
        const to = new URL(s.headers.location ?? 'about:blank', gts.base)
        return { status: s.status, at: `${to.origin}${to.pathname}`, keys: [...to.searchParams.keys()], params: Object.fromEntries(to.searchParams) }
      }
      const code = expect.stringMatching(/^[A-Z0-9_-]{48}$/)
      v.check('GTS-AUTHZ-REDIRECT', 'with a state', back(await allow(web, { scope: 'read', state })), { status: 302, at: 'https://app.example.test/callback', keys: ['code', 'state', 'tenant'], params: { code, state, tenant: '7' } })
      v.check('GTS-AUTHZ-REDIRECT', 'without a state', back(await allow(web, { scope: 'read' })), { status: 302, at: 'https://app.example.test/callback', keys: ['code', 'tenant'], params: { code, tenant: '7' } })

      const wider = await allow(oob, { scope: 'read admin' })
      if (current) v.check('GTS-AUTHZ-SCOPE-SUBSET', 'an out-of-band app asks for admin, which it lacks', { status: wider.status, location: wider.headers.location }, { status: 302, location: `${OOB}?error=invalid_scope&error_description=${INVALID_SCOPE.replace(/ /g, '+').replace(/,/g, '%2C')}` })
      else {
        const given = new URL(wider.headers.location ?? '/', gts.base).searchParams.get('code') ?? ''
        const t = await gts.token({ grant_type: 'authorization_code', code: given, client_id: oob.client_id, client_secret: oob.client_secret, redirect_uri: OOB })
        v.check('GTS-AUTHZ-SCOPE-SUBSET', 'not checked: the code carries read admin', { allowed: wider.status, code: given.length, scope: t.scope }, { allowed: 302, code: 48, scope: 'read admin' })
      }
      const serverError = (uri: string) => ({ status: 302, at: uri, keys: ['error', 'error_description'], params: { error: 'server_error', error_description: SERVER_ERROR } })
      v.check('GTS-AUTHZ-REDIRECT-CHECK', 'another host', back(await allow(web, { scope: 'read', redirectUri: 'https://evil.example/cb' })), serverError('https://evil.example/cb'))
      for (const [name, app, uri] of [['a subdomain of the registered host', web, 'https://evil.app.example.test/x'], ['any URI for an out-of-band app', oob, 'https://elsewhere.example/cb']] as const) {
        v.check('GTS-AUTHZ-REDIRECT-CHECK', `${name}: ${current ? 'refused' : 'accepted by the host-suffix check'}`, back(await allow(app, { scope: 'read', redirectUri: uri })), current ? serverError(uri) : { status: 302, at: uri, keys: ['code'], params: { code } })
      }
    })
  },
)
