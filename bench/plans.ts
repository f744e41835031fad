import type { BasiqFixtures } from '../mocks/basiq/fixtures.ts'
import type { DadiFixtures } from '../mocks/dadi/fixtures.ts'
import type { ExceptionlessFixtures } from '../mocks/exceptionless/fixtures.ts'
import type { FrameioFixtures } from '../mocks/frameio/fixtures.ts'
import type { GtsFixtures } from '../mocks/gotosocial/fixtures.ts'
import { definitions, type ApiName, type ImplementedApi } from '../mocks/registry.ts'
import type { RequestSpec } from './load-types.ts'
import type { BrowserWalk } from './walk.ts'
import { frameioWalk, gotosocialWalk } from './walks.ts'

export type { RequestSpec } from './load-types.ts'

/**
 * How `npm run bench` drives one API: the request that issues a token (replayed under load, so one request),
 * how to read the token from its answer, and a token-checked read. How a client gets a token in general — in as
 * many steps as the API takes — is the mock definition's `obtainToken`; these plans are the benchmark's own.
 */
export interface BenchPlan<F> {
  issue(fixtures: F): RequestSpec
  token(body: unknown): string
  protectedGet(token: string, fixtures: F): RequestSpec
  /**
   * Where the token-checked GET's token comes from: the issue request (the default), or the mock definition's
   * `obtainToken` recipe — a user token, where the one-request issue gives only an app token that the user's own
   * endpoints refuse.
   */
  getToken?: 'issue' | 'obtainToken'
  /**
   * Requests to the mock's control surface sent once to each mock the benchmark starts, before its first token:
   * operator settings that would otherwise refuse a load (a throttle) — the benchmark measures the mock's work, not
   * its limits.
   */
  prepare?(fixtures: F): RequestSpec[]
  /** Why the issue + GET flow is left out for this API (its issued token cannot make a token-checked GET). */
  noFlow?: string
  /** The whole browser sign-in flow, for the sign-in walk scenario (bench/walks.ts), where the API has one. */
  walk?: BrowserWalk<F>
}

const json = { 'content-type': 'application/json' }
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

const dadi: BenchPlan<DadiFixtures> = {
  issue: (f) => ({ method: 'POST', path: '/token', headers: json, body: JSON.stringify({ clientId: f.clients[0]!.clientId, secret: f.clients[0]!.secret }) }),
  token: (body) => (body as { accessToken: string }).accessToken,
  protectedGet: (token, f) => {
    const c = f.collections[0]!
    return { method: 'GET', path: `/${c.version}/${c.database}/${c.name}`, headers: bearer(token) }
  },
}

const exceptionless: BenchPlan<ExceptionlessFixtures> = {
  issue: (f) => ({ method: 'POST', path: '/api/v2/auth/login', headers: json, body: JSON.stringify({ email: f.users[0]!.email, password: f.users[0]!.password }) }),
  token: (body) => (body as { token: string }).token,
  protectedGet: (token) => ({ method: 'GET', path: '/api/v2/organizations', headers: bearer(token) }),
  // The API throttle allows a user 3,500 requests a quarter hour (ThrottlingMiddleware); the load makes more in a second.
  prepare: () => [{ method: 'POST', path: '/__mock/admin', headers: json, body: JSON.stringify({ action: 'throttle-limit', limit: 1_000_000_000 }) }],
}

/** Frame.io: a developer token from the portal's JSON API with the user's own credentials (one request), then /v2/me. */
const frameio: BenchPlan<FrameioFixtures> = {
  issue: (f) => ({
    method: 'POST',
    path: '/developer/api/tokens',
    headers: { ...json, authorization: `Basic ${btoa(`${f.users[0]!.email}:${f.users[0]!.password}`)}` },
    body: JSON.stringify({ description: 'bench', scopes: ['asset.read'] }),
  }),
  token: (body) => (body as { token: string }).token,
  protectedGet: (token) => ({ method: 'GET', path: '/v2/me', headers: bearer(token) }),
  walk: frameioWalk,
}


const basiq: BenchPlan<BasiqFixtures> = {
  issue: (f) => ({
    method: 'POST',
    path: '/token',
    // The key whose application has a raised token-request limit: the default 1,500 per 5 minutes would refuse the load.
    headers: { authorization: `Basic ${f.apiKeys.find((k) => k.name === 'high-traffic')!.key}`, 'basiq-version': '3.0', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'scope=SERVER_ACCESS',
  }),
  token: (body) => (body as { access_token: string }).access_token,
  protectedGet: (token, f) => ({ method: 'GET', path: `/users/${f.users[0]!.id}`, headers: bearer(token) }),
}

/**
 * GoToSocial: token issue is a client_credentials token of the seeded out-of-band app (one request); the
 * token-checked GET is GET /api/v1/accounts/verify_credentials with a user token from the mock definition's
 * `obtainToken` (the OOB walk, once, before the load). An app token reads only public endpoints such as
 * /api/v1/instance, whose spec says `security: [{}]`, and Prism refuses any Authorization header there: so no
 * issue + GET flow; the user's whole flow is the sign-in walk.
 */
const gotosocial: BenchPlan<GtsFixtures> = {
  issue: (f) => {
    const app = f.apps[0]!
    const body = { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: app.redirect_uris.split('\n')[0], scope: 'read' }
    return { method: 'POST', path: '/oauth/token', headers: { ...json, 'user-agent': 'authconform-bench' }, body: JSON.stringify(body) }
  },
  token: (body) => (body as { access_token: string }).access_token,
  protectedGet: (token) => ({ method: 'GET', path: '/api/v1/accounts/verify_credentials', headers: { ...bearer(token), 'user-agent': 'authconform-bench' } }),
  getToken: 'obtainToken',
  noFlow: "GoToSocial's one-request issue gives an app token, which user endpoints refuse and public ones need not (Prism refuses a Bearer on /api/v1/instance, `security: [{}]`); its user flow is the sign-in walk",
  walk: gotosocialWalk,
}

const plans = { dadi, exceptionless, frameio, basiq, gotosocial } satisfies Record<ImplementedApi, BenchPlan<never>>

/** The API's bench plan with its default fixtures parsed. */
export function planFor(api: ApiName): { plan: BenchPlan<unknown>; fixtures: unknown } {
  const definition = definitions[api]
  const plan = (plans as Partial<Record<ApiName, BenchPlan<unknown>>>)[api]
  if (!definition || !plan) throw new Error(`[authconform] no mock or bench plan for "${api}" (bench/plans.ts)`)
  return { plan, fixtures: definition.parseFixtures(definition.defaultFixtures) }
}
