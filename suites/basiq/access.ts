import type { APIRequestContext } from '@playwright/test'
import { matches, type AccessTable, type Answer, type Credential, type Expectation, type OperationRequest, type Target, type TargetClock } from '../../harness/index.ts'
import { apiKey, bearer, envelopeOf, itemFor, noteTokenRequest, ENVELOPE, flipSignature, FORM, ITEMS, people, tokenFor, VERSION, type ErrorItem, type People } from './basiq.ts'

/**
 * Basiq's access table: every modelled operation × every kind of credential — no Authorization (malformed ones:
 * bearer.spec.ts, token-errors.spec.ts), a tampered or expired token, a SERVER_ACCESS token, CLIENT_ACCESS tokens bound to each of two users and a 2.x
 * one bound to none, and the API key in each of its states (on POST /token, which takes it) — with the answer each must get (sources in
 * suites/basiq/requirements.yaml; the research table in helpers/basiq/requirements.md §5). POST /token is a row:
 * it takes the key, and every bearer credential there is an Authorization it refuses.
 */
export interface BasiqContext {
  people: People
  /** A user id no application has. */
  unknownUser: string
  ttl: number
  clock: TargetClock
  target: Target
  /** Tokens, issued on demand (a column prepares only its own). */
  token(body: string, version?: string): Promise<string>
}

type OperationId = 'token' | 'create-user' | 'user-a' | 'user-b' | 'accounts-a' | 'accounts-b' | 'jobs-a' | 'auth-link-a' | 'job-a' | 'job-b' | 'institutions' | 'user-unknown' | 'user-foreign' | 'accounts-foreign'
type Column = 'none' | 'tampered' | 'expired' | 'server' | 'client-a' | 'client-b' | 'client-2x' | 'live-key' | 'disabled-key' | 'deleted-key' | 'unknown-key'

const json = { 'content-type': 'application/json' }
const ops: { id: OperationId; title: string; request: (c: BasiqContext) => OperationRequest | { notApplicable: string } }[] = [
  { id: 'token', title: 'POST /token (scope=SERVER_ACCESS)', request: (c) => (noteTokenRequest(c.target), { method: 'POST', path: '/token', headers: { 'basiq-version': VERSION, 'content-type': FORM }, body: 'scope=SERVER_ACCESS' }) },
  { id: 'create-user', title: 'POST /users', request: () => ({ method: 'POST', path: '/users', headers: json, body: '{"mobile":"+61410888000"}' }) },
  { id: 'user-a', title: 'GET /users/{user A}', request: (c) => ({ method: 'GET', path: `/users/${c.people.a}` }) },
  { id: 'user-b', title: 'GET /users/{user B}', request: (c) => ({ method: 'GET', path: `/users/${c.people.b}` }) },
  { id: 'accounts-a', title: 'GET /users/{user A}/accounts', request: (c) => ({ method: 'GET', path: `/users/${c.people.a}/accounts` }) },
  { id: 'accounts-b', title: 'GET /users/{user B}/accounts', request: (c) => ({ method: 'GET', path: `/users/${c.people.b}/accounts` }) },
  { id: 'jobs-a', title: 'GET /users/{user A}/jobs', request: (c) => ({ method: 'GET', path: `/users/${c.people.a}/jobs` }) },
  { id: 'auth-link-a', title: 'POST /users/{user A}/auth_link', request: (c) => ({ method: 'POST', path: `/users/${c.people.a}/auth_link`, headers: json, body: '{}' }) },
  { id: 'job-a', title: "GET /jobs/{user A's job}", request: (c) => (c.people.jobA ? { method: 'GET', path: `/jobs/${c.people.jobA}` } : { notApplicable: 'the target names no job of user A (BASIQ_JOB_ID)' }) },
  { id: 'job-b', title: "GET /jobs/{user B's job}", request: (c) => (c.people.jobB ? { method: 'GET', path: `/jobs/${c.people.jobB}` } : { notApplicable: 'the target names no job of user B (BASIQ_OTHER_JOB_ID)' }) },
  { id: 'institutions', title: 'GET /institutions', request: () => ({ method: 'GET', path: '/institutions' }) },
  { id: 'user-unknown', title: 'GET /users/{no such user}', request: (c) => ({ method: 'GET', path: `/users/${c.unknownUser}` }) },
  { id: 'user-foreign', title: "GET /users/{another application's user}", request: (c) => (c.people.foreign ? { method: 'GET', path: `/users/${c.people.foreign}` } : { notApplicable: 'the target names no user of another application (BASIQ_FOREIGN_USER_ID)' }) },
  { id: 'accounts-foreign', title: "GET /users/{another application's user}/accounts", request: (c) => (c.people.foreign ? { method: 'GET', path: `/users/${c.people.foreign}/accounts` } : { notApplicable: 'the target names no user of another application (BASIQ_FOREIGN_USER_ID)' }) },
]

const SERVER_ONLY: readonly OperationId[] = ['create-user', 'accounts-a', 'accounts-b', 'jobs-a', 'auth-link-a', 'accounts-foreign']
const USER_READS: readonly OperationId[] = ['user-a', 'user-b', 'user-unknown', 'user-foreign']
/** What a SERVER_ACCESS token gets from each bearer operation (body check names). */
const SERVER_ANSWERS: Record<Exclude<OperationId, 'token'>, [number, string, string]> = {
  'create-user': [201, 'userCreated', 'BASIQ-SCOPE-SERVER-ALL'],
  'user-a': [200, 'user', 'BASIQ-SCOPE-SERVER-ALL'],
  'user-b': [200, 'user', 'BASIQ-SCOPE-SERVER-ALL'],
  'accounts-a': [200, 'list', 'BASIQ-SCOPE-SERVER-ALL'],
  'accounts-b': [200, 'list', 'BASIQ-SCOPE-SERVER-ALL'],
  'jobs-a': [200, 'list', 'BASIQ-SCOPE-SERVER-ALL'],
  'auth-link-a': [201, 'authLink', 'BASIQ-SCOPE-SERVER-ALL'],
  'job-a': [200, 'job', 'BASIQ-SCOPE-SERVER-ALL'],
  'job-b': [200, 'job', 'BASIQ-SCOPE-SERVER-ALL'],
  institutions: [200, 'institutions', 'BASIQ-SCOPE-SERVER-ALL'],
  'user-unknown': [404, 'userNotFound', 'BASIQ-USER-NOT-FOUND'],
  'user-foreign': [404, 'userNotFound', 'BASIQ-USER-APPLICATION-ISOLATION'],
  'accounts-foreign': [404, 'userNotFound', 'BASIQ-USER-APPLICATION-ISOLATION'],
}

const cell = (status: number, body: string, requirement: string): Expectation => ({ status, body, requirement })

/** A CLIENT_ACCESS token bound to `own` ('a', 'b', or none for a 2.x token): its own user and job, the institutions, nothing more. */
function clientCell(id: Exclude<OperationId, 'token'>, own: 'a' | 'b' | undefined): Expectation {
  if (SERVER_ONLY.includes(id)) return cell(403, 'scopeForbidden', 'BASIQ-SCOPE-CLIENT-FORBIDDEN')
  if (id === 'institutions') return own ? cell(200, 'institutions', 'BASIQ-SCOPE-CLIENT-INSTITUTIONS') : cell(200, 'institutions', 'BASIQ-TOKEN-CLIENT-USERID-2X')
  if (USER_READS.includes(id)) return id === `user-${own}` ? cell(200, 'user', 'BASIQ-SCOPE-CLIENT-OWN-USER') : cell(401, 'otherUser', 'BASIQ-SCOPE-CLIENT-OTHER-USER')
  return id === `job-${own}` ? cell(200, 'job', 'BASIQ-SCOPE-CLIENT-JOB') : cell(403, 'scopeForbidden', 'BASIQ-SCOPE-CLIENT-JOB-OTHER')
}

/** What POST /token answers the key in each of its states. */
const KEY_STATES: Partial<Record<Column, [status: number, body: string, requirement: string]>> = {
  'live-key': [200, 'token', 'BASIQ-TOKEN-OK'],
  'disabled-key': [403, 'accountDisabled', 'BASIQ-TOKEN-KEY-DISABLED'],
  'deleted-key': [404, 'keyUnknown', 'BASIQ-TOKEN-KEY-UNKNOWN'],
  'unknown-key': [404, 'keyUnknown', 'BASIQ-TOKEN-KEY-UNKNOWN'],
}

function expectCell(operation: string, credential: string, _profile: string): Expectation | null {
  const id = operation as OperationId
  const column = credential as Column
  if (id === 'token') {
    if (column === 'none') return cell(400, 'authMissing', 'BASIQ-TOKEN-AUTH-MISSING')
    const keyed = KEY_STATES[column]
    if (keyed) return cell(...keyed)
    // An issued token, tampered, expired or not, is not an API key.
    return cell(400, 'authInvalid', 'BASIQ-TOKEN-NOT-BEARER')
  }
  switch (column) {
    case 'none':
      return cell(401, 'invalidToken', 'BASIQ-BEARER-MISSING')
    case 'tampered':
      return cell(401, 'invalidToken', 'BASIQ-JWT-SIGNATURE')
    case 'expired':
      return cell(403, 'tokenExpired', 'BASIQ-BEARER-EXPIRED')
    case 'server':
      return cell(...SERVER_ANSWERS[id])
    case 'client-a':
      return clientCell(id, 'a')
    // The server-only routes refuse any CLIENT_ACCESS token alike, scope before user: user A's column shows it; the
    // other client columns show what their own user binding changes.
    case 'client-b':
      return SERVER_ONLY.includes(id) ? null : clientCell(id, 'b')
    case 'client-2x':
      return SERVER_ONLY.includes(id) ? null : clientCell(id, undefined)
    default:
      // A key in any state is no bearer credential: bearer.spec.ts sends the live one where a token belongs (401).
      return null
  }
}

const basic = (key: string): Credential => ({ headers: { authorization: `Basic ${key}` } })
const withToken = (token: string): Credential => ({ headers: bearer(token) })

const parse = (a: Answer) => {
  try {
    return JSON.parse(a.text) as Record<string, any>
  } catch {
    return {}
  }
}
/** Whether the table runs against a real target (set with its context): the mock's decided wordings are then not asked for (basiq.ts itemFor). */
let real = false
/** The error `item` in Basiq's envelope, and nothing else in it. */
const error = (item: ErrorItem) => (a: Answer) => {
  const shape = envelopeOf(a.headers['content-type'], a.text)
  if (JSON.stringify(shape) !== JSON.stringify(ENVELOPE)) return `not Basiq's envelope: ${a.text.slice(0, 120)}`
  const body = parse(a)
  // Compared as JSON values, not as text: an object's members have no order (RFC 8259 §4), and Basiq's recordings
  // list them in another order than ITEMS does.
  return matches(body.data, [{ type: 'error', ...itemFor(item, real) }]) ? undefined : `data ${JSON.stringify(body.data).slice(0, 200)}`
}
const lastSegment = (r: OperationRequest) => r.path.split('/').at(-1)
const shaped = (check: (body: Record<string, any>, r: OperationRequest) => boolean) => (a: Answer, r: OperationRequest) =>
  /^application\/json/.test(a.headers['content-type'] ?? '') && check(parse(a), r) ? undefined : `body ${a.text.slice(0, 160)}`

export const basiqAccess: AccessTable<BasiqContext> & { profiles: readonly string[] } = {
  api: 'basiq',
  profiles: ['basiq@3'],
  operations: ops,
  credentials: [
    { id: 'none', title: 'no Authorization', prepare: async () => ({}) },
    { id: 'tampered', title: 'a SERVER_ACCESS token, signature altered', prepare: async (c) => withToken(flipSignature(await c.token('scope=SERVER_ACCESS'))) },
    {
      id: 'expired',
      title: 'an expired SERVER_ACCESS token',
      prepare: async (c) => {
        const token = await c.token('scope=SERVER_ACCESS')
        // One second past its lifetime (a grace period is a defect too).
        await c.clock.advance(c.ttl + 1)
        return withToken(token)
      },
    },
    { id: 'server', title: 'a SERVER_ACCESS token', prepare: async (c) => withToken(await c.token('scope=SERVER_ACCESS')) },
    { id: 'client-a', title: 'a CLIENT_ACCESS token bound to user A', prepare: async (c) => withToken(await c.token(`scope=CLIENT_ACCESS&userId=${c.people.a}`)) },
    { id: 'client-b', title: 'a CLIENT_ACCESS token bound to user B', prepare: async (c) => withToken(await c.token(`scope=CLIENT_ACCESS&userId=${c.people.b}`)) },
    { id: 'client-2x', title: 'a basiq-version 2.0 CLIENT_ACCESS token bound to no user', prepare: async (c) => withToken(await c.token('scope=CLIENT_ACCESS', '2.0')) },
    { id: 'live-key', title: 'the live API key (Basic)', prepare: async (c) => basic(apiKey(c.target)) },
    { id: 'disabled-key', title: "a disabled account's API key", prepare: async (c) => basic(apiKey(c.target, 'disabled')) },
    { id: 'deleted-key', title: 'a deleted API key', prepare: async (c) => basic(apiKey(c.target, 'deleted')) },
    { id: 'unknown-key', title: 'an API key Basiq never issued', prepare: async () => basic(Buffer.from(`${crypto.randomUUID()}:${crypto.randomUUID()}`).toString('base64')) },
  ],
  expect: expectCell,
  bodies: {
    authMissing: error(ITEMS.authorizationMissing),
    authInvalid: error(ITEMS.authorizationInvalid),
    keyUnknown: error(ITEMS.keyUnknown),
    accountDisabled: error(ITEMS.accountDisabled),
    invalidToken: error(ITEMS.invalidToken),
    tokenExpired: error(ITEMS.tokenExpired),
    scopeForbidden: error(ITEMS.scopeForbidden),
    otherUser: error(ITEMS.otherUser),
    userNotFound: error(ITEMS.userNotFound),
    token: shaped((b) => typeof b.access_token === 'string' && b.token_type === 'Bearer' && Number.isInteger(b.expires_in)),
    userCreated: shaped((b) => b.type === 'user' && typeof b.id === 'string' && typeof b.links?.self === 'string'),
    // What each principal sees: the user it asked for, no other.
    user: shaped((b, r) => b.type === 'user' && b.id === lastSegment(r)),
    list: shaped((b) => b.type === 'list' && Array.isArray(b.data)),
    authLink: shaped((b, r) => b.type === 'auth_link' && b.userId === r.path.split('/')[2] && typeof b.links?.public === 'string'),
    job: shaped((b, r) => b.type === 'job' && b.id === lastSegment(r)),
    institutions: shaped((b) => b.type === 'list' && Array.isArray(b.data) && b.data.length > 0),
  },
}

/** What the table needs on this target: its users and jobs (created where it names none), and tokens on demand. */
export async function basiqContext({ request, target, clock }: { request: APIRequestContext; target: Target; clock: TargetClock }): Promise<BasiqContext> {
  real = !target.control
  let server: Promise<string> | undefined
  const token = (body: string, version?: string) => tokenFor(request, target, body, version ? { version } : {})
  const serverToken = () => (server ??= token('scope=SERVER_ACCESS'))
  return { people: await people(request, target, serverToken), unknownUser: crypto.randomUUID(), ttl: Number(target.settings.tokenTtl), clock, target, token }
}
