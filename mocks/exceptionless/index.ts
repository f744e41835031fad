import type { Context } from 'hono'
import { exceptionlessAdmin } from './admin.ts'
import { preflight, withCors } from './cors.ts'
import { createApp } from '../core/app.ts'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { randomString } from '../core/random.ts'
import { readCredentials } from './credentials.ts'
import { exceptionlessEnvelope, notFound, unauthorized } from './errors.ts'
import { getConfig, getEvents, getOrganizations, heartbeat, postEvents, postUserDescription } from './events.ts'
import { changeConfig, countEvents, deleteEvents, eventById, submitByGet } from './project-routes.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseExceptionlessFixtures, type ExceptionlessFixtures } from './fixtures.ts'
import { login } from './login.ts'
import type { Principal } from './model.ts'
import { exceptionlessMutants, type ExceptionlessMutant } from './mutants.ts'
import { EXCEPTIONLESS_PROFILES, type ExceptionlessProfile } from './profiles.ts'
import { createExceptionlessState, type ExceptionlessState } from './state.ts'
import { throttle } from './throttle.ts'
import { createForOrganization, createForProject, defaultToken, listForOrganization, createToken, deleteTokens, getToken, listForProject, updateToken } from './tokens.ts'

/**
 * A stateful Exceptionless (`/api/v2`) for its documented auth surface: login, organizations, project tokens,
 * event submission, client configuration and a user-only event read, with the real server's credential order.
 */
export function createExceptionless({ clock, fixtures, mutants, profile }: InstanceContext<ExceptionlessFixtures, ExceptionlessMutant, undefined, ExceptionlessProfile>): MockInstance {
  const state = createExceptionlessState(fixtures, clock, mutants, profile)
  const authenticate = (request: Request): Principal => {
    // The `throttle-before-auth` defect counts (and refuses) before authenticating.
    const early = mutants.has('throttle-before-auth') ? throttle(request, null, state) : undefined
    const principal = readCredentials(request, state)
    if (!principal) throw unauthorized(request, state)
    return { ...principal, rateLimit: early ?? throttle(request, principal, state) }
  }
  /**
   * Credentials are read before routing (401 before 404), as the authentication handler runs for every request.
   * A response to a query-authenticated request is marked private (RFC 6750 §2.3).
   */
  const { app, authed } = createApp({
    envelope: exceptionlessEnvelope(mutants),
    authenticate,
    notFound: () => notFound(),
    // A path no endpoint serves is 404 for anyone: no policy applies to it (the `unknown-path-authenticated` defect asks first).
    authenticateUnknown: mutants.has('unknown-path-authenticated'),
    after: (response, principal) => withRateLimit(principal.viaQuery && !mutants.has('query-cacheable') ? markPrivate(response) : response, principal),
  })

  // AllowAnonymous: whatever credentials come with it are not read (the `login-authenticates` defect reads them).
  app.post('/api/v2/auth/login', (c) => (mutants.has('login-authenticates') && c.req.header('authorization') ? (authenticate(c.req.raw), login(c.req.raw, state)) : login(c.req.raw, state)))

  app.get('/api/v2/organizations', authed((_, p) => getOrganizations(state, p)))
  const limit = (c: Context) => Math.min(Math.max(Number(c.req.query('limit') ?? 10) || 10, 1), 100)
  app.get('/api/v2/events', authed((c, p) => getEvents(state, p, limit(c))))
  app.get('/api/v2/projects/:projectId/events', authed((c, p) => getEvents(state, p, limit(c), c.req.param('projectId')!)))
  app.post('/api/v2/events', authed((c, p) => postEvents(c.req.raw, state, p)))
  // The legacy client post (ClientPolicy): outside /api/v2, so its 401 carries no challenge.
  app.post('/api/v1/events', authed((c, p) => postEvents(c.req.raw, state, p)))
  app.get('/api/v2/events/submit', authed((c, p) => submitByGet(c.req.raw, state, p)))
  app.get('/api/v2/projects/:projectId/events/count', authed((c, p) => countEvents(state, p, c.req.param('projectId')!)))
  app.on(['POST', 'DELETE'], '/api/v2/projects/:projectId/config', authed((c, p) => changeConfig(c.req.raw, state, p, c.req.param('projectId')!)))
  app.post('/api/v2/projects/:projectId/events', authed((c, p) => postEvents(c.req.raw, state, p, c.req.param('projectId')!)))
  app.post('/api/v2/events/by-ref/:referenceId/user-description', authed((c, p) => postUserDescription(c.req.raw, state, p)))
  app.get('/api/v2/events/session/heartbeat', authed((c, p) => heartbeat(state, p, c.req.query('id'))))
  app.get('/api/v2/events/:id', authed((c, p) => eventById(state, p, c.req.param('id')!)))
  app.delete('/api/v2/events/:ids', authed((c, p) => deleteEvents(state, p, c.req.param('ids')!)))
  app.get('/api/v2/projects/config', authed((c, p) => getConfig(state, p, c.req.query('v'))))
  // The legacy client route (ClientPolicy): outside /api/v2, so its 401 carries no challenge.
  app.get('/api/v1/project/config', authed((c, p) => getConfig(state, p, c.req.query('v'))))
  const byIdConfig = authed((c, p) => getConfig(state, p, c.req.query('v'), c.req.param('projectId')!))
  app.get('/api/v2/projects/:projectId/config', (c) => {
    // The `config-304-before-auth` defect: the version is compared before the caller is authenticated.
    const project = mutants.has('config-304-before-auth') ? state.projects.get(c.req.param('projectId')!) : undefined
    if (project && c.req.query('v') !== undefined && Number(c.req.query('v')) === project.configuration.version) return new Response(null, { status: 304 })
    return byIdConfig(c)
  })
  app.get('/api/v2/projects/:projectId/tokens', authed((c, p) => listForProject(c.req.raw, state, p, c.req.param('projectId')!)))
  app.get('/api/v2/projects/:projectId/tokens/default', authed((c, p) => defaultToken(c.req.raw, state, p, c.req.param('projectId')!)))
  app.post('/api/v2/projects/:projectId/tokens', authed((c, p) => createForProject(c.req.raw, state, p, c.req.param('projectId')!)))
  app.get('/api/v2/organizations/:organizationId/tokens', authed((c, p) => listForOrganization(c.req.raw, state, p, c.req.param('organizationId')!)))
  app.post('/api/v2/organizations/:organizationId/tokens', authed((c, p) => createForOrganization(c.req.raw, state, p, c.req.param('organizationId')!)))
  app.post('/api/v2/tokens', authed((c, p) => createToken(c.req.raw, state, p)))
  app.get('/api/v2/tokens/:id', authed((c, p) => getToken(state, p, c.req.param('id')!)))
  app.on(['PATCH', 'PUT'], '/api/v2/tokens/:id', authed((c, p) => updateToken(c.req.raw, state, p, c.req.param('id')!)))
  app.delete('/api/v2/tokens/:ids', authed((c, p) => deleteTokens(state, p, c.req.param('ids')!)))

  return {
    // UseHttpMethodOverride (Program.cs:348): a POST with X-HTTP-Method-Override is routed and authorized as that
    // method (the `method-override-ignored` defect routes it as the POST).
    fetch: (request) => {
      const early = preflight(request, mutants)
      if (early) return early
      const answer = request.method === 'POST' && request.headers.has('x-http-method-override') && !mutants.has('method-override-ignored') ? overridden(request).then((r) => app.fetch(r)) : app.fetch(request)
      return answer instanceof Promise ? answer.then((r) => withCors(request, r, mutants)) : withCors(request, answer, mutants)
    },
    purgeExpired: () => void state.tokens.purgeExpired(),
    admin: (action, args) => exceptionlessAdmin(state, action, args),
    preload: (count) => preload(state, count),
  }
}

/** The request as the method it names in X-HTTP-Method-Override (its body kept for the methods that take one). */
async function overridden(request: Request): Promise<Request> {
  const method = request.headers.get('x-http-method-override')!.toUpperCase()
  const body = method === 'GET' || method === 'HEAD' ? null : await request.arrayBuffer()
  return new Request(request.url, { method, headers: request.headers, body })
}

/** The API throttle's count, on every answer it let through (see throttle.ts). */
function withRateLimit(response: Response, principal: Principal): Response {
  for (const [name, value] of Object.entries(principal.rateLimit ?? {})) response.headers.set(name, value)
  return response
}

/** 2xx answers to query-authenticated requests must not be kept by shared caches. */
function markPrivate(response: Response): Response {
  if (response.status < 300) response.headers.set('cache-control', 'private')
  return response
}

function preload(state: ExceptionlessState, count: number): void {
  const template = [...state.tokens.entries()][0]![1]
  for (let i = 0; i < count; i++) {
    const id = randomString(40)
    state.tokens.upsert(id, { ...template, id })
  }
}

export const exceptionless: MockDefinition<ExceptionlessFixtures, ExceptionlessMutant, undefined, ExceptionlessProfile> = {
  name: 'exceptionless',
  title: 'Exceptionless',
  profiles: EXCEPTIONLESS_PROFILES,
  profileNotes: {
    'exceptionless@8.7': 'Exceptionless 8.7 and later: Bearer resource_metadata challenges on /api/v2 401s, "Login failed." / "Login denied."',
    'exceptionless@8.5': 'Exceptionless 8.5 and earlier: no WWW-Authenticate, bare "Unauthorized" / "Forbidden" titles',
  },
  parseFixtures: parseExceptionlessFixtures,
  defaultFixtures,
  create: createExceptionless,
  mutants: exceptionlessMutants,
  errorMediaTypes: ['application/problem+json'],
  ownCors: true,
  async obtainToken(call, origin, f) {
    const { email, password } = f.users[0]!
    const response = await call(new Request(`${origin}/api/v2/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }))
    return ((await response.json()) as { token: string }).token
  },
  describe: (f) => [
    'POST /api/v2/auth/login {"email","password"} → {"token"}; Bearer, Token, Basic or ?access_token=',
    ...f.users.filter((u) => u.is_active).map((u) => `user ${u.email} / ${u.password} (${u.roles.join(', ') || 'client, user'})`),
    ...f.apiKeys.map((k) => `key ${k.id} (${k.scopes.join(', ')}${k.is_disabled ? ', disabled' : ''})`),
  ],
}
