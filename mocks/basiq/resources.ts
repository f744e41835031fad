import { json, jsonText, readBody } from '../core/http.ts'
import { requireServer, userFor, VALID_ID } from './authenticate.ts'
import { basiqErrors } from './errors.ts'
import type { BasiqJobFixture } from './fixtures.ts'
import type { BasiqPrincipal, BasiqState, UserRecord } from './state.ts'

/**
 * The user-bound and server-only operations the access table needs, with the bodies of core.json/data.json
 * (v3 shape) and the 2.x recordings. Links are built on the request's origin, so a client can follow them to
 * the mock. Who may call what (facts.md §7; the legacy swagger's per-operation scopes, confirmed by the error page):
 * SERVER_ACCESS everything of its application; CLIENT_ACCESS its own user, its own user's jobs and the institutions.
 */
const JSON_TYPE = { 'content-type': 'application/json' }
const ok = (body: unknown, status = 200) => json(body, status, JSON_TYPE)
/** The request's origin; the last URL's answer kept, since one client sends many requests to one origin. */
const lastOrigin = { prefix: '', origin: '' }
const originOf = (request: Request) => {
  const { url } = request
  const end = url.indexOf('/', url.indexOf('//') + 2)
  const prefix = end < 0 ? url : url.slice(0, end)
  if (prefix !== lastOrigin.prefix) {
    lastOrigin.origin = new URL(url).origin
    lastOrigin.prefix = prefix
  }
  return lastOrigin.origin
}
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MOBILE = /^\+?[0-9]{8,15}$/
const USER_FIELDS = ['email', 'mobile', 'firstName', 'middleName', 'lastName', 'businessName', 'businessIdNo', 'businessIdNoType'] as const

/** A JSON object body, `{}` for none, or undefined when it cannot be read. */
async function objectBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const body = await readBody(request)
  if (body.kind === 'empty') return {}
  if (body.kind !== 'json' || typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) return undefined
  return body.value as Record<string, unknown>
}

/** `POST /users` (SERVER_ACCESS) → 201; errors in the order of ERR's POST /users rows. */
export async function createUser(request: Request, state: BasiqState, principal: BasiqPrincipal): Promise<Response> {
  requireServer(principal, state)
  const body = await objectBody(request)
  if (!body || USER_FIELDS.some((f) => body[f] !== undefined && typeof body[f] !== 'string')) throw basiqErrors.bodyInvalid('user')
  const field = (name: (typeof USER_FIELDS)[number]) => (body[name] as string | undefined) ?? ''
  const [email, mobile] = [field('email'), field('mobile')]
  if (!email && !mobile && !state.mutants.has('create-user-unvalidated')) throw basiqErrors.emailOrMobile()
  if (email && !EMAIL.test(email)) throw basiqErrors.badFormat('email')
  if (mobile && !MOBILE.test(mobile)) throw basiqErrors.badFormat('mobile')
  if (field('businessIdNo') && !field('businessName')) throw basiqErrors.businessName()
  const user: UserRecord = {
    id: crypto.randomUUID(),
    applicationId: principal.applicationId,
    email,
    mobile,
    firstName: field('firstName'),
    middleName: field('middleName'),
    lastName: field('lastName'),
    accounts: [],
  }
  state.users.set(user.id, user)
  const names = Object.fromEntries((['firstName', 'middleName', 'lastName'] as const).filter((n) => body[n] !== undefined).map((n) => [n, user[n]]))
  // `email` is left out when none was given: core.json's UserPostResponse makes it optional but `format: email`.
  return ok({ type: 'user', id: user.id, ...(email ? { email } : {}), mobile, ...names, links: { self: `${originOf(request)}/users/${user.id}` } }, 201)
}

/**
 * Each user's GET body as last serialised, with the origin it links to. A user record is never edited (POST
 * /users adds a new one) and its jobs are the fixtures', so the body changes only with the origin.
 */
const userBodies = new WeakMap<UserRecord, { origin: string; text: string }>()

/** The `deleted-user-cached` defect: users as GET /users/{userId} last read them, a cache DELETE does not clear. */
const readCache = new WeakMap<BasiqState, Map<string, UserRecord>>()

/** `GET /users/{userId}`: SERVER_ACCESS, or CLIENT_ACCESS bound to this user (legacy grant, kept by the error page). */
export function getUser(request: Request, state: BasiqState, principal: BasiqPrincipal, userId: string): Response {
  // The `client-own-user-forbidden` defect: the v3 docs' "CLIENT_ACCESS only grants … the Consent UI" enforced.
  if (principal.scope === 'CLIENT_ACCESS' && state.mutants.has('client-own-user-forbidden')) throw basiqErrors.scopeForbidden()
  const stale = state.mutants.has('deleted-user-cached') ? readCache.get(state)?.get(userId) : undefined
  const user = stale && (principal.scope === 'SERVER_ACCESS' || principal.userId === userId) ? stale : userFor(principal, userId, state)
  if (state.mutants.has('deleted-user-cached')) {
    let cache = readCache.get(state)
    if (!cache) readCache.set(state, (cache = new Map()))
    cache.set(userId, user)
  }
  const origin = originOf(request)
  let cached = userBodies.get(user)
  if (cached?.origin !== origin) userBodies.set(user, (cached = { origin, text: JSON.stringify(userView(user, origin, state)) }))
  return jsonText(cached.text, 200, JSON_TYPE)
}

function userView(user: UserRecord, origin: string, state: BasiqState) {
  const base = `${origin}/users/${user.id}`
  const connections = [...new Set([...user.accounts.map((a) => String(a.connection)), ...jobsOf(user.id, state).map((j) => j.connection)])]
  const ref = (type: string, path: string) => (id: string) => ({ type, id, links: { self: `${base}/${path}/${id}` } })
  return {
    type: 'user',
    id: user.id,
    email: user.email,
    mobile: user.mobile,
    name: [user.firstName, user.middleName, user.lastName].filter(Boolean).join(' '),
    firstName: user.firstName,
    middleName: user.middleName,
    lastName: user.lastName,
    accounts: { type: 'list', count: user.accounts.length, data: user.accounts.map((a) => ref('account', 'accounts')(String(a.id))) },
    connections: { type: 'list', count: connections.length, data: connections.map(ref('connection', 'connections')) },
    links: { accounts: `${base}/accounts`, auth_link: null, connections: `${base}/connections`, self: base, transactions: `${base}/transactions` },
  }
}

/** `GET /users/{userId}/accounts` (SERVER_ACCESS only). */
export function getAccounts(request: Request, state: BasiqState, principal: BasiqPrincipal, userId: string): Response {
  requireServer(principal, state)
  const user = userFor(principal, userId, state)
  const origin = originOf(request)
  const base = `${origin}/users/${user.id}`
  const data = user.accounts.map((a) => ({
    type: 'account',
    ...a,
    links: {
      self: `${base}/accounts/${a.id}`,
      transactions: `${base}/transactions?filter=account.id.eq('${a.id}')`,
      connection: null,
      institution: `${origin}/institutions/${String(a.institution)}`,
    },
  }))
  return ok({ type: 'list', data, links: { self: `${base}/accounts` } })
}

/** `GET /users/{userId}/jobs` (SERVER_ACCESS only). */
export function getUserJobs(request: Request, state: BasiqState, principal: BasiqPrincipal, userId: string): Response {
  requireServer(principal, state)
  const user = userFor(principal, userId, state)
  const jobs = jobsOf(user.id, state).map((j) => jobView(j, user.id, originOf(request)))
  return ok({ type: 'list', size: jobs.length, data: jobs, links: { self: `${originOf(request)}/users/${user.id}/jobs` } })
}

/**
 * `GET /jobs/{jobId}`: SERVER_ACCESS for its application's jobs; CLIENT_ACCESS for its own user's ("Check job
 * status", the live authentication page; the legacy swagger; the v3 starter kit polls it from the browser) and
 * 403 `forbidden-access` for anyone else's (decision: the route's only listed authorisation error, ERR L5219).
 */
export function getJob(request: Request, state: BasiqState, principal: BasiqPrincipal, jobId: string): Response {
  const { mutants } = state
  if (!VALID_ID.test(jobId)) throw basiqErrors.jobIdNotValid()
  const job = state.jobs.get(jobId)
  const owner = job && state.users.get(job.userId)
  if (!job || !owner) throw basiqErrors.jobNotFound()
  if (principal.scope === 'CLIENT_ACCESS' && mutants.has('client-jobs-forbidden')) throw basiqErrors.scopeForbidden()
  const bound = principal.scope === 'CLIENT_ACCESS' || mutants.has('ownership-for-server-tokens')
  if (bound && principal.userId !== job.userId && !mutants.has('client-reads-any-job')) throw basiqErrors.scopeForbidden()
  if (owner.applicationId !== principal.applicationId && !mutants.has('cross-application-users')) throw basiqErrors.jobNotFound()
  return ok(jobView(job, job.userId, originOf(request)))
}

/** `GET /institutions` (legacy 2.x route, both scopes; basiq-sdk-nodejs calls it first). */
export function getInstitutions(request: Request, state: BasiqState, principal: BasiqPrincipal): Response {
  if (principal.scope === 'CLIENT_ACCESS' && state.mutants.has('client-institutions-forbidden')) throw basiqErrors.scopeForbidden()
  const origin = originOf(request)
  const data = state.fixtures.institutions.map((i) => ({ type: 'institution', ...i, links: { self: `${origin}/institutions/${i.id}` } }))
  return ok({ type: 'list', totalCount: data.length, data, links: { self: `${origin}/institutions` } })
}

/**
 * `DELETE /users/{userId}` (SERVER_ACCESS) → 204; the user is gone for every route after (ERR's DELETE /users/{userId}
 * and GET rows: 404 "Requested user does not exist … It may have been deleted"). Tokens bound to it stay valid
 * JWTs, and get that 404 for it.
 */
export function deleteUser(_request: Request, state: BasiqState, principal: BasiqPrincipal, userId: string): Response {
  requireServer(principal, state)
  const user = userFor(principal, userId, state)
  state.users.delete(user.id)
  return new Response(null, { status: 204 })
}

/** `POST /users/{userId}/auth_link` (SERVER_ACCESS only) → 201; it expires after 7 days (authlinks/index.md). */
export async function createAuthLink(request: Request, state: BasiqState, principal: BasiqPrincipal, userId: string): Promise<Response> {
  requireServer(principal, state)
  const user = userFor(principal, userId, state)
  const body = await objectBody(request)
  if (!body || (body.mobile !== undefined && typeof body.mobile !== 'string')) throw basiqErrors.bodyInvalid('auth link')
  const mobile = (body.mobile as string | undefined) || user.mobile
  if (!mobile) throw basiqErrors.mobileRequired()
  if (!MOBILE.test(mobile)) throw basiqErrors.badFormat('mobile')
  const self = `${originOf(request)}/users/${user.id}/auth_link`
  const expiresAt = isoSeconds(state.clock.now() + 7 * 24 * 3600 * 1000)
  return ok({ type: 'auth_link', userId: user.id, expiresAt, mobile, links: { self, public: `https://connect.basiq.io/${crypto.randomUUID()}` } }, 201)
}

function jobsOf(userId: string, state: BasiqState): BasiqJobFixture[] {
  return [...state.jobs.values()].filter((j) => j.userId === userId)
}

const STEP_PATH: Record<BasiqJobFixture['steps'][number]['title'], string> = {
  'verify-credentials': 'connections/{connection}',
  'retrieve-accounts': "accounts?filter=institution.id.eq('{institution}')",
  'retrieve-transactions': "transactions?filter=institution.id.eq('{institution}')",
  'retrieve-statements': "statements?filter=institution.id.eq('{institution}')",
}

/** A job as Basiq shows it: finished steps link to their result, steps not yet run carry `"result": null`. */
function jobView(job: BasiqJobFixture, userId: string, origin: string) {
  const fill = (path: string) => path.replace('{connection}', job.connection).replace('{institution}', job.institution)
  return {
    type: 'job',
    id: job.id,
    jobType: 'connection',
    created: job.created,
    updated: job.updated,
    institution: { type: 'institution', id: job.institution, links: { self: `${origin}/institutions/${job.institution}` } },
    steps: job.steps.map((s) => ({ title: s.title, status: s.status, result: s.status === 'success' ? { type: 'link', url: `/users/${userId}/${fill(STEP_PATH[s.title])}` } : null })),
    links: { self: `${origin}/jobs/${job.id}`, source: `${origin}/users/${userId}/connections/${job.connection}` },
  }
}
