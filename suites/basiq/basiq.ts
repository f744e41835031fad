import { appendFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { components } from '../../openapi/types/basiq.ts'
import { expect, expectEach, finding, matches, precondition, type Case, type Target } from '../../harness/index.ts'

export type TokenResponse = components['schemas']['TokenResponse']
export type ErrorItem = Omit<components['schemas']['ErrorItem'], 'type'>

/** The version the docs' examples send; later requests need none (versioning-1.md L17). */
export const VERSION = '3.0'
export const FORM = 'application/x-www-form-urlencoded'

/** The API key of a targets.yaml role (`live`, `disabled`, `deleted`, `limited`); skips the test, naming the variables, when unset. */
export const apiKey = (target: Target, role = 'live') => target.creds(role).apiKey!

/** What a token request sends: `authorization` null for none, `version` null for no basiq-version, a body and its type. */
export interface TokenRequest {
  authorization?: string | null
  version?: string | null
  body?: string | Buffer | null
  contentType?: string | null
  headers?: Record<string, string>
}

/**
 * The token requests this run sends a real target, by every worker: Basiq limits /token per client IP over a
 * sliding window (BASIQ-TOKEN-RATE-LIMIT), so that check must know how many of the run's other requests fell in
 * its window. One file per run (the run's limiter URL names it) and target; a line per request, its time in ms.
 */
const tokenLog = (target: Target) => join(tmpdir(), `authconform-basiq-tokens-${Buffer.from(`${process.env.AUTHCONFORM_LIMITER ?? process.ppid} ${target.baseURL}`).toString('base64url')}`)
export function noteTokenRequest(target: Target): void {
  if (target.control) return
  try {
    appendFileSync(tokenLog(target), `${Date.now()}\n`)
  } catch {
    /* the count is a tolerance, not a check */
  }
}
/** The times of the token requests this run sent the target (see noteTokenRequest). */
export function tokenRequestTimes(target: Target): number[] {
  try {
    return readFileSync(tokenLog(target), 'utf8').split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

/** POST /token as the docs show it (the live key, basiq-version 3.0, form scope=SERVER_ACCESS), with any part replaced. */
export function postToken(request: APIRequestContext, target: Target, r: TokenRequest = {}): Promise<APIResponse> {
  const authorization = r.authorization === undefined ? `Basic ${apiKey(target)}` : r.authorization
  const version = r.version === undefined ? VERSION : r.version
  const body = r.body === undefined ? 'scope=SERVER_ACCESS' : r.body
  const contentType = r.contentType === undefined ? FORM : r.contentType
  const headers: Record<string, string> = {
    ...(authorization === null ? {} : { authorization }),
    ...(version === null ? {} : { 'basiq-version': version }),
    ...(contentType === null || body === null ? {} : { 'content-type': contentType }),
    ...r.headers,
  }
  noteTokenRequest(target)
  return request.post('/token', { headers, ...(body === null ? {} : { data: Buffer.from(body) }) })
}

/** The form of a token request for a scope (and the user a CLIENT_ACCESS token is bound to). */
export const scopeForm = (scope: 'SERVER_ACCESS' | 'CLIENT_ACCESS', userId?: string) => `scope=${scope}${userId === undefined ? '' : `&userId=${encodeURIComponent(userId)}`}`

/** The access token of a token answer, or '' (the caller asserts). */
export async function accessToken(response: APIResponse): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as Partial<TokenResponse>
  return typeof body.access_token === 'string' ? body.access_token : ''
}

/** Obtains a token, asserting only that it was issued (BASIQ-TOKEN-OK checks the answer in full). */
export async function tokenFor(request: APIRequestContext, target: Target, body = 'scope=SERVER_ACCESS', r: TokenRequest = {}): Promise<string> {
  const response = await postToken(request, target, { body, ...r })
  const token = await accessToken(response)
  // Asserted only when it fails: a passing expect is a Playwright step, and nearly every check starts here.
  if (response.status() !== 200 || !token) {
    expect({ status: response.status(), token: token !== '' }, precondition('BASIQ-TOKEN-OK', `POST /token (${body}, basiq-version ${r.version ?? VERSION}) must issue a token`)).toEqual({ status: 200, token: true })
  }
  return token
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The users and jobs the suite works with: `a` and `b` of the key's application, each with a job where the target names one. */
export interface People {
  a: string
  b: string
  jobA?: string
  jobB?: string
  /** A user of another application (USER-APPLICATION-ISOLATION), where the target names one. */
  foreign?: string
}

/**
 * The target's users, or users the suite creates with a SERVER_ACCESS token where the target names none (jobs
 * cannot be created through the API: the job checks need BASIQ_JOB_ID and BASIQ_OTHER_JOB_ID).
 */
export async function people(request: APIRequestContext, target: Target, server: () => Promise<string>): Promise<People> {
  const s = target.settings
  const create = async (mobile: string) => {
    const created = await request.post('/users', { headers: { ...bearer(await server()), 'content-type': 'application/json' }, data: { mobile } })
    const id = ((await created.json().catch(() => ({}))) as { id?: string }).id
    if (created.status() !== 201 || typeof id !== 'string') {
      expect({ status: created.status(), id: typeof id }, precondition('BASIQ-USER-CREATE', 'POST /users must create the user the check works with')).toEqual({ status: 201, id: 'string' })
    }
    return id!
  }
  const a = s.userId || (await create('+61410000001'))
  const b = s.otherUserId || (await create('+61410000002'))
  return { a, b, ...(s.jobId ? { jobA: s.jobId } : {}), ...(s.otherJobId ? { jobB: s.otherJobId } : {}), ...(s.foreignUserId ? { foreign: s.foreignUserId } : {}) }
}

// --- Refusals -------------------------------------------------------------------------------------------------

/** One refusal to check: what it was, the answer, the status and the error item Basiq documents for it. */
export type RefusalCase = readonly [name: string, response: APIResponse, status: number, item: ErrorItem]

/**
 * What a real target's error item must hold where the mock's wording is a decision (the catalogue says which): the
 * documented part word for word, the rest open. `source` open means absent, null (the recorded 403s) or an object
 * (core.json's error schemas); the codes core.json's ForbiddenAccessError enumerates for its 403s.
 */
const matcher = (name: string, test: (value: unknown) => boolean) => ({ asymmetricMatch: test, toString: () => name, toAsymmetricMatcher: () => name })
const anyString = matcher('any string', (v) => typeof v === 'string')
const anySource = matcher('absent, null or an object', (v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)))
const nullOrObject = matcher('null or an object', (v) => v === null || (typeof v === 'object' && !Array.isArray(v)))
const forbiddenCode = matcher('a ForbiddenAccessError code (core.json)', (v) => v === 'forbidden-access' || v === 'no-production-access' || v === 'access-denied')
const REAL = new WeakMap<object, Record<string, unknown>>()
/** An item whose wording is partly the mock's decision: `real` is what any target must answer. */
const decided = <T extends object>(item: T, real: Record<string, unknown>): T => (REAL.set(item, real), item)
/** The item as a target must answer it: word for word on the mock, the documented part on a real target. */
export const itemFor = (item: ErrorItem, real: boolean): Record<string, unknown> => (real ? (REAL.get(item) ?? item) : item)

/** The documented error items, word for word (sources in suites/basiq/requirements.yaml). */
const notValid = (detail: string, parameter: string) => ({ code: 'parameter-not-valid', title: 'Required parameter not valid', detail, source: { parameter, pointer: `header/${parameter}` } })
export const ITEMS = {
  // The detail is ERR's; code, title and source copy the recorded basiq-version error (decision).
  authorizationMissing: decided(notValid('Authorization header parameter is required', 'Authorization'), { code: anyString, title: anyString, detail: 'Authorization header parameter is required', source: anySource }),
  authorizationInvalid: notValid('Invalid authorization header', 'Authorization'),
  versionMissing: notValid('Basiq-version must be specified in HTTP request header', 'basiq-version'),
  // Only 0.9's sentence is documented (ERR L219); any other version's refusal is the mock's wording (decision).
  versionUnsupported: (v: string) => {
    const item = notValid(`Version ${v} is no longer supported. Please upgrade to the latest version`, 'basiq-version')
    return v === '0.9' ? item : decided(item, { code: anyString, title: anyString, detail: anyString, source: anySource })
  },
  keyUnknown: { code: 'parameter-not-valid', title: 'We have encountered an error', detail: 'Unable to authenticate. Please, check your API key' },
  // The detail is ERR's; code, title and source null copy the recorded expired-token 403 (decision).
  accountDisabled: decided(
    { code: 'access-denied', title: 'Access denied.', detail: 'Your account has been disabled. Please contact Basiq support.', source: null },
    { code: forbiddenCode, title: anyString, detail: 'Your account has been disabled. Please contact Basiq support.', source: nullOrObject },
  ),
  rateLimited: decided({ code: 'access-denied', title: 'Access denied.', detail: 'Invalid request', source: null }, { code: forbiddenCode, title: anyString, detail: 'Invalid request', source: nullOrObject }),
  bodyInvalid: { code: 'invalid-content', title: 'Invalid request content.', detail: 'Posted token request is not in valid format.' },
  scopeInvalid: { code: 'parameter-not-valid', title: 'Required parameter not valid', detail: 'Scope value is not valid', source: { parameter: 'scope', pointer: 'body/scope' } },
  // No source shows this error: its status is the rule's, the rest the mock's wording (decision).
  userIdRequired: decided(
    { code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: 'userId parameter is required for CLIENT_ACCESS scope.', source: { parameter: 'userId', pointer: 'body/userId' } },
    { code: anyString, title: anyString, detail: anyString, source: anySource },
  ),
  invalidToken: { code: 'invalid-authorization-token', title: 'Invalid authorization token.' },
  tokenExpired: { code: 'access-denied', title: 'Access denied.', detail: 'Token has expired', source: null },
  // Code, title and detail are core.json's ForbiddenAccessError; its schema requires source to be an object, the
  // recorded 403 has null: the mock sends null, a real target may send either.
  scopeForbidden: decided(
    { code: 'forbidden-access', title: 'Forbidden Access', detail: 'Access to this resource is forbidden', source: null },
    { code: 'forbidden-access', title: 'Forbidden Access', detail: 'Access to this resource is forbidden', source: nullOrObject },
  ),
  otherUser: { code: 'unauthorized-access', title: 'Unauthorized Access', detail: 'You are not authorized to access this resource' },
  userNotFound: { code: 'resource-not-found', title: 'Requested resource is not found', detail: 'Requested user does not exist.' },
  emailOrMobile: { code: 'parameter-not-supplied', title: 'Required parameter not supplied', detail: "One of 'email' or 'mobile' is required.", source: {} },
} as const satisfies Record<string, ErrorItem | ((v: string) => ErrorItem)>

/** Basiq's envelope around one error, as a shape: what BASIQ-ERROR-ENVELOPE requires of every 4xx. */
export function envelopeOf(contentType: string | undefined, text: string): { json: boolean; type?: unknown; correlationId: boolean; items: boolean; itemType?: unknown } {
  let body: { type?: unknown; correlationId?: unknown; data?: { type?: unknown }[] } = {}
  try {
    body = JSON.parse(text) as typeof body
  } catch {
    /* not JSON: every field below is off */
  }
  return {
    json: /^application\/json/.test(contentType ?? ''),
    type: body.type,
    correlationId: typeof body.correlationId === 'string' && body.correlationId.length > 0,
    items: Array.isArray(body.data) && body.data.length > 0,
    itemType: Array.isArray(body.data) ? body.data[0]?.type : undefined,
  }
}
export const ENVELOPE = { json: true, type: 'list', correlationId: true, items: true, itemType: 'error' }

/** The first error item of an answer, or what it was instead. */
export function itemOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { data?: unknown[] }).data?.[0] ?? text.slice(0, 120)
  } catch {
    return text.slice(0, 120)
  }
}

/** JSON with its keys sorted: two plain values are equal when these are. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v)) ?? 'undefined'

/**
 * Refusals checked in full, in one assertion for the whole family (each `expect` is a Playwright step, and the
 * mutant sweep runs every family once per mutant): the status, never "anything but 2xx"; Basiq's list envelope;
 * and the error item field by field — code, title, detail, source, nothing else (on a real target only the
 * documented part where the mock's wording is a decision: itemFor) — with, on the mock, no
 * WWW-Authenticate (none is documented; not asserted against a real target, see BASIQ-BEARER-MISSING). The
 * assertion names the requirement of the first view that is off, in that order: `id` (the requirement under
 * test) for a status, BASIQ-ERROR-ENVELOPE for an envelope, `id` again for the item. Its diff shows every case.
 */
export async function expectRefusals(cases: readonly RefusalCase[], id: string, target: Target): Promise<void> {
  const texts = await Promise.all(cases.map(([, response]) => response.text()))
  const views = cases.map(([name, response, status, item], i) => {
    const envelope = envelopeOf(response.headers()['content-type'], texts[i]!)
    const actual = { status: response.status(), envelope, item: itemOf(texts[i]!), challenge: target.control ? response.headers()['www-authenticate'] : undefined }
    return { name, actual, expected: { status, envelope: ENVELOPE, item: { type: 'error', ...itemFor(item, !target.control) }, challenge: undefined } }
  })
  const off = (view: 'status' | 'envelope') => views.some((v) => !matches(v.actual[view], v.expected[view]))
  const statuses = [...new Set(cases.map(([, , status]) => status))].join('/')
  const message = off('status')
    ? finding(id, `expected ${statuses} for each case`)
    : off('envelope')
      ? finding('BASIQ-ERROR-ENVELOPE', `(${id}) application/json {"type":"list","correlationId":…,"data":[{"type":"error",…}]}`)
      : finding(id, `${statuses} and the documented error, field by field (and no challenge, on the mock)`)
  expectEach(
    message,
    views.map((v): Case => [v.name, v.actual, v.expected]),
  )
}

// --- JWTs ----------------------------------------------------------------------------------------------------

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const unb64 = (segment: string | undefined) => {
  try {
    return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** A JWT's header and claims as sent (unverified), `{}` where a part does not decode. */
export const jwtParts = (token: string) => {
  const [header, payload, signature] = token.split('.')
  return { header: unb64(header), claims: unb64(payload), signature: signature ?? '' }
}

/** The token with its claims edited, the original header and signature kept (RFC 7515 §5.2: it must no longer verify). */
export function withClaims(token: string, edit: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.')
  return `${header}.${b64(edit(unb64(payload)))}.${signature}`
}

/** The token with another header (alg none, HS512, RS256), its payload and (unless dropped) its signature kept. */
export function withHeader(token: string, header: Record<string, unknown>, signature?: string): string {
  const [, payload, original] = token.split('.')
  return `${b64(header)}.${payload}.${signature ?? original}`
}

/** One character of the signature changed, in its middle (its last character carries padding bits). */
export function flipSignature(token: string): string {
  const at = token.lastIndexOf('.') + Math.max(1, (token.length - token.lastIndexOf('.')) >> 1)
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`
}
