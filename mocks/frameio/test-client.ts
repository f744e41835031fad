import { parse } from 'node-html-parser'
import { createMockClock, type MockClock } from '../core/mock-clock.ts'
import { frameio } from './index.ts'
import type { FrameioMutant } from './mutants.ts'

/**
 * What the Frame.io unit tests drive the mock with: one instance (Request in, Response out, on its own clock) and
 * a browser-like client that keeps cookies, reads forms from pages and submits them as a browser would.
 */
export const ORIGIN = 'http://frameio.test'
export const fixtures = frameio.parseFixtures(frameio.defaultFixtures)
export const JANE = fixtures.users[0]!
export const BOB = fixtures.users[1]!
export const [CONFIDENTIAL, PUBLIC, OTHER, TENANT] = fixtures.clients as [typeof fixtures.clients[number], typeof fixtures.clients[number], typeof fixtures.clients[number], typeof fixtures.clients[number]]

export interface Instance {
  clock: MockClock
  fetch(request: Request): Promise<Response>
  call(path: string, init?: RequestInit): Promise<Response>
}

export function instance(mutants: readonly FrameioMutant[] = []): Instance {
  const clock = createMockClock()
  const mock = frameio.create({ clock, fixtures, prepared: undefined, profile: 'frameio@v2', mutants: new Set(mutants) })
  const fetch = (request: Request) => Promise.resolve(mock.fetch(request))
  return { clock, fetch, call: (path, init) => fetch(new Request(new URL(path, ORIGIN), init)) }
}

/** The mock behind a URL, called like an instance (redirects not followed, as the Browser expects). */
export function remote(url: string): Pick<Instance, 'call'> {
  return { call: (path, init) => fetch(new URL(path, url), { ...init, redirect: 'manual' }) }
}

export interface PageForm {
  action: string
  fields: Record<string, string>
  buttons: string[]
}

/** The first form of an HTML page (hidden fields and checked boxes included), as a browser would submit it. */
export function readForm(html: string, selector = 'form'): PageForm {
  const form = parse(html).querySelector(selector)
  if (!form) throw new Error(`no ${selector} in ${html.slice(0, 200)}`)
  const fields: Record<string, string> = {}
  for (const input of form.querySelectorAll('input')) {
    const type = input.getAttribute('type') ?? 'text'
    if ((type === 'checkbox' && !input.hasAttribute('checked')) || !input.getAttribute('name')) continue
    fields[input.getAttribute('name')!] = input.getAttribute('value') ?? ''
  }
  const buttons = form.querySelectorAll('button').map((b) => b.getAttribute('value') ?? b.text)
  return { action: form.getAttribute('action') ?? '', fields, buttons }
}

/** A cookie-keeping client, as a browser: `Set-Cookie` in, `Cookie` out; redirects are not followed. */
export class Browser {
  readonly jar = new Map<string, string>()
  constructor(readonly mock: Pick<Instance, 'call'>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await this.mock.call(path, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair!.indexOf('=')
      const [name, value] = [pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim()]
      if (attributes.some((a) => a.trim() === 'Max-Age=0') || value === '') this.jar.delete(name)
      else this.jar.set(name, value)
    }
    return response
  }

  get(path: string): Promise<Response> {
    return this.request(path)
  }

  post(path: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one)
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
  }

  /** Reads the page's form and posts it with `fill` over its fields. */
  async submit(page: Response, fill: Record<string, string | string[]> = {}): Promise<Response> {
    const form = readForm(await page.text())
    return this.post(form.action, { ...form.fields, ...fill })
  }

  async signIn(email = JANE.email, password = JANE.password): Promise<Response> {
    return this.submit(await this.get('/login'), { email, password })
  }
}

/** The path and query of a Location header (relative or absolute). */
export const locationOf = (response: Response) => new URL(response.headers.get('location') ?? '', ORIGIN)

/** Follows a redirect within the mock's origin, as a browser would (GET). */
export function follow(browser: Browser, response: Response): Promise<Response> {
  const to = locationOf(response)
  return browser.get(to.pathname + to.search)
}

export interface FlowOptions {
  client?: typeof CONFIDENTIAL
  scope?: string
  state?: string
  challenge?: string
  extra?: Record<string, string>
  /** Leave redirect_uri out of the authorization request (the client has one registered URI). */
  omitRedirectUri?: boolean
}

/** authorize → sign in → consent (Allow): the redirect to the client, with `code` (or `error`). */
export async function consentedRedirect(browser: Browser, options: FlowOptions = {}): Promise<URL> {
  const client = options.client ?? CONFIDENTIAL
  const params = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: client.redirect_uri, scope: options.scope ?? 'offline asset.read', state: options.state ?? 'state-12345678', ...options.extra })
  if (options.challenge) params.set('code_challenge', options.challenge), params.set('code_challenge_method', 'S256')
  if (options.omitRedirectUri) params.delete('redirect_uri')
  let step = await browser.get(`/oauth2/auth?${params}`)
  if (locationOf(step).pathname === '/login') step = await browser.submit(await follow(browser, step), { email: JANE.email, password: JANE.password })
  if (locationOf(step).pathname !== '/consent') return locationOf(step)
  return locationOf(await browser.submit(await follow(browser, step), { decision: 'allow' }))
}

export const basic = (id: string, secret: string) => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`

/** POST /oauth2/token as a form, optionally with a Basic header. */
export function token(mock: Instance, fields: Record<string, string>, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (authorization) headers.authorization = authorization
  return mock.call('/oauth2/token', { method: 'POST', headers, body: new URLSearchParams(fields) })
}

export const bearerGet = (mock: Instance, path: string, accessToken: string) => mock.call(path, { headers: { authorization: `Bearer ${accessToken}` } })

export const CONFIDENTIAL_BASIC = basic(CONFIDENTIAL.client_id, CONFIDENTIAL.client_secret!)

/** A developer token of Jane's with these scopes, through the portal API (Basic credentials). */
export async function developerToken(mock: Instance, scopes: readonly string[]): Promise<string> {
  const headers = { authorization: `Basic ${btoa(`${JANE.email}:${JANE.password}`)}`, 'content-type': 'application/json' }
  const created = await mock.call('/developer/api/tokens', { method: 'POST', headers, body: JSON.stringify({ description: 'test', scopes }) })
  return ((await created.json()) as { token: string }).token
}

export interface Tokens {
  access_token: string
  refresh_token?: string
  expires_in: number
  scope: string
}

/** A consented code of the confidential app for `scope`. */
export async function codeFor(mock: Instance, scope = 'offline asset.read'): Promise<string> {
  return (await consentedRedirect(new Browser(mock), { scope })).searchParams.get('code')!
}

export function redeem(mock: Instance, code: string, authorization = CONFIDENTIAL_BASIC): Promise<Response> {
  return token(mock, { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL.redirect_uri }, authorization)
}

/** The confidential app's tokens for `scope`, through the whole flow. */
export async function oauthTokens(mock: Instance, scope = 'offline asset.read'): Promise<Tokens> {
  return (await (await redeem(mock, await codeFor(mock, scope))).json()) as Tokens
}
