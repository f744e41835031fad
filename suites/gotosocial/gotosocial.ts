import { precondition, type SuiteFixtures, type Target } from '../../harness/index.ts'
import { raw, recorded, type Answer, type Transport } from '../shared/transport.ts'

/**
 * What GoToSocial's suites share: its paths, its words (suites/gotosocial/requirements.yaml quotes each), and the
 * documented walk as plain HTTP — register an app, authorize, sign in, Allow, read the code off the out-of-band
 * page, exchange it — for the tokens a test needs but does not judge (no evidence, no Playwright step).
 */
export const OOB = 'urn:ietf:wg:oauth:2.0:oob'
export const SIGN_IN = '/auth/sign_in'
export const VERIFY = '/api/v1/accounts/verify_credentials'
/** A browser's Accept: GoToSocial shows its HTML error page to it (GTS-ERROR-NEGOTIATION). */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
/** The help text every sign-in and OAuth error ends with (`<advice>` in the catalogue). */
export const ADVICE = "If you arrived at this error during a sign in/oauth flow, please try clearing your session cookies and signing in again; if problems persist, make sure you're using the correct credentials"
export const NO_ROWS = 'sql: no rows in result set'
export const TOKEN_NOT_SUPPLIED = { error: 'Unauthorized: token not supplied' }
export const USER_NOT_SUPPLIED = { error: 'Unauthorized: user not supplied or not authorized' }
export const FORBIDDEN_SCOPE = { error: 'Forbidden: token has insufficient scope permission' }
export const NOT_FOUND = { error: 'Not Found' }
/** An OAuth error of the token and revocation endpoints: `error` and its description (`Bad Request: …`). */
export const oauthError = (error: string, ...help: string[]) => ({ error, error_description: help.join(': ') })

/** The `gotosocial-<host>=<value>` pair of a Set-Cookie header (Playwright joins several with newlines). */
export function sessionCookieOf(setCookie: string | undefined): string | undefined {
  return setCookie
    ?.split('\n')
    .map((line) => line.split(';')[0]!.trim())
    .find((pair) => pair.startsWith('gotosocial-') && !pair.endsWith('='))
}

export const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export interface App {
  client_id: string
  client_secret: string
  redirectUri: string
  scopes: string
}

/** POST /api/v1/apps as JSON (precondition: 200 with a client id and secret). */
export async function registerApp(transport: Transport, base: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<App & Record<string, unknown>> {
  const answer = await transport.send('POST', `${base}/api/v1/apps`, { body: JSON.stringify(fields), headers: { 'content-type': 'application/json', ...headers } })
  const body = parse(answer.text) as Partial<App> & Record<string, unknown>
  if (answer.status !== 200 || typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') throw new Error(precondition('GTS-APP-REGISTER', `POST /api/v1/apps must register an app (got ${answer.status} ${answer.text.slice(0, 120)})`))
  return { ...body, client_id: body.client_id, client_secret: body.client_secret, redirectUri: fields.redirect_uris ?? OOB, scopes: fields.scopes ?? 'read' }
}

export interface WalkOptions {
  scope?: string
  state?: string
  redirectUri?: string
  user?: Record<string, string>
  /** Extra query parameters of the authorization request (PKCE, say). */
  extra?: Record<string, string>
}

/**
 * GoToSocial for one test: its prepared transport (plain fetch, the test's mock session) and the walk. Every
 * browser walk takes a fresh cookie jar (the session ends with each flow). A step that fails is a precondition.
 */
export class Gts {
  readonly base: string
  readonly target: Target
  readonly prep: Transport
  readonly rec: Transport
  constructor(readonly fixtures: Pick<SuiteFixtures, 'request' | 'target' | 'session'>) {
    this.target = fixtures.target
    this.base = fixtures.target.baseURL.replace(/\/+$/, '')
    this.rec = recorded(fixtures.request)
    this.prep = fixtures.session === undefined ? this.rec : raw({ session: fixtures.session, target: fixtures.target })
  }

  url(path: string): string {
    return `${this.base}${path}`
  }

  /** A fresh browser: plain fetch with a cookie jar of its own. */
  browser(): Transport {
    return this.fixtures.session === undefined ? this.rec : raw({ session: this.fixtures.session, target: this.target })
  }

  get user(): Record<string, string> {
    return this.target.creds('user')
  }

  app(fields: Record<string, string> = {}): Promise<App & Record<string, unknown>> {
    return registerApp(this.prep, this.base, { client_name: 'authconform', redirect_uris: OOB, scopes: 'read write', ...fields })
  }

  authorizePath(app: Pick<App, 'client_id' | 'redirectUri'>, o: WalkOptions = {}): string {
    const q = new URLSearchParams({ client_id: app.client_id, redirect_uri: o.redirectUri ?? app.redirectUri, response_type: 'code', ...(o.scope === undefined ? {} : { scope: o.scope }), ...o.extra })
    if (o.state) q.set('state', o.state)
    return `/oauth/authorize?${q}`
  }

  /** authorize → sign in → Allow, in `browser`: the answer to the Allow post (or the step that stopped). */
  async allow(app: Pick<App, 'client_id' | 'redirectUri'>, o: WalkOptions = {}, browser = this.browser()): Promise<Answer> {
    const user = o.user ?? this.user
    const start = await browser.get(this.url(this.authorizePath(app, o)))
    if (start.status !== 303) return start
    const signedIn = await browser.post(this.url(SIGN_IN), { username: user.email ?? '', password: user.password ?? '' })
    if (signedIn.status !== 302) return signedIn
    return browser.post(this.url('/oauth/authorize'), {})
  }

  /** A code through the pages: off the out-of-band page, or from the redirect to the app. */
  async code(app: Pick<App, 'client_id' | 'redirectUri'>, o: WalkOptions = {}): Promise<string> {
    const browser = this.browser()
    const allowed = await this.allow(app, o, browser)
    const location = allowed.headers.location ? new URL(allowed.headers.location, allowed.url) : undefined
    let code = location?.searchParams.get('code') ?? undefined
    if (location?.pathname === '/oauth/oob') code = /<code>([^<]+)<\/code>/.exec((await browser.get(location.toString())).text)?.[1]
    if (!code) throw new Error(precondition('GTS-AUTHZ-OOB', `authorize → sign in → Allow must give a code (ended ${allowed.status} at ${allowed.url}${location ? ` → ${location}` : ''})`))
    return code
  }

  /** POST /oauth/token as JSON (prepared: precondition 200 with an access token). */
  async token(fields: Record<string, string>): Promise<{ access_token: string; scope?: string }> {
    const answer = await this.prep.send('POST', this.url('/oauth/token'), { body: JSON.stringify(fields), headers: { 'content-type': 'application/json' } })
    const body = parse(answer.text) as { access_token?: unknown; scope?: string }
    if (answer.status !== 200 || typeof body.access_token !== 'string') throw new Error(precondition('GTS-TOKEN-CODE', `POST /oauth/token must give a token (got ${answer.status} ${answer.text.slice(0, 120)})`))
    return { access_token: body.access_token, ...(body.scope ? { scope: body.scope } : {}) }
  }

  /** A user token for `scope` (a new OOB app registered with `read write` unless one is given). */
  async userToken(scope = 'read write', o: WalkOptions & { app?: App } = {}): Promise<string> {
    // The app registered with the scope asked for too (v0.19 grants nothing beyond an app's own scopes).
    const app = o.app ?? (await this.app({ scopes: [...new Set(['read', 'write', ...scope.split(' ')])].join(' ') }))
    const code = await this.code(app, { scope, ...o })
    return (await this.token({ grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: o.redirectUri ?? app.redirectUri })).access_token
  }

  /** An app-only (client_credentials) token. */
  async appToken(app: App, scope?: string): Promise<string> {
    return (await this.token({ grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: app.redirectUri, ...(scope ? { scope } : {}) })).access_token
  }

  /** POST /oauth/revoke (form), prepared. */
  revoke(app: App, token: string): Promise<Answer> {
    return this.prep.post(this.url('/oauth/revoke'), { token, client_id: app.client_id, client_secret: app.client_secret })
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** An answer as GoToSocial's checks compare it: status, media type, body (parsed when JSON), the headers. */
export interface Seen {
  status: number
  type: string | undefined
  body: unknown
  headers: Record<string, string>
}

export async function seen(r: import('@playwright/test').APIResponse): Promise<Seen> {
  const headers = r.headers()
  return { status: r.status(), type: headers['content-type'], body: parse(await r.text()), headers }
}

/** The refusal as a whole: status, JSON type, body exactly, no challenge. */
export const refusal = (s: Seen) => ({ status: s.status, type: s.type, body: s.body, challenge: s.headers['www-authenticate'] ?? null })
export const refused = (status: number, body: unknown) => ({ status, type: 'application/json', body, challenge: null })
