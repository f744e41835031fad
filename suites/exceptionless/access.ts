import type { APIRequestContext } from '@playwright/test'
import { precondition, expect, type AccessTable, type Answer, type Expectation, type Target } from '../../harness/index.ts'
import { basic, bearer, createKey, loginToken, wording } from './exceptionless.ts'

/**
 * Exceptionless's access table: the documented operations × every kind of credential and every place the server
 * reads one from (`Security/ApiKeyAuthenticationHandler.cs`: Bearer/Token, the three Basic forms, then — only
 * without a header it reads — ?access_token=, ?api_key=, ?apikey=), with the answer each profile gives.
 * Policies: ClientPolicy (client), UserPolicy (user), EventsReadPolicy (user or events:read); token endpoints
 * refuse API keys; projects of other organizations are 404 (sources in suites/exceptionless/requirements.yaml).
 */
export interface ExlContext {
  target: Target
  projectId: string
  foreignProjectId: string
  login: string
  global: string | undefined
  keys: { client: string; user: string; disabled: string; deleted: string }
}

type Who = 'anonymous' | 'invalid' | 'user' | 'global' | 'client-key' | 'user-key'
type Op =
  | 'orgs' | 'events' | 'project-events' | 'foreign-events' | 'post-event' | 'config' | 'config-by-id' | 'list-keys' | 'get-key' | 'create-key'
  | 'post-project-event' | 'submit-get' | 'v1-post-event' | 'events-count' | 'event-by-id' | 'events-page-2' | 'delete-event' | 'post-config' | 'default-key'

const op = (id: Op, title: string, request: (c: ExlContext) => { method: string; path: string; body?: string; headers?: Record<string, string> }) => ({ id, title, request })
const json = { 'content-type': 'application/json' }

/** Each credential kind: who it makes the caller, the requirement its refusals or acceptances check, and how to send it. */
const KINDS: [id: string, title: string, who: Who, requirement: string, send: (c: ExlContext) => { headers?: Record<string, string>; query?: Record<string, string> } | { notApplicable: string }][] = [
  ['none', 'no credentials', 'anonymous', 'EXL-AUTH-MISSING', () => ({})],
  ['bare-bearer', 'a bare "Bearer"', 'invalid', 'EXL-AUTH-INVALID', () => ({ headers: { authorization: 'Bearer' } })],
  ['basic-garbage', 'Basic that is not base64', 'invalid', 'EXL-AUTH-INVALID', () => ({ headers: { authorization: 'Basic %%%not-base64%%%' } })],
  ['unknown', 'an unknown token', 'invalid', 'EXL-AUTH-INVALID', () => ({ headers: bearer('0000000000000000000000000000000000000000') })],
  ['foreign-scheme', 'an unrecognised scheme (Digest)', 'anonymous', 'EXL-AUTH-MISSING', () => ({ headers: { authorization: 'Digest username="someone"' } })],
  ['login', 'the login token (Bearer)', 'user', 'EXL-AUTH-BEARER', (c) => ({ headers: bearer(c.login) })],
  ['login-token-scheme', 'the login token (Token scheme)', 'user', 'EXL-AUTH-TOKEN-SCHEME', (c) => ({ headers: { authorization: `Token ${c.login}` } })],
  ['login-query', 'the login token in ?access_token=', 'user', 'EXL-AUTH-QUERY', (c) => ({ query: { access_token: c.login } })],
  ['password', 'Basic email:password', 'user', 'EXL-AUTH-BASIC', (c) => ({ headers: basic(c.target.creds('user').email!, c.target.creds('user').password!) })],
  ['foreign-scheme-and-query', 'Digest and the login token in ?access_token=', 'user', 'EXL-AUTH-QUERY', (c) => ({ headers: { authorization: 'Digest username="someone"' }, query: { access_token: c.login } })],
  ['bad-header-good-query', 'an unknown Bearer and the login token in ?access_token=', 'invalid', 'EXL-AUTH-PRECEDENCE', (c) => ({ headers: bearer('0000000000000000000000000000000000000000'), query: { access_token: c.login } })],
  ['client-key', 'a client key (Bearer)', 'client-key', 'EXL-CLIENT-POST-EVENT', (c) => ({ headers: bearer(c.keys.client) })],
  ['client-key-basic', 'a client key as Basic client:<key>', 'client-key', 'EXL-AUTH-BASIC', (c) => ({ headers: basic('client', c.keys.client) })],
  ['client-key-oauth-basic', 'a client key as Basic <key>:x-oauth-basic', 'client-key', 'EXL-AUTH-BASIC', (c) => ({ headers: basic(c.keys.client, 'x-oauth-basic') })],
  ['client-key-query', 'a client key in ?api_key=', 'client-key', 'EXL-AUTH-QUERY', (c) => ({ query: { api_key: c.keys.client } })],
  ['user-key', 'a key with the user scope', 'user-key', 'EXL-TOKEN-KEY-CANNOT-CREATE', (c) => ({ headers: bearer(c.keys.user) })],
  ['disabled-key', 'a disabled key', 'invalid', 'EXL-TOKEN-DISABLED', (c) => ({ headers: bearer(c.keys.disabled) })],
  ['deleted-key', 'a deleted key', 'invalid', 'EXL-TOKEN-DELETED', (c) => ({ headers: bearer(c.keys.deleted) })],
  ['global', 'a global admin’s login token', 'global', 'EXL-SCOPE-IMPLY', (c) => (c.global ? { headers: bearer(c.global) } : { notApplicable: 'the target names no globalUser (EXCEPTIONLESS_GLOBAL_EMAIL)' })],
]

function expectCell(operation: string, credential: string, profile: string): Expectation | null {
  const kind = KINDS.find(([id]) => id === credential)
  if (!kind) return null
  const [, , who, requirement] = kind
  const o = operation as Op
  const v85 = profile === 'exceptionless@8.5'
  // Only /api/v2 (and /mcp) 401s carry the challenge: the legacy /api/v1 routes never do.
  const challenged = !v85 && o !== 'v1-post-event'
  const problem = (status: number, title: string, id = requirement): Expectation => ({ status, body: `problem ${status} ${title}`, challenge: status === 401 && challenged ? CHALLENGE : null, requirement: id })
  const ok = (status: number, body: string, id = requirement): Expectation => ({ status, body, requirement: id })
  if (who === 'anonymous' || who === 'invalid') return problem(401, 'Unauthorized')
  const client = who === 'client-key'
  const projectKey = client || who === 'user-key'
  const keyAdmin = (action: string) => problem(403, v85 ? 'Forbidden' : `Token authentication cannot ${action} tokens.`, 'EXL-TOKEN-KEY-CANNOT-CREATE')
  switch (o) {
    case 'orgs':
      return who === 'client-key' ? problem(403, 'Forbidden', 'EXL-CLIENT-NO-USER-READ') : ok(200, 'organizations')
    case 'events':
    case 'project-events':
      return who === 'client-key' ? problem(403, 'Forbidden', 'EXL-CLIENT-NO-EVENT-READ') : ok(200, 'array')
    case 'foreign-events':
      if (who === 'client-key') return problem(403, 'Forbidden', 'EXL-CLIENT-NO-EVENT-READ')
      return who === 'global' ? ok(200, 'array') : problem(404, 'Project not found.', 'EXL-EVENTS-ORG-ISOLATION')
    case 'post-event':
    case 'config':
      // A user's login token names no project; what the server answers then is not documented.
      return who === 'client-key' || who === 'user-key' ? (o === 'post-event' ? ok(202, 'empty', 'EXL-CLIENT-POST-EVENT') : ok(200, 'configuration', 'EXL-CLIENT-CONFIG')) : null
    case 'config-by-id':
      return ok(200, 'configuration', who === 'client-key' ? 'EXL-CLIENT-CONFIG' : requirement)
    case 'list-keys':
    case 'get-key':
      if (who === 'client-key') return problem(403, 'Forbidden', 'EXL-TOKEN-KEY-CANNOT-CREATE')
      return who === 'user-key' ? keyAdmin('access') : ok(200, o === 'list-keys' ? 'array' : 'view-token', 'EXL-TOKEN-MANAGE')
    case 'create-key':
      if (who === 'client-key') return problem(403, 'Forbidden', 'EXL-TOKEN-KEY-CANNOT-CREATE')
      return who === 'user-key' ? keyAdmin('create') : ok(201, 'view-token', 'EXL-TOKEN-CREATE')
    case 'default-key':
      if (client) return problem(403, 'Forbidden', 'EXL-TOKEN-KEY-CANNOT-CREATE')
      return who === 'user-key' ? keyAdmin('access') : ok(200, 'view-token', 'EXL-TOKEN-DEFAULT')
    // Every client route takes a project key; a user may post to a project it names (user ⇒ client), while the
    // routes that take the key's own project are undocumented for a user, who has none.
    case 'post-project-event':
      return ok(202, 'empty', 'EXL-CLIENT-POST-EVENT')
    case 'submit-get':
      return projectKey ? ok(200, 'empty', 'EXL-CLIENT-POST-EVENT') : null
    case 'v1-post-event':
      return projectKey ? ok(202, 'empty', 'EXL-CLIENT-POST-EVENT') : null
    // Every event read is EventsReadPolicy (user or events:read), whatever the docs offer project tokens.
    case 'events-count':
      return client ? problem(403, 'Forbidden', 'EXL-CLIENT-NO-EVENT-READ') : ok(200, 'count', 'EXL-CLIENT-NO-EVENT-READ')
    case 'event-by-id':
      return client ? problem(403, 'Forbidden', 'EXL-CLIENT-NO-EVENT-READ') : problem(404, 'Event not found.', 'EXL-CLIENT-NO-EVENT-READ')
    case 'events-page-2':
      return client ? problem(403, 'Forbidden', 'EXL-CLIENT-NO-EVENT-READ') : ok(200, 'array', 'EXL-CLIENT-NO-EVENT-READ')
    // UserPolicy writes: refused to a client key (a user's own answer changes the target, so it is not a cell).
    case 'delete-event':
    case 'post-config':
      return client ? problem(403, 'Forbidden', 'EXL-CLIENT-NO-USER-READ') : null
  }
}

const NO_EVENT = 'ffffffffffffffffffffffff'
const CHALLENGE = /^Bearer resource_metadata="https?:\/\/[^"]+\/\.well-known\/oauth-protected-resource\/api\/v2"$/
const parsed = (a: Answer) => {
  try {
    return JSON.parse(a.text) as unknown
  } catch {
    return undefined
  }
}
/** A ProblemDetails body check per status and title the table uses. */
function problemCheck(status: number, title: string) {
  return (a: Answer, request: { method: string; path: string }) => {
    const body = parsed(a) as Record<string, unknown> | undefined
    const instance = `${request.method} ${request.path.split('?')[0]}`
    if (!/^application\/problem\+json/.test(a.headers['content-type'] ?? '')) return `content type ${a.headers['content-type'] ?? '(none)'}`
    return body?.status === status && body.title === title && body.instance === instance ? undefined : `body ${a.text.slice(0, 160)}`
  }
}
const TITLES: [number, string][] = [
  [401, 'Unauthorized'], [403, 'Forbidden'], [404, 'Project not found.'], [404, 'Event not found.'],
  ...['access', 'create'].map((a): [number, string] => [403, `Token authentication cannot ${a} tokens.`]),
]

export const exceptionlessAccess: AccessTable<ExlContext> & { profiles: readonly string[] } = {
  api: 'exceptionless',
  profiles: ['exceptionless@8.7', 'exceptionless@8.5'],
  operations: [
    op('orgs', 'GET /api/v2/organizations', () => ({ method: 'GET', path: '/api/v2/organizations' })),
    op('events', 'GET /api/v2/events', () => ({ method: 'GET', path: '/api/v2/events' })),
    op('project-events', 'GET its project’s events', (c) => ({ method: 'GET', path: `/api/v2/projects/${c.projectId}/events` })),
    op('foreign-events', 'GET another organization’s project’s events', (c) => ({ method: 'GET', path: `/api/v2/projects/${c.foreignProjectId}/events` })),
    op('post-event', 'POST /api/v2/events', () => ({ method: 'POST', path: '/api/v2/events', body: '{"message":"access table"}', headers: json })),
    op('config', 'GET /api/v2/projects/config', () => ({ method: 'GET', path: '/api/v2/projects/config' })),
    op('config-by-id', 'GET its project’s config', (c) => ({ method: 'GET', path: `/api/v2/projects/${c.projectId}/config` })),
    op('list-keys', 'GET its project’s tokens', (c) => ({ method: 'GET', path: `/api/v2/projects/${c.projectId}/tokens` })),
    op('get-key', 'GET a key', (c) => ({ method: 'GET', path: `/api/v2/tokens/${c.keys.client}` })),
    op('create-key', 'POST a client key for its project', (c) => ({ method: 'POST', path: `/api/v2/projects/${c.projectId}/tokens`, body: '{"scopes":["client"]}', headers: json })),
    op('default-key', 'GET its project’s default key', (c) => ({ method: 'GET', path: `/api/v2/projects/${c.projectId}/tokens/default` })),
    op('post-project-event', 'POST an event to its project', (c) => ({ method: 'POST', path: `/api/v2/projects/${c.projectId}/events`, body: '{"message":"access table"}', headers: json })),
    op('submit-get', 'GET /api/v2/events/submit?message=…', () => ({ method: 'GET', path: '/api/v2/events/submit?message=access%20table' })),
    op('v1-post-event', 'POST /api/v1/events (legacy)', () => ({ method: 'POST', path: '/api/v1/events', body: '{"message":"access table"}', headers: json })),
    op('events-count', 'GET its project’s event count', (c) => ({ method: 'GET', path: `/api/v2/projects/${c.projectId}/events/count` })),
    op('event-by-id', 'GET an event by id (none has it)', () => ({ method: 'GET', path: `/api/v2/events/${NO_EVENT}` })),
    op('events-page-2', 'GET /api/v2/events, page 2', () => ({ method: 'GET', path: '/api/v2/events?page=2&limit=10' })),
    op('delete-event', 'DELETE an event', () => ({ method: 'DELETE', path: `/api/v2/events/${NO_EVENT}` })),
    op('post-config', 'POST a setting to its project’s configuration', (c) => ({ method: 'POST', path: `/api/v2/projects/${c.projectId}/config?key=access-table-probe`, body: '"1"', headers: json })),
  ],
  credentials: KINDS.map(([id, title, , , send]) => ({ id, title, prepare: async (c: ExlContext) => send(c) })),
  expect: expectCell,
  bodies: {
    ...Object.fromEntries(TITLES.map(([status, title]) => [`problem ${status} ${title}`, problemCheck(status, title)])),
    empty: (a) => (a.text === '' ? undefined : `a body (${a.text.slice(0, 80)})`),
    array: (a) => (Array.isArray(parsed(a)) ? undefined : `not a JSON array: ${a.text.slice(0, 120)}`),
    organizations: (a) => (Array.isArray(parsed(a)) && (parsed(a) as unknown[]).length > 0 ? undefined : `no organizations: ${a.text.slice(0, 120)}`),
    configuration: (a) => (typeof (parsed(a) as { version?: unknown })?.version === 'number' ? undefined : `no configuration: ${a.text.slice(0, 120)}`),
    count: (a) => (typeof (parsed(a) as { total?: unknown })?.total === 'number' ? undefined : `no count: ${a.text.slice(0, 120)}`),
    'view-token': (a) => (typeof (parsed(a) as { id?: unknown })?.id === 'string' ? undefined : `no token view: ${a.text.slice(0, 120)}`),
  },
}

/** Logs in, creates the keys the table needs (client, user-scoped, disabled, deleted) and names the projects. */
export async function exceptionlessContext({ request, target }: { request: APIRequestContext; target: Target }): Promise<ExlContext> {
  const login = await loginToken(request, target)
  const [client, user, disabled, deleted] = [await createKey(request, target, login, ['client']), await createKey(request, target, login, ['user']), await createKey(request, target, login, ['client']), await createKey(request, target, login, ['client'])]
  const patched = await request.patch(`/api/v2/tokens/${disabled.id}`, { data: { is_disabled: true }, headers: bearer(login) })
  expect(patched.status(), precondition('EXL-TOKEN-DISABLED', 'disabling a key with PATCH is_disabled succeeds')).toBeLessThan(300)
  const removed = await request.delete(`/api/v2/tokens/${deleted.id}`, { headers: bearer(login) })
  expect(removed.status(), precondition('EXL-TOKEN-DELETED', 'deleting a key succeeds')).toBeLessThan(300)
  const globalCreds = target.optionalCreds('globalUser')
  return {
    target,
    login,
    global: globalCreds.missing ? undefined : await loginToken(request, target, 'globalUser'),
    projectId: target.settings.projectId!,
    foreignProjectId: target.settings.foreignProjectId!,
    keys: { client: client.id, user: user.id, disabled: disabled.id, deleted: deleted.id },
  }
}

