import { parse } from 'node-html-parser'
import { createMockClock, type MockClock } from '../core/mock-clock.ts'
import { gotosocial } from './index.ts'
import { gotosocialFetch } from './server.ts'
import { createGtsState, type GtsState } from './state.ts'
import type { GtsMutant } from './mutants.ts'
import type { GtsProfile } from './profiles.ts'
import { OOB } from './urls.ts'

/**
 * What the GoToSocial unit tests drive the mock with: one instance (Request in, Response out, on its own clock, as
 * one profile), a browser-like client that keeps the session cookie, and the documented walk's steps.
 */
export const ORIGIN = 'http://gts.test'
export const UA = 'authconform-unit'
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
export const fixtures = gotosocial.parseFixtures(gotosocial.defaultFixtures)
type Account = (typeof fixtures.accounts)[number]
const account = (username: string): Account => fixtures.accounts.find((a) => a.username === username)!
export const [ADMIN, ALICE, BOB, CAROL, DAVE, ERIN, FRANK] = ['admin', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map(account) as [Account, Account, Account, Account, Account, Account, Account]
export const OOB_APP = fixtures.apps[0]!
export const WEB_APP = fixtures.apps[1]!
export const PROFILES = ['gotosocial@0.18', 'gotosocial@0.19'] as const satisfies readonly GtsProfile[]
export const CURRENT: GtsProfile = 'gotosocial@0.19'
export const SEED: GtsProfile = 'gotosocial@0.18'

export interface Instance {
  profile: GtsProfile
  clock: MockClock
  /** The instance's state, for tests that need what no request can make (a token of a since-disabled user). */
  state: GtsState
  fetch(request: Request): Promise<Response>
  /** A request on the mock's origin, with a User-Agent unless `init.headers` sets one (empty: none). */
  call(path: string, init?: RequestInit): Promise<Response>
}

export function withUa(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers)
  if (!headers.has('user-agent')) headers.set('user-agent', UA)
  else if (headers.get('user-agent') === '') headers.delete('user-agent')
  return { ...init, headers }
}

export function instance(profile: GtsProfile = SEED, mutants: readonly GtsMutant[] = []): Instance {
  const clock = createMockClock()
  const state = createGtsState(fixtures, profile, clock, new Set(mutants))
  const answer = gotosocialFetch(state)
  const fetch = (request: Request) => Promise.resolve(answer(request))
  return { profile, clock, state, fetch, call: (path, init) => fetch(new Request(new URL(path, ORIGIN), withUa(init))) }
}

/** The mock behind a URL, called like an instance (redirects not followed). */
export function remote(url: string, profile: GtsProfile = SEED): Pick<Instance, 'call' | 'profile'> {
  return { profile, call: (path, init) => fetch(new URL(path, url), { ...withUa(init), redirect: 'manual' }) }
}

/** A cookie-keeping client that asks for HTML, as a browser does; redirects are not followed. */
export class Browser {
  readonly jar = new Map<string, string>()
  constructor(readonly mock: Pick<Instance, 'call'>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (!headers.has('accept')) headers.set('accept', BROWSER_ACCEPT)
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await this.mock.call(path, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
    }
    return response
  }

  get(path: string): Promise<Response> {
    return this.request(path)
  }

  post(path: string, fields: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })
  }

  /** Drops the session cookie, as a browser does after its 120 s. */
  forget(): void {
    this.jar.clear()
  }
}

export interface AppCredentials {
  client_id: string
  client_secret: string
}

/** POST /api/v1/apps as JSON (or a form), the app's credentials. */
export async function register(mock: Pick<Instance, 'call'>, body: Record<string, string> = {}, as: 'json' | 'form' = 'json'): Promise<AppCredentials & Record<string, unknown>> {
  const fields = { client_name: 'unit test', redirect_uris: OOB, scopes: 'read write', ...body }
  const init: RequestInit =
    as === 'json' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) } : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) }
  const response = await mock.call('/api/v1/apps', init)
  if (response.status !== 200) throw new Error(`registration answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as AppCredentials & Record<string, unknown>
}

export interface FlowOptions {
  scope?: string
  state?: string
  redirectUri?: string
  user?: { email: string; password: string }
  extra?: Record<string, string>
}

export function authorizePath(clientId: string, options: FlowOptions = {}): string {
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: options.redirectUri ?? OOB, response_type: 'code', ...(options.scope === undefined ? { scope: 'read' } : options.scope ? { scope: options.scope } : {}), ...options.extra })
  if (options.state) query.set('state', options.state)
  return `/oauth/authorize?${query}`
}

/** authorize → sign in → (the page) → Allow: the answer to the Allow post. */
export async function allow(browser: Browser, clientId: string, options: FlowOptions = {}): Promise<Response> {
  const user = options.user ?? ALICE
  const start = await browser.get(authorizePath(clientId, options))
  if (start.status !== 303) return start
  const signedIn = await browser.post('/auth/sign_in', { username: user.email, password: user.password })
  if (signedIn.status !== 302) return signedIn
  const page = await browser.get('/oauth/authorize')
  if (page.status !== 200) return page
  return browser.post('/oauth/authorize')
}

/** The code as a person reads it: the text of `section.oob-token code` on the page the Allow redirect leads to. */
export async function readOobCode(browser: Browser, allowed: Response): Promise<string> {
  const location = allowed.headers.get('location')!
  const page = await browser.get(location)
  return codeOnPage(await page.text())
}

export function codeOnPage(html: string): string {
  const code = parse(html).querySelector('section.oob-token code')?.text
  if (!code) throw new Error(`no code on ${html.slice(0, 300)}`)
  return code
}

/** A code through the whole browser part, for an OOB app. */
export async function oobCode(mock: Pick<Instance, 'call'>, app: AppCredentials, options: FlowOptions = {}): Promise<string> {
  const browser = new Browser(mock)
  return readOobCode(browser, await allow(browser, app.client_id, options))
}

export function exchange(mock: Pick<Instance, 'call'>, fields: Record<string, string>, as: 'json' | 'form' = 'json'): Promise<Response> {
  const init: RequestInit =
    as === 'json' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) } : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) }
  return mock.call('/oauth/token', init)
}

export const codeFields = (app: AppCredentials, code: string, redirectUri = OOB) => ({ grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: redirectUri })

/** A user token through the documented walk (a freshly registered app unless one is given). */
export async function userToken(mock: Pick<Instance, 'call'>, options: FlowOptions & { app?: AppCredentials; appScopes?: string } = {}): Promise<string> {
  const app = options.app ?? (await register(mock, { scopes: options.appScopes ?? 'read write' }))
  const code = await oobCode(mock, app, options)
  const answer = await exchange(mock, codeFields(app, code))
  if (answer.status !== 200) throw new Error(`exchange answered ${answer.status}: ${await answer.text()}`)
  return ((await answer.json()) as { access_token: string }).access_token
}

export function bearer(mock: Pick<Instance, 'call'>, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${token}`)
  return mock.call(path, { ...init, headers })
}

export async function errorOf(response: Response | Promise<Response>): Promise<{ status: number; body: Record<string, string> }> {
  const r = await response
  return { status: r.status, body: (await r.json()) as Record<string, string> }
}
