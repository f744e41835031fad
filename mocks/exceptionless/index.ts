import { Hono, type Context } from 'hono'
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

type Env = { Variables: { principal: Principal } }

/**
 * A stateful Exceptionless (`/api/v2`) for its documented auth surface: login, organizations, project tokens,
 * event submission, client configuration and a user-only event read, with the real server's credential order.
 */
export function createExceptionless({ clock, fixtures, mutants }: InstanceContext<ExceptionlessFixtures>): MockInstance {
  const state = createExceptionlessState(fixtures, clock, mutants)
  const app = new Hono<Env>()
  app.onError((error, c) => {
    if (error instanceof Problem && mutants.has('plain-text-errors')) error.plainText = true
    return renderError(error, c.req.raw)
  })
  app.notFound((c) => notFound().toResponse(c.req.raw))

  app.post('/api/v2/auth/login', (c) => login(c.req.raw, state))

  // Every other route needs an authenticated principal; the query-string path marks the response private.
  app.use('/api/v2/*', async (c, next) => {
    const principal = readCredentials(c.req.raw, state)
    if (!principal) throw unauthorized(c.req.raw)
    c.set('principal', principal)
    await next()
    if (principal.viaQuery && c.res.status < 300 && !mutants.has('query-cacheable')) c.res.headers.set('cache-control', 'private')
  })

  const p = (c: Context<Env>) => c.get('principal')
  app.get('/api/v2/organizations', (c) => getOrganizations(state, p(c)))
  app.get('/api/v2/events', (c) => getEvents(state, p(c), Math.min(Math.max(Number(c.req.query('limit') ?? 10) || 10, 1), 100)))
  app.post('/api/v2/events', (c) => postEvents(c.req.raw, state, p(c)))
  app.post('/api/v2/events/by-ref/:referenceId/user-description', (c) => postUserDescription(c.req.raw, state, p(c)))
  app.get('/api/v2/events/session/heartbeat', (c) => heartbeat(state, p(c), c.req.query('id')))
  app.get('/api/v2/projects/config', (c) => getConfig(state, p(c), c.req.query('v')))
  app.get('/api/v2/projects/:projectId/tokens', (c) => listForProject(state, p(c), c.req.param('projectId')))
  app.post('/api/v2/projects/:projectId/tokens', (c) => createForProject(c.req.raw, state, p(c), c.req.param('projectId')))
  app.post('/api/v2/tokens', (c) => createToken(c.req.raw, state, p(c)))
  app.get('/api/v2/tokens/:id', (c) => getToken(state, p(c), c.req.param('id')))
  app.on(['PATCH', 'PUT'], '/api/v2/tokens/:id', (c) => updateToken(c.req.raw, state, p(c), c.req.param('id')))
  app.delete('/api/v2/tokens/:ids', (c) => deleteTokens(state, p(c), c.req.param('ids')))

  return {
    fetch: (request) => app.fetch(request),
    sweep: () => void state.tokens.sweep(),
    preload: (count) => preload(state, count),
  }
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
