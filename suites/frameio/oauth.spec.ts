import type { APIRequestContext } from '@playwright/test'
import * as oauth from 'oauth4webapi'
import { expect, readForm, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { need } from '../shared/oauth2/flow.ts'
import { Prepared } from './frameio.ts'
import { frameioOAuth2 } from './oauth2.ts'

/** oauth4webapi's requests through the `request` fixture: the library unchanged, its exchanges evidence. */
function through(request: APIRequestContext) {
  const send = async (url: string, options: { method: string; headers: Record<string, string>; body?: unknown }): Promise<Response> => {
    const r = await request.fetch(url, { method: options.method, headers: options.headers, maxRedirects: 0, ...(options.body === undefined || options.body === null ? {} : { data: Buffer.from(String(options.body)) }) })
    return new Response(r.status() === 204 ? null : new Uint8Array(await r.body()), { status: r.status(), headers: r.headersArray().map(({ name, value }) => [name, value] as [string, string]) })
  }
  // The mock listens on http://127.0.0.1.
  return { [oauth.allowInsecureRequests]: true, [oauth.customFetch]: send as never }
}

const cookiesOf = (headers: { name: string; value: string }[]) => headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)
const valueOf = (cookies: string[], name: string) => cookies.map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1]).find((x) => x !== undefined)

test.describe("Frame.io's own OAuth 2.0 behaviour", () => {
  test(
    'state of 8 characters or more; the sign-in page answers an unknown email and a wrong password alike; a new session id at every sign-in, none after sign-out; oauth4webapi, unchanged, completes the flow for both apps',
    req('FIO-OAUTH-STATE-8', 'FIO-LOGIN-NO-ENUMERATION', 'FIO-SESSION-COOKIE', 'FIO-CODE-FLOW-HTTP'),
    async ({ request, target, session }, testInfo) => {
      const v = new Verdicts()
      await v.run(testInfo, "Frame.io's own OAuth 2.0 behaviour", async () => {
        const prep = new Prepared({ request, target, session })
        const { flow } = prep
        const app = flow.client('confidential')
        for (const [name, state] of [['a 7-character state', 'short77'], ['no state', undefined]] as const) {
          const query = flow.query(app, { state: state ?? '' }).replace(/&state=[^&]*/, state === undefined ? '' : `&state=${state}`)
          const to = new URL((await flow.authorize(query)).headers().location ?? 'about:blank', flow.base)
          v.check('FIO-OAUTH-STATE-8', `${name}: back to the app with invalid_state`, { at: `${to.origin}${to.pathname}`, error: to.searchParams.get('error'), state: to.searchParams.get('state') }, { at: app.redirectUri, error: 'invalid_state', state: state ?? null })
        }

        // The sign-in page as a browser reaches it: an authorization request, then its redirect (prepared, for the
        // CSRF cookie and the form); the posts to the form's action are the evidence.
        const user = target.creds('user')
        const signInPage = async (transport: typeof prep.transport) => {
          const start = await transport.get(`${flow.url(frameioOAuth2.endpoints.authorize)}?${flow.query(app)}`)
          need(start.headers.location, 'FIO-LOGIN-PAGE', `an authorization request without a session must redirect to the sign-in page (got ${start.status})`)
          const page = await transport.get(new URL(start.headers.location!, start.url).toString())
          return { form: readForm(page.text, page.url.toString()), cookie: transport.cookies(flow.base) }
        }
        const { form } = await signInPage(prep.transport)
        const signIn = (fields: Record<string, string>, cookie: string, on = form) => request.post(on.action, { form: { ...on.fields, ...fields }, headers: { cookie }, maxRedirects: 0 })
        // Whether a session id still signs in: an authorization request with it goes on to consent, or to sign-in when
        // the session has ended (the authorization server's own routes, which every target has).
        const consentPath = frameioOAuth2.interaction.consent.path
        const loginPath = frameioOAuth2.interaction.login.path
        const sessionOf = async (sid: string | undefined) => {
          const r = await request.get(`${flow.url(frameioOAuth2.endpoints.authorize)}?${flow.query(app)}`, { headers: { cookie: `fio_session=${sid}` }, maxRedirects: 0 })
          const to = new URL(r.headers().location ?? 'about:blank', flow.base).pathname
          return to === consentPath ? 'signed in' : to === loginPath ? 'ended' : `${r.status()} ${to}`
        }
        const anonymous = prep.transport.cookies(flow.base)
        const strip = (html: string) => html.replace(/value="[\w-]{43,}"/g, 'value=""')
        const [unknown, wrong] = [await signIn({ email: 'nobody-7f3c@frame.io', password: 'whatever-password-1' }, anonymous), await signIn({ email: user.email!, password: 'wrong-password-1' }, anonymous)]
        const [unknownPage, wrongPage] = [strip(await unknown.text()), strip(await wrong.text())]
        v.check('FIO-LOGIN-NO-ENUMERATION', 'an unknown email and a wrong password: the same 401 page', { unknown: unknown.status(), wrong: wrong.status(), same: unknownPage === wrongPage }, { unknown: 401, wrong: 401, same: true })
        v.check('FIO-LOGIN-NO-ENUMERATION', 'no password repeated', [unknownPage.includes('whatever-password-1'), wrongPage.includes('wrong-password-1')], [false, false])

        const first = await signIn({ email: user.email!, password: user.password! }, anonymous)
        const set = cookiesOf(first.headersArray())
        const session1 = valueOf(set, 'fio_session')
        v.check('FIO-SESSION-COOKIE', 'the session cookie at sign-in', set.find((c) => c.startsWith('fio_session='))?.replace(/=[^;]*/, '=…'), expect.stringMatching(/^fio_session=…; (?=.*HttpOnly)(?=.*SameSite=Lax)(?=.*Path=\/).*$/))
        need(session1, 'FIO-LOGIN-PAGE', `signing in must set fio_session (got ${first.status()})`)
        // Signing in again on a new sign-in page (another authorization request) while the browser still holds the
        // first session id: sign-in must issue a new one (no fixation) and end the old.
        // The browser's jar holds the first session's cookies, so the page it is shown carries that session's CSRF
        // value where the server sets one (fio_csrf); the page itself comes from a new authorization request.
        const second = await signInPage(flow.fresh())
        const csrf1 = valueOf(set, 'fio_csrf')
        const jar = [...second.cookie.split('; ').filter((c) => c && !/^fio_(session|csrf)=/.test(c)), `fio_session=${session1}`, ...(csrf1 ? [`fio_csrf=${csrf1}`] : [])]
        const again = await signIn({ email: user.email!, password: user.password!, ...(csrf1 ? { csrf_token: csrf1 } : {}) }, jar.join('; '), second.form)
        const set2 = cookiesOf(again.headersArray())
        const session2 = valueOf(set2, 'fio_session')
        v.check('FIO-SESSION-COOKIE', 'signing in again: a new session id that signs in, the old one ended', { renewed: Boolean(session2) && session2 !== session1, current: await sessionOf(session2), old: await sessionOf(session1) }, { renewed: true, current: 'signed in', old: 'ended' })
        const csrf2 = valueOf(set2, 'fio_csrf') ?? ''
        const out = await request.post(flow.url('/logout'), { form: { csrf_token: csrf2 }, headers: { cookie: `fio_session=${session2}; fio_csrf=${csrf2}` }, maxRedirects: 0 })
        v.check('FIO-SESSION-COOKIE', 'signing out: the cookie cleared and the session ended', { cleared: cookiesOf(out.headersArray()).some((c) => /^fio_session=;.*Max-Age=0/i.test(c)), ended: await sessionOf(session2) }, { cleared: true, ended: 'ended' })

        // A standards-following client library, unchanged: PKCE, Basic for the confidential app, none for the PKCE app.
        const as: oauth.AuthorizationServer = { issuer: flow.base, authorization_endpoint: flow.url('/oauth2/auth'), token_endpoint: flow.url('/oauth2/token') }
        const options = through(request)
        for (const [role, auth] of [['confidential', oauth.ClientSecretBasic(app.secret ?? '')], ['public', oauth.None()]] as const) {
          const c = flow.client(role)
          const client: oauth.Client = { client_id: c.id, ...(role === 'public' ? { token_endpoint_auth_method: 'none' } : {}) }
          const verifier = oauth.generateRandomCodeVerifier()
          const state = oauth.generateRandomState()
          const { landed } = await flow.code(c, { verifier, state, scope: 'offline account.read' })
          const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, auth, oauth.validateAuthResponse(as, client, landed, state), c.redirectUri, verifier, options)).catch((error: unknown) => ({ error: String(error) }))
          const me = 'access_token' in tokens ? await oauth.protectedResourceRequest(tokens.access_token, 'GET', new URL(`${target.baseURL}/v2/me`), new Headers(), null, options) : undefined
          v.check('FIO-CODE-FLOW-HTTP', `oauth4webapi, ${role} app: tokens, then /v2/me as the user`, { error: 'error' in tokens ? tokens.error : undefined, me: me?.status, email: me ? ((await me.json()) as { email?: string }).email : undefined }, { error: undefined, me: 200, email: user.email })
        }
      })
    },
  )
})
