import type { Context } from 'hono'
// hono/tiny (PatternRouter): hono's default RegExpRouter cannot take these routes and falls back to its TrieRouter,
// which matches them in about twice the time (~0.8 against ~0.4 µs a request).
import { Hono } from 'hono/tiny'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { renderError } from '../core/errors.ts'
import { randomString } from '../core/random.ts'
import { readCredentials } from './credentials.ts'
import { getConfig, getEvents, getOrganizations, heartbeat, postEvents, postUserDescription } from './events.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseExceptionlessFixtures, type ExceptionlessFixtures } from './fixtures.ts'
import { login } from './login.ts'
import { exceptionlessMutants } from './mutants.ts'
import { unauthorized, type Principal } from './principal.ts'
import { notFound, Problem } from './problem.ts'
import { createExceptionlessState, type ExceptionlessState } from './state.ts'
import { createForProject, createToken, deleteTokens, getToken, listForProject, updateToken } from './tokens.ts'


/**
 * A stateful Exceptionless (`/api/v2`) for its documented auth surface: login, organizations, project tokens,
 * event submission, client configuration and a user-only event read, with the real server's credential order.
 */
export function createExceptionless({ clock, fixtures, mutants }: InstanceContext<ExceptionlessFixtures>): MockInstance {
  const state = createExceptionlessState(fixtures, clock, mutants)
  const app = new Hono()
  const render = (error: unknown, request: Request): Response => {
    if (error instanceof Problem && mutants.has('plain-text-errors')) error.plainText = true
    if (error instanceof Problem && mutants.has('instance-with-query')) error.withQuery = true
    return renderError(error, request)
  }
  app.onError((error, c) => render(error, c.req.raw))
  // Unknown paths: credentials are still read first (401 before 404), as the authentication handler runs for every request.
  app.notFound((c) => {
    try {
      if (!readCredentials(c.req.raw, state)) throw unauthorized(c.req.raw)
      throw notFound()
    } catch (error) {
      return render(error, c.req.raw)
    }
  })

  app.post('/api/v2/auth/login', (c) => login(c.req.raw, state))

  /**
   * Every other route needs an authenticated principal; a response to a query-authenticated request is marked
   * private (RFC 6750 §2.3). One synchronous wrapper per route (no middleware), so synchronous handlers answer
   * without a promise.
   */
  type Handler = (c: Context, principal: Principal) => Response | Promise<Response>
  const authed =
    (handler: Handler) =>
    (c: Context): Response | Promise<Response> => {
      const principal = readCredentials(c.req.raw, state)
      if (!principal) throw unauthorized(c.req.raw)
      const response = handler(c, principal)
      if (!principal.viaQuery || mutants.has('query-cacheable')) return response
      return response instanceof Promise ? response.then(markPrivate) : markPrivate(response)
    }

  app.get('/api/v2/organizations', authed((_, p) => getOrganizations(state, p)))
  const limit = (c: Context) => Math.min(Math.max(Number(c.req.query('limit') ?? 10) || 10, 1), 100)
  app.get('/api/v2/events', authed((c, p) => getEvents(state, p, limit(c))))
  app.get('/api/v2/projects/:projectId/events', authed((c, p) => getEvents(state, p, limit(c), c.req.param('projectId')!)))
  app.post('/api/v2/events', authed((c, p) => postEvents(c.req.raw, state, p)))
  app.post('/api/v2/events/by-ref/:referenceId/user-description', authed((c, p) => postUserDescription(c.req.raw, state, p)))
  app.get('/api/v2/events/session/heartbeat', authed((c, p) => heartbeat(state, p, c.req.query('id'))))
  app.get('/api/v2/projects/config', authed((c, p) => getConfig(state, p, c.req.query('v'))))
  const byIdConfig = authed((c, p) => getConfig(state, p, c.req.query('v'), c.req.param('projectId')!))
  app.get('/api/v2/projects/:projectId/config', (c) => {
    // The `config-304-before-auth` defect: the version is compared before the caller is authenticated.
    const project = mutants.has('config-304-before-auth') ? state.projects.get(c.req.param('projectId')!) : undefined
    if (project && c.req.query('v') !== undefined && Number(c.req.query('v')) === project.configuration.version) return new Response(null, { status: 304 })
    return byIdConfig(c)
  })
  app.get('/api/v2/projects/:projectId/tokens', authed((c, p) => listForProject(c.req.raw, state, p, c.req.param('projectId')!)))
  app.post('/api/v2/projects/:projectId/tokens', authed((c, p) => createForProject(c.req.raw, state, p, c.req.param('projectId')!)))
  app.post('/api/v2/tokens', authed((c, p) => createToken(c.req.raw, state, p)))
  app.get('/api/v2/tokens/:id', authed((c, p) => getToken(state, p, c.req.param('id')!)))
  app.on(['PATCH', 'PUT'], '/api/v2/tokens/:id', authed((c, p) => updateToken(c.req.raw, state, p, c.req.param('id')!)))
  app.delete('/api/v2/tokens/:ids', authed((c, p) => deleteTokens(state, p, c.req.param('ids')!)))

  return {
    fetch: (request) => app.fetch(request),
    sweep: () => void state.tokens.sweep(),
    preload: (count) => preload(state, count),
  }
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

export const exceptionless: MockDefinition<ExceptionlessFixtures> = {
  name: 'exceptionless',
  title: 'Exceptionless',
  parseFixtures: parseExceptionlessFixtures,
  defaultFixtures,
  create: createExceptionless,
  mutants: exceptionlessMutants,
  bench: {
    issue: (f) => ({
      method: 'POST',
      path: '/api/v2/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: f.users[0]!.email, password: f.users[0]!.password }),
    }),
    token: (body) => (body as { token: string }).token,
    protectedGet: (token) => ({ method: 'GET', path: '/api/v2/organizations', headers: { authorization: `Bearer ${token}` } }),
  },
  describe: (f) => [
    'POST /api/v2/auth/login {"email","password"} → {"token"}; Bearer, Token, Basic or ?access_token=',
    ...f.users.filter((u) => u.is_active).map((u) => `user ${u.email} / ${u.password} (${u.roles.join(', ') || 'client, user'})`),
    ...f.apiKeys.map((k) => `key ${k.id} (${k.scopes.join(', ')}${k.is_disabled ? ', disabled' : ''})`),
  ],
}
