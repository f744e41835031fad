import type { APIResponse } from '@playwright/test'
import { expect, finding, precondition, req, test } from '../../harness/index.ts'
import { account, basic, bearer, createKey, expectProblem, expectUnauthorized, loginToken, postLogin } from './exceptionless.ts'

/** The query parameters Exceptionless reads a token from. */
const QUERY_NAMES = ['access_token', 'api_key', 'apikey']

test.describe('How credentials are read', () => {
  test('reads a login token from Authorization: Bearer', req('EXL-AUTH-BEARER'), async ({ request, target }) => {
    const token = await loginToken(request, target)
    expect((await request.get('/api/v2/organizations', { headers: bearer(token) })).status(), 'EXL-AUTH-BEARER').toBe(200)
  })

  test('reads Authorization: Token like Bearer, scheme case-insensitively', req('EXL-AUTH-TOKEN-SCHEME'), async ({ request, target }) => {
    const token = await loginToken(request, target)
    const statuses: Record<string, number> = {}
    for (const scheme of ['Token', 'token', 'BEARER']) statuses[`${scheme} <token>`] = (await request.get('/api/v2/organizations', { headers: { authorization: `${scheme} ${token}` } })).status()
    expect(statuses, finding('EXL-AUTH-TOKEN-SCHEME', 'every spelling authenticates')).toEqual({ 'Token <token>': 200, 'token <token>': 200, 'BEARER <token>': 200 })
  })

  test('reads ?access_token=, ?api_key= and ?apikey= when no Authorization header is sent, the first non-empty in that order', req('EXL-AUTH-QUERY'), async ({ request, target }) => {
    const token = await loginToken(request, target)
    const unknown = '0000000000000000000000000000000000000000'
    // The handler takes access_token, then api_key, then apikey: the first that is not empty decides, right or wrong.
    const cases: [string, string, number][] = [
      ...QUERY_NAMES.map((name): [string, string, number] => [`?${name}=<login token>`, `${name}=${token}`, 200]),
      ['?access_token=<unknown>&api_key=<login token>', `access_token=${unknown}&api_key=${token}`, 401],
      ['?access_token=&api_key=<login token>', `access_token=&api_key=${token}`, 200],
      ['?api_key=<unknown>&apikey=<login token>', `api_key=${unknown}&apikey=${token}`, 401],
      ['?apikey=<login token>&api_key=<unknown>', `apikey=${token}&api_key=${unknown}`, 401],
    ]
    const responses: [string, APIResponse][] = []
    for (const [name, query] of cases) responses.push([name, await request.get(`/api/v2/organizations?${query}`)])
    const statuses = Object.fromEntries(responses.map(([name, response]) => [name, response.status()]))
    expect(statuses, finding('EXL-AUTH-QUERY', 'each query parameter authenticates; with several, the first non-empty of access_token, api_key, apikey decides')).toEqual(Object.fromEntries(cases.map(([name, , status]) => [name, status])))
    await expectUnauthorized(target, responses.filter((_, i) => cases[i]![2] === 401), 'EXL-AUTH-QUERY')
  })

  test('reads the query token when the Authorization scheme is one it does not read', req('EXL-AUTH-QUERY'), async ({ request, target }) => {
    const token = await loginToken(request, target)
    const statuses: Record<string, number> = {}
    for (const authorization of ['Digest username="someone", realm="x"', 'ApiKey x']) {
      statuses[authorization] = (await request.get(`/api/v2/organizations?access_token=${token}`, { headers: { authorization } })).status()
    }
    expect(statuses, finding('EXL-AUTH-QUERY', 'an unrecognised scheme falls through to ?access_token=')).toEqual({ 'Digest username="someone", realm="x"': 200, 'ApiKey x': 200 })
  })

  test('marks query-authenticated responses private', req('EXL-AUTH-QUERY-NOCACHE'), async ({ request, target }) => {
    const token = await loginToken(request, target)
    const responses: APIResponse[] = []
    for (const name of QUERY_NAMES) responses.push(await request.get(`/api/v2/organizations?${name}=${token}`))
    const each = <T>(of: (response: APIResponse) => T) => Object.fromEntries(QUERY_NAMES.map((name, i) => [`?${name}=`, of(responses[i]!)]))
    expect(each((r) => r.status()), precondition('EXL-AUTH-QUERY', 'each query parameter authenticates')).toEqual(each(() => 200))
    expect(
      each((r) => r.headers()['cache-control'] ?? '(absent)'),
      finding('EXL-AUTH-QUERY-NOCACHE', 'Cache-Control private or no-store'),
    ).toEqual(each(() => expect.stringMatching(/(^|,)\s*(private|no-store)\s*(,|$)/i)))
  })

  test('never echoes a query-string token in an error', req('EXL-AUTH-QUERY-NOLEAK'), async ({ request, target }) => {
    const key = (await createKey(request, target, await loginToken(request, target), ['client'])).id
    for (const name of ['access_token', 'api_key']) {
      // A client key may not list organizations: a 403 ProblemDetails answered to a query-authenticated request.
      const refused = await request.get(`/api/v2/organizations?${name}=${key}&page=1`)
      expect(refused.status(), precondition('EXL-CLIENT-NO-USER-READ', `a client key given as ?${name}= is refused`)).toBe(403)
      expect(await refused.text(), finding('EXL-AUTH-QUERY-NOLEAK', `the 403 body must not repeat the ?${name}= key`)).not.toContain(key)
      expect(JSON.stringify(refused.headers()), finding('EXL-AUTH-QUERY-NOLEAK', `no header may repeat the ?${name}= key`)).not.toContain(key)
    }
  })

  test('lets the header win over the query string', req('EXL-AUTH-PRECEDENCE'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const client = (await createKey(request, target, user, ['client'])).id
    // A client key in the header and a user token in the query: the header decides, and a client key may not list organizations.
    const headerWins = await request.get(`/api/v2/organizations?access_token=${user}`, { headers: bearer(client) })
    expect(headerWins.status(), finding('EXL-AUTH-PRECEDENCE', 'the client key in the header decides (403), not the user token in the query')).toBe(403)
    // A bad header is not rescued by a good query token.
    const notRescued = await request.get(`/api/v2/organizations?access_token=${user}`, { headers: bearer('0000000000000000000000000000000000000000') })
    expect(notRescued.status(), finding('EXL-AUTH-PRECEDENCE', 'an invalid header token is not rescued by ?access_token=')).toBe(401)
    // Nor is a bare "Bearer": the scheme is read, it names no token, and the query string is not consulted.
    await expectUnauthorized(target, await request.get(`/api/v2/organizations?access_token=${user}`, { headers: { authorization: 'Bearer' } }), 'EXL-AUTH-PRECEDENCE')
    // Nor is a Basic login with a wrong password: Basic is a scheme the server reads, so the query is not.
    const { email } = account(target)
    const badBasic = await request.get(`/api/v2/organizations?access_token=${user}`, { headers: basic(email, 'not-the-password') })
    expect(badBasic.status(), finding('EXL-AUTH-PRECEDENCE', 'a failed Basic email:password is not rescued by ?access_token=')).toBe(401)
  })

  test('reads every Basic variant, and not <key>: or a password holding ":"', req('EXL-AUTH-BASIC'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const key = (await createKey(request, target, user, ['client'])).id
    const { email, password } = account(target)
    const statuses: Record<string, number> = {}
    for (const [name, header] of [
      ['client:<key>', basic('client', key)],
      ['CLIENT:<key>', basic('CLIENT', key)],
      ['<key>:x-oauth-basic', basic(key, 'x-oauth-basic')],
      ['<key>:X-OAUTH-BASIC', basic(key, 'X-OAUTH-BASIC')],
    ] as const) {
      statuses[`${name} on /projects/config`] = (await request.get('/api/v2/projects/config', { headers: header })).status()
    }
    statuses['email:password on /organizations'] = (await request.get('/api/v2/organizations', { headers: basic(email, password) })).status()
    expect(statuses, finding('EXL-AUTH-BASIC', 'every Basic variant authenticates, the markers in any letter case')).toEqual(Object.fromEntries(Object.keys(statuses).map((name) => [name, 200])))
    // GetBasicAuth splits on every ":" and drops empty parts: one part or three is no credential at all.
    const refused: [string, APIResponse][] = [
      ['<key>: (an empty password)', await request.get('/api/v2/projects/config', { headers: basic(key, '') })],
      ['email:<a wrong password>', await request.get('/api/v2/organizations', { headers: basic(email, 'not-the-password') })],
    ]
    const colon = target.optionalCreds('colonUser')
    if (!colon.missing) {
      const { email: colonEmail, password: colonPassword } = colon.values as { email: string; password: string }
      expect((await postLogin(request, { email: colonEmail, password: colonPassword })).status(), precondition('EXL-LOGIN-OK', 'the user whose password holds ":" logs in with it')).toBe(200)
      refused.push(['email:<a password holding ":">', await request.get('/api/v2/organizations', { headers: basic(colonEmail, colonPassword) })])
    }
    await expectUnauthorized(target, refused, 'EXL-AUTH-BASIC')
  })

  test('refuses an unknown token and an unparseable header with 401, the query string unread', req('EXL-AUTH-INVALID'), async ({ request, target }) => {
    const refusals: [string, APIResponse][] = []
    for (const authorization of ['Bearer 0000000000000000000000000000000000000000', 'Basic %%%not-base64%%%', 'Basic bm9jb2xvbg==', 'Bearer', '@@@']) {
      refusals.push([authorization, await request.get('/api/v2/organizations', { headers: { authorization } })])
    }
    refusals.push(['?access_token=0000…', await request.get('/api/v2/organizations?access_token=0000000000000000000000000000000000000000')])
    // A header AuthenticationHeaderValue cannot parse fails authentication: a good query token does not rescue it.
    const login = await loginToken(request, target)
    refusals.push(['@@@ and the login token in ?access_token=', await request.get(`/api/v2/organizations?access_token=${login}`, { headers: { authorization: '@@@' } })])
    await expectUnauthorized(target, refusals, 'EXL-AUTH-INVALID')
  })

  test('refuses a request without credentials with 401 and the profile’s challenge', req('EXL-AUTH-MISSING'), async ({ request, target }) => {
    const key = (await createKey(request, target, await loginToken(request, target), ['client'])).id
    const refusals: [string, APIResponse][] = []
    for (const path of ['/api/v2/organizations', '/api/v2/projects/config', '/api/v2/events']) refusals.push([path, await request.get(path)])
    // X-ApiKey is no place the server reads a key from (the docs' Raygun example authenticates by its ?access_token=).
    refusals.push(['a client key in X-ApiKey', await request.get('/api/v2/projects/config', { headers: { 'x-apikey': key } })])
    // The challenge names the configured origin, whatever host the request claims it was sent to.
    refusals.push(['X-Forwarded-Host: evil.example', await request.get('/api/v2/organizations', { headers: { 'x-forwarded-host': 'evil.example' } })])
    await expectUnauthorized(target, refusals, 'EXL-AUTH-MISSING')
    expect((await request.get(`/api/v2/projects/config?access_token=${key}`, { headers: { 'x-apikey': key } })).status(), precondition('EXL-AUTH-QUERY', 'the same key in ?access_token= authenticates')).toBe(200)
    // The legacy /api/v1 client route: 401 without a challenge in every version (only /api/v2 and /mcp get one).
    const v1 = await request.get('/api/v1/project/config')
    await expectProblem(v1, 401, 'EXL-AUTH-MISSING', 'Unauthorized')
    expect(v1.headers()['www-authenticate'], finding('EXL-AUTH-MISSING', 'GET /api/v1/project/config: no WWW-Authenticate')).toBeUndefined()
    expect((await request.get('/api/v1/project/config', { headers: bearer(key) })).status(), finding('EXL-AUTH-MISSING', 'GET /api/v1/project/config with the client key')).toBe(200)
  })

  test('answers every refusal with ProblemDetails', req('EXL-PROBLEM-DETAILS'), async ({ request, target }) => {
    await expectProblem(await request.get('/api/v2/organizations'), 401, 'EXL-PROBLEM-DETAILS', 'Unauthorized')
    const user = await loginToken(request, target)
    const client = (await createKey(request, target, user, ['client'])).id
    await expectProblem(await request.get('/api/v2/organizations', { headers: bearer(client) }), 403, 'EXL-PROBLEM-DETAILS')
    await expectProblem(await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { data: { scopes: ['no-such-scope'] }, headers: bearer(user) }), 422, 'EXL-PROBLEM-DETAILS')
    const notFound = await expectProblem(await request.get(`/api/v2/projects/${target.settings.foreignProjectId}/tokens`, { headers: bearer(user) }), 404, 'EXL-PROBLEM-DETAILS')
    // ASP.NET may add a traceId extension (documented-apis.md §A.2): the one key that is not snake_case.
    for (const key of Object.keys(notFound)) expect(key, finding('EXL-PROBLEM-DETAILS', 'snake_case keys only (and traceId)')).toMatch(/^([a-z_]+|traceId)$/)
    expect(notFound, finding('EXL-PROBLEM-DETAILS', 'no reference_id')).not.toHaveProperty('reference_id')
  })
})
