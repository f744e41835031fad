import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { components } from '../../openapi/types/exceptionless.ts'
import { expect, expectEach, finding, precondition, type Target } from '../../harness/index.ts'

export type ViewToken = components['schemas']['ViewToken']

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
export const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` })

/** The user of targets.yaml role `user` (or `globalUser`, or `lockout`: an account the suite may lock for 15 minutes). */
export function account(target: Target, role: 'user' | 'globalUser' | 'lockout' = 'user') {
  const { email, password } = target.creds(role)
  return { email: email!, password: password! }
}

export function postLogin(request: APIRequestContext, data: unknown): Promise<APIResponse> {
  return request.post('/api/v2/auth/login', { data: data as Record<string, unknown>, headers: { 'content-type': 'application/json' } })
}

const loginTokens = new Map<string, string>()

/**
 * Logs in and returns the token, asserting only that login worked (EXL-LOGIN-OK checks the details).
 * Against a real target the token is reused per worker: the server returns the same login token anyway, and
 * it counts every login attempt per IP (more than 15 in 15 minutes are denied).
 */
export async function loginToken(request: APIRequestContext, target: Target, role: 'user' | 'globalUser' = 'user'): Promise<string> {
  const key = `${target.baseURL} ${role}`
  const cached = target.control ? undefined : loginTokens.get(key)
  if (cached) return cached
  const response = await postLogin(request, account(target, role))
  const denied = response.status() === 401 && ((await response.json().catch(() => ({}))) as { title?: string }).title === wording(target).loginDenied
  const why = denied ? ` (the server answered "${wording(target).loginDenied}": its per-IP limit of 15 failed logins a quarter hour may be spent; run again after the next quarter hour)` : ''
  expect(response.status(), precondition('EXL-LOGIN-OK', `login as ${role} must succeed${why}`)).toBe(200)
  const { token } = (await response.json()) as { token: string }
  if (!target.control) loginTokens.set(key, token)
  return token
}

/** Creates a project key with the user's login token; `scopes` undefined sends the docs' body without scopes. */
export async function createKey(request: APIRequestContext, target: Target, userToken: string, scopes?: string[], projectId = target.settings.projectId!): Promise<ViewToken> {
  const response = await request.post(`/api/v2/projects/${projectId}/tokens`, { data: scopes ? { scopes } : {}, headers: bearer(userToken) })
  expect(response.status(), precondition('EXL-TOKEN-CREATE', `creating a ${scopes?.join('+') ?? 'default'} key must give 201`)).toBe(201)
  return (await response.json()) as ViewToken
}

/** ASP.NET's ProblemDetails type per status (ProblemDetailsDefaults: the RFC 9110 section; 422 the WebDAV RFC's). */
const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  422: 'https://tools.ietf.org/html/rfc4918#section-11.2',
}

/** One answer to check: what it was (shown in the diff), the response, the status and title it must have. */
export type ProblemCase = readonly [name: string, response: APIResponse, status: number, title?: string]

/**
 * Asserts RFC 9457 ProblemDetails answers as Exceptionless sends them, several at once, each assertion covering
 * every case (the message names each that is off). The status, then the title (Exceptionless puts the message
 * there) belong to `id`, the requirement under test; the envelope, checked between them, to
 * EXL-PROBLEM-DETAILS, so a wrong envelope fails that one requirement and blocks, not fails, the rest.
 * Returns the parsed bodies.
 */
export async function expectProblems(cases: readonly ProblemCase[], id: string): Promise<Record<string, unknown>[]> {
  const bodies: Record<string, unknown>[] = []
  for (const [, response] of cases) bodies.push((await response.json().catch(() => ({}))) as Record<string, unknown>)
  const expected = cases.map(([name, , status]) => `${name ? `${name} → ` : ''}${status}`).join(', ')
  expectEach(
    finding(id, `expected ${expected}`),
    cases.map(([name, response, status]) => [name, response.status(), status]),
  )
  expectEach(
    finding('EXL-PROBLEM-DETAILS', `(${id}) application/problem+json with status equal to the HTTP status, the type of that status, and instance "<METHOD> <path>" (no query string)`),
    cases.map(([name, response, status], i) => {
      const body = bodies[i]!
      const actual = {
        problemJson: /^application\/problem\+json/.test(response.headers()['content-type'] ?? ''),
        status: body.status,
        type: body.type,
        instance: /^[A-Z]+ \/api\/v[12]\/[^?#]*$/.test(String(body.instance)),
      }
      return [name, actual, { problemJson: true, status, type: PROBLEM_TYPES[status] ?? expect.any(String), instance: true }]
    }),
    (actual) => JSON.stringify(actual),
  )
  const titled = cases.flatMap(([name, , , title], i) => (title === undefined ? [] : [[name, bodies[i]!.title, title] as const]))
  if (titled.length) expectEach(finding(id, 'ProblemDetails title'), titled)
  return bodies
}

/** One ProblemDetails answer with `status` (and `title`, when given); see expectProblems. */
export async function expectProblem(response: APIResponse, status: number, id: string, title?: string): Promise<Record<string, unknown>> {
  return (await expectProblems([['', response, status, title]], id))[0]!
}

/** The titles and challenge each profile sends (8.5's MVC controllers answered with bare Unauthorized()/Forbidden()). */
export function wording(target: Target) {
  const v85 = target.profile === 'exceptionless@8.5'
  return {
    loginFailed: v85 ? 'Unauthorized' : 'Login failed.',
    loginDenied: v85 ? 'Unauthorized' : 'Login denied.',
    tokenAdmin: (action: 'access' | 'create' | 'update' | 'delete') => (v85 ? 'Forbidden' : `Token authentication cannot ${action} tokens.`),
    /** The 401 challenge of /api/v2 (since 8.6.1), or none. */
    challenge: v85 ? undefined : `Bearer resource_metadata="${new URL(target.baseURL).origin}/.well-known/oauth-protected-resource/api/v2"`,
  }
}

/** 401 ProblemDetails for every response, with the profile's challenge (RFC 6750 §3; none before 8.6.1). */
export async function expectUnauthorized(target: Target, responses: APIResponse | readonly (readonly [string, APIResponse])[], id: string): Promise<void> {
  const cases = Array.isArray(responses) ? (responses as readonly (readonly [string, APIResponse])[]) : [['', responses as APIResponse] as const]
  await expectProblems(
    cases.map(([name, response]) => [name, response, 401] as const),
    id,
  )
  const challenge = wording(target).challenge
  expectEach(
    finding(id, challenge ? `a 401 carries the challenge ${challenge}` : 'a 401 carries no challenge (8.5 and earlier)'),
    cases.map(([name, response]) => [name, response.headers()['www-authenticate'], challenge]),
  )
}
