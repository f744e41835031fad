import type { Context } from 'hono'
import { createApp } from '../core/app.ts'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { jwtKey } from '../core/jwt.ts'
import { authenticate, requireJson } from './authenticate.ts'
import { basiqEnvelope, basiqErrors } from './errors.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { keyWith, parseBasiqFixtures, type BasiqFixtures } from './fixtures.ts'
import { basiqMutants, type BasiqMutant } from './mutants.ts'
import { createAuthLink, createUser, deleteUser, getAccounts, getInstitutions, getJob, getUser, getUserJobs } from './resources.ts'
import { createBasiqState, type BasiqPrepared, type BasiqPrincipal } from './state.ts'
import { issueToken } from './token-endpoint.ts'

/**
 * A stateful Basiq (au-api.basiq.io, API 3.0 with the 2.x routes its SDKs call) for its documented auth
 * surface: `POST /token` (API key → SERVER_ACCESS / CLIENT_ACCESS JWT), users, accounts, jobs, institutions
 * and auth links, enough to show what each scope may and may not reach. Errors in Basiq's list envelope.
 * JWT verification is synchronous (`mocks/core/jwt.ts`), so a route that reads no body answers without a promise.
 */
export function createBasiq({ clock, fixtures, prepared, mutants }: InstanceContext<BasiqFixtures, BasiqMutant, BasiqPrepared>): MockInstance {
  const state = createBasiqState(fixtures, clock, mutants, prepared)
  const { app, authed } = createApp({ envelope: basiqEnvelope(mutants), authenticate: (request) => authenticate(request, state), notFound: () => basiqErrors.routeNotFound() })
  /** A bearer route: the token first, then an Accept that rules JSON out, then the operation. */
  const route = (handler: (c: Context, principal: BasiqPrincipal) => Response | Promise<Response>) =>
    authed((c, principal) => {
      requireJson(c.req.raw)
      return handler(c, principal)
    })
  const userId = (c: Context) => c.req.param('userId')!

  app.post('/token', (c) => issueToken(c.req.raw, state))
  app.post('/users', route((c, p) => createUser(c.req.raw, state, p)))
  app.get('/users/:userId', route((c, p) => getUser(c.req.raw, state, p, userId(c))))
  app.delete('/users/:userId', route((c, p) => deleteUser(c.req.raw, state, p, userId(c))))
  app.get('/users/:userId/accounts', route((c, p) => getAccounts(c.req.raw, state, p, userId(c))))
  app.get('/users/:userId/jobs', route((c, p) => getUserJobs(c.req.raw, state, p, userId(c))))
  app.post('/users/:userId/auth_link', route((c, p) => createAuthLink(c.req.raw, state, p, userId(c))))
  app.get('/jobs/:jobId', route((c, p) => getJob(c.req.raw, state, p, c.req.param('jobId')!)))
  app.get('/institutions', route((c, p) => getInstitutions(c.req.raw, state, p)))
  // Anything else (GET /token included) is authenticated first, then "Route not found for this API version."
  app.all(
    '*',
    route(() => {
      throw basiqErrors.routeNotFound()
    }),
  )

  return {
    fetch: (request) => app.fetch(request),
    purgeExpired: () => {
      const now = clock.now()
      for (const [token, { expires }] of state.opaque) if (expires <= now) state.opaque.delete(token)
    },
    // Tokens are stateless JWTs: a live token costs the mock nothing to hold, so there is nothing to add.
    preload: () => {},
  }
}

export const basiq: MockDefinition<BasiqFixtures, BasiqMutant, BasiqPrepared> = {
  name: 'basiq',
  title: 'Basiq',
  profiles: ['basiq@3'],
  profileNotes: { 'basiq@3': 'Basiq API 3.0 (basiq-version 3.0; 2.0 and 2.1 tokens too): JWTs, 403 for an expired token, 404 for an unknown key' },
  parseFixtures: parseBasiqFixtures,
  defaultFixtures,
  prepare: async () => ({ key: await jwtKey() }),
  create: createBasiq,
  mutants: basiqMutants,
  errorMediaTypes: ['application/json'],
  async obtainToken(call, origin, f) {
    const response = await call(
      new Request(`${origin}/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${keyWith(f, 'live')!.key}`, 'basiq-version': '3.0', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'scope=SERVER_ACCESS',
      }),
    )
    return ((await response.json()) as { access_token: string }).access_token
  },
  describe: (f) => [
    "POST /token with Authorization: Basic <key>, basiq-version: 3.0, scope=SERVER_ACCESS (or scope=CLIENT_ACCESS&userId=…) — tokens live 3600 s",
    ...f.apiKeys.map((k) => `key (${k.status}${k.tokenRateLimit ? `, ${k.tokenRateLimit} token requests per ${f.tokenRateLimit.windowSeconds} s` : ''}) ${k.key}`),
    ...f.users.map((u) => `user ${u.id} ${u.email || u.mobile}${f.apiKeys.some((k) => k.status === 'live' && k.applicationId === u.applicationId) ? '' : ' (another application)'}`),
  ],
}
