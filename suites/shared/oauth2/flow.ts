import { createHash, randomBytes } from 'node:crypto'
import type { APIRequestContext, APIResponse } from '@playwright/test'
import { parse } from 'node-html-parser'
import { precondition, type SuiteFixtures, type Target } from '../../../harness/index.ts'
import { raw, recorded, submit, type Answer, type Transport } from '../transport.ts'
import { idsOf, type Client, type ClientRole, type FlowView, type OAuth2Api } from './api.ts'

export type { Client } from './api.ts'

/** How a token or revocation request authenticates its client. */
export type ClientAuth = 'basic' | 'body' | 'none'

/** One answer of a page walk, with the method that fetched it. */
export interface Step extends Answer {
  method: string
}

/** Where a walk through the pages ended: at the client (`landed`, with `code` or `error`), or on a page it could not pass. */
export interface Walk {
  steps: Step[]
  landed?: URL
  last: Answer
}

export interface CodeOptions {
  scope?: string
  /** Leave `scope` out of the authorization request (the server's default, RFC 6749 §3.3). */
  omitScope?: boolean
  state?: string
  /** PKCE: the verifier whose S256 challenge goes into the authorization request. */
  verifier?: string
  redirectUri?: string
  omitRedirect?: boolean
  extra?: Record<string, string>
  decision?: 'allow' | 'deny'
}

export const formEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2)
/** RFC 6749 §2.3.1: each part form-encoded, then base64. */
export const basicOf = (id: string, secret: string) => `Basic ${Buffer.from(`${formEncode(id)}:${formEncode(secret)}`).toString('base64')}`
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')
/** A fresh RFC 7636 §4.1 verifier: 43 base64url characters (256 bits). */
export const newVerifier = () => randomBytes(32).toString('base64url')
/** A state the API takes (long enough), unlike any other. */
export const newState = () => `st-${randomBytes(9).toString('base64url')}`

/** Throws a precondition failure (no Playwright step): the test stops, its requirements blocked by `id`. */
export function need(condition: unknown, id: string, text: string): asserts condition {
  if (!condition) throw new Error(precondition(id, text))
}

/**
 * One test's OAuth 2.0 client and browser. What a test checks goes through `recorded` (the `request` fixture:
 * evidence, its cookie jar); what it only prepares (a code, a grant to test with) through `prep` (plain fetch with
 * its own jar: see suites/shared/transport.ts). Every redirect is looked at, never followed blindly, and pages are
 * read and submitted as a browser would. Absolute URLs throughout: the authorization server may have its own origin.
 */
export class OAuth2Flow implements FlowView {
  readonly base: string
  readonly request: APIRequestContext
  readonly target: Target
  readonly recorded: Transport
  readonly prep: Transport
  /** The test's mock session (null against a real target; undefined where a context builder was not given it). */
  readonly session: SuiteFixtures['session'] | undefined
  /** Clients the suite registered for this test (`OAuth2Api.register`), by role. */
  readonly registered: Partial<Record<ClientRole, Client>> = {}
  /** Without `session` (a context builder that is not given it) preparation goes through `request` too. */
  constructor(
    fixtures: Pick<SuiteFixtures, 'request' | 'target'> & Partial<Pick<SuiteFixtures, 'session'>>,
    readonly api: OAuth2Api,
  ) {
    this.request = fixtures.request
    this.target = fixtures.target
    this.base = (api.authOrigin(fixtures.target) || fixtures.target.baseURL).replace(/\/+$/, '')
    this.recorded = recorded(fixtures.request)
    this.prep = fixtures.session === undefined ? this.recorded : raw({ session: fixtures.session, target: fixtures.target })
    this.session = fixtures.session
  }

  /** A plain transport with a cookie jar of its own (a fresh browser), outside the evidence. */
  fresh(): Transport {
    return this.session === undefined ? this.recorded : raw({ session: this.session, target: this.target })
  }

  client(role: ClientRole): Client {
    const own = this.registered[role]
    if (own) return own
    const name = this.api.roles[role]
    if (!name) throw new Error(`[authconform] ${this.api.prefix} declares no ${role} client`)
    const c = this.target.creds(name)
    return { id: c.clientId!, ...(c.clientSecret ? { secret: c.clientSecret } : {}), redirectUri: c.redirectUri! }
  }

  get user(): Record<string, string> {
    return this.target.creds(this.api.roles.user)
  }

  /** The precondition ID of "the flow gives a code" and of "the token endpoint gives tokens". */
  get flowId(): string {
    return idsOf(this.api, 'AUTHZ-SESSION-PAGES')[0]!
  }
  get tokenId(): string {
    return idsOf(this.api, 'TOKEN-RESPONSE')[0]!
  }

  /** The authorization request's query: response_type=code, the client, its redirect URI, scope, state, PKCE. */
  query(c: Client, o: CodeOptions = {}): string {
    const params = new URLSearchParams({ response_type: 'code', client_id: c.id })
    if (!o.omitRedirect) params.set('redirect_uri', o.redirectUri ?? c.redirectUri)
    if (!o.omitScope) params.set('scope', o.scope ?? this.api.scopes.ask)
    params.set('state', o.state ?? newState())
    if (o.verifier) params.set('code_challenge', s256(o.verifier)), params.set('code_challenge_method', 'S256')
    for (const [k, v] of Object.entries(o.extra ?? {})) params.set(k, v)
    return params.toString()
  }

  url(path: string): string {
    return `${this.base}${path}`
  }

  /** A recorded GET on the authorization server (a path or an absolute URL). */
  get(url: string): Promise<APIResponse> {
    return this.request.get(new URL(url, `${this.base}/`).toString(), { maxRedirects: 0 })
  }

  /** GET the authorization endpoint with a raw query (duplicates and odd encodings as they are), recorded. */
  authorize(query: string): Promise<APIResponse> {
    return this.request.get(`${this.url(this.api.endpoints.authorize)}?${query}`, { maxRedirects: 0 })
  }

  /** Whether a URL is on the authorization server (a redirect elsewhere has reached the client). */
  onServer(url: URL): boolean {
    return url.origin === new URL(this.base).origin
  }

  /** Follows the pages from an authorization endpoint answer: signs in, allows or denies, until it reaches the client. */
  async walk(transport: Transport, first: Answer, options: { decision?: 'allow' | 'deny'; user?: Record<string, string> } = {}): Promise<Walk> {
    const { login, consent, oob } = this.api.interaction
    const steps: Step[] = []
    let [method, answer] = ['GET', first]
    for (let i = 0; i < 10; i++) {
      steps.push({ ...answer, method })
      const location = answer.headers.location
      if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
        const to = new URL(location, answer.url)
        if (!this.onServer(to)) return { steps, landed: to, last: answer }
        ;[method, answer] = ['GET', await transport.get(to.toString())]
        continue
      }
      if (answer.status !== 200) break
      if (answer.url.pathname === login.path) {
        ;[method, answer] = ['POST', await submit(transport, answer, { fill: this.signInFields(options.user) })]
      } else if (answer.url.pathname === consent.path) {
        const button = options.decision === 'deny' ? consent.deny : consent.allow
        if (button === undefined) break
        ;[method, answer] = ['POST', await submit(transport, answer, { button })]
      } else if (oob && answer.url.pathname === oob.path) {
        const code = parse(answer.text).querySelector(oob.selector)?.text.trim()
        return { steps, ...(code ? { landed: new URL(`urn:ietf:wg:oauth:2.0:oob?code=${encodeURIComponent(code)}`) } : {}), last: answer }
      } else break
    }
    return { steps, last: answer }
  }

  /** The sign-in form's fields for `user` (the test's user by default), as `interaction.login.fields` maps them. */
  signInFields(user: Record<string, string> = this.user): Record<string, string> {
    return Object.fromEntries(Object.entries(this.api.interaction.login.fields).map(([field, from]) => [field, user[from] ?? '']))
  }

  /** A consented code, prepared outside the evidence (precondition: the flow reaches the client with one). */
  async code(c: Client, o: CodeOptions = {}, transport = this.prep): Promise<{ code: string; landed: URL; walk: Walk }> {
    const first = await transport.get(`${this.url(this.api.endpoints.authorize)}?${this.query(c, o)}`)
    const walk = await this.walk(transport, first, o.decision ? { decision: o.decision } : {})
    const code = walk.landed?.searchParams.get('code')
    need(code, this.flowId, `authorize → sign in → Allow must reach ${c.redirectUri} with a code (the walk ended at ${walk.last.url} → ${walk.last.status})`)
    return { code, landed: walk.landed!, walk }
  }

  /** The token request's form and headers for a client authenticated `how`. */
  tokenRequest(fields: Record<string, string>, c?: Client, how: ClientAuth = this.howOf(c)): { form: Record<string, string>; headers: Record<string, string> } {
    const headers: Record<string, string> = {}
    const form = { ...fields }
    if (c && how === 'basic') headers.authorization = basicOf(c.id, c.secret ?? '')
    if (c && how === 'body') Object.assign(form, { client_id: c.id, client_secret: c.secret ?? '' })
    if (c && how === 'none') form.client_id = c.id
    return { form, headers }
  }

  /** POST the token endpoint (recorded): a form, and the client's authentication as asked. */
  token(fields: Record<string, string>, c?: Client, how: ClientAuth = this.howOf(c)): Promise<APIResponse> {
    const { form, headers } = this.tokenRequest(fields, c, how)
    return this.request.post(this.url(this.api.endpoints.token), { form, headers, maxRedirects: 0 })
  }

  /** POST a form body as written (a parameter twice, say) with these headers, recorded. */
  rawForm(path: string, body: string, headers: Record<string, string> = {}): Promise<APIResponse> {
    return this.request.post(this.url(path), { data: Buffer.from(body), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, maxRedirects: 0 })
  }

  /** How the suite authenticates a client by default: public clients by client_id, others as the API prefers. */
  howOf(c: Client | undefined): ClientAuth {
    return c?.secret === undefined ? 'none' : this.api.clientAuth.default
  }

  /** The authorization_code exchange as the client would send it. */
  exchange(c: Client, code: string, o: { verifier?: string; redirectUri?: string; omitRedirect?: boolean; extra?: Record<string, string>; how?: ClientAuth } = {}): Promise<APIResponse> {
    const fields: Record<string, string> = { grant_type: 'authorization_code', code }
    if (!o.omitRedirect) fields.redirect_uri = o.redirectUri ?? c.redirectUri
    if (o.verifier) fields.code_verifier = o.verifier
    return this.token({ ...fields, ...o.extra }, c, o.how ?? this.howOf(c))
  }

  /** Tokens for a code, prepared outside the evidence (precondition: 200 with an access token). */
  async tokens(c: Client, code: string, o: { verifier?: string } = {}): Promise<Tokens> {
    const fields: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, ...(o.verifier ? { code_verifier: o.verifier } : {}) }
    const { form, headers } = this.tokenRequest(fields, c)
    const answer = await this.prep.post(this.url(this.api.endpoints.token), form, headers)
    const body = (() => {
      try {
        return JSON.parse(answer.text) as Tokens
      } catch {
        return {} as Tokens
      }
    })()
    need(answer.status === 200 && typeof body.access_token === 'string', this.tokenId, `the code exchange must give tokens (got ${answer.status} ${answer.text.slice(0, 120)})`)
    return body
  }

  /** The whole flow, prepared: a code for `o`, exchanged. */
  async grant(c: Client, o: CodeOptions = {}): Promise<Tokens> {
    const { code } = await this.code(c, o)
    return this.tokens(c, code, o.verifier ? { verifier: o.verifier } : {})
  }

  /** A refresh (recorded). */
  refresh(c: Client, refreshToken: string, extra: Record<string, string> = {}, how?: ClientAuth): Promise<APIResponse> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken, ...extra }, c, how ?? this.howOf(c))
  }

  /** POST the revocation endpoint (recorded), the client authenticated as at the token endpoint. */
  revoke(c: Client | undefined, token: string, extra: Record<string, string> = {}, how?: ClientAuth): Promise<APIResponse> {
    const { form, headers } = this.tokenRequest({ token, ...extra }, c, how ?? this.howOf(c))
    return this.request.post(this.url(this.api.endpoints.revoke ?? '/revoke'), { form, headers, maxRedirects: 0 })
  }

  /** A call to the resource server (the target's base URL) with these headers. */
  resource(path: string, headers: Record<string, string> = {}): Promise<APIResponse> {
    return this.request.get(path, { headers, maxRedirects: 0 })
  }

  bearer(path: string, token: string): Promise<APIResponse> {
    return this.resource(path, { authorization: `Bearer ${token}` })
  }
}

export interface Tokens {
  access_token: string
  token_type?: string
  expires_in?: number
  refresh_token?: string
  scope?: string
}
