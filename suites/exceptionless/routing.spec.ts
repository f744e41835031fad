import { expect, finding, req, test } from '../../harness/index.ts'
import { bearer, createKey, expectProblems, loginToken, type ProblemCase } from './exceptionless.ts'

/** What routing decides before any policy: unknown paths, method overrides. */
test.describe('Routing before authorization', () => {
  test('answers a path no endpoint serves with 404 for every caller', req('EXL-UNKNOWN-PATH'), async ({ request, target }) => {
    const login = await loginToken(request, target)
    const key = (await createKey(request, target, login, ['client'])).id
    const path = '/api/v2/no-such-route'
    const cases: ProblemCase[] = [
      ['no credentials', await request.get(path), 404, 'Not Found'],
      ['an unknown key', await request.get(path, { headers: bearer('0000000000000000000000000000000000000000') }), 404, 'Not Found'],
      ['the login token', await request.get(path, { headers: bearer(login) }), 404, 'Not Found'],
      ['a client key', await request.get(path, { headers: bearer(key) }), 404, 'Not Found'],
    ]
    await expectProblems(cases, 'EXL-UNKNOWN-PATH')
  })

  test('routes and authorizes a POST with X-HTTP-Method-Override as the method it names', req('EXL-METHOD-OVERRIDE'), async ({ request, target }) => {
    const login = await loginToken(request, target)
    const key = (await createKey(request, target, login, ['client'])).id
    const victim = (await createKey(request, target, login, ['client'])).id
    const listed = await request.post('/api/v2/organizations', { headers: { ...bearer(login), 'x-http-method-override': 'GET' } })
    const body: unknown = await listed.json().catch(() => undefined)
    const ids = Array.isArray(body) ? body.map((o: { id?: unknown }) => o?.id) : `not a list: ${JSON.stringify(body)?.slice(0, 120)}`
    expect({ status: listed.status(), ids }, finding('EXL-METHOD-OVERRIDE', 'POST /api/v2/organizations as GET: the list')).toEqual({ status: 200, ids: [target.settings.organizationId] })
    // As DELETE, a client key meets the DELETE route's policy (403), never a deletion.
    const asDelete = await request.post(`/api/v2/tokens/${victim}`, { headers: { ...bearer(key), 'x-http-method-override': 'DELETE' } })
    await expectProblems([['POST /api/v2/tokens/{id} as DELETE, with a client key', asDelete, 403, 'Forbidden']], 'EXL-METHOD-OVERRIDE')
    expect((await request.get(`/api/v2/tokens/${victim}`, { headers: bearer(login) })).status(), finding('EXL-METHOD-OVERRIDE', 'the key is still there')).toBe(200)
  })

  test('answers preflights before authentication and exposes the paging, rate-limit and configuration headers', req('EXL-CORS'), async ({ request, target }) => {
    const origin = 'https://probe.example'
    const preflight = await request.fetch('/api/v2/organizations', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
    const p = preflight.headers()
    expect(
      { status: preflight.status(), origin: p['access-control-allow-origin'], credentials: p['access-control-allow-credentials'], challenge: p['www-authenticate'] },
      finding('EXL-CORS', 'a preflight without credentials: 204, the origin reflected, credentials allowed, no challenge'),
    ).toEqual({ status: 204, origin, credentials: 'true', challenge: undefined })
    const answer = await request.get('/api/v2/organizations', { headers: { ...bearer(await loginToken(request, target)), origin } })
    const exposed = (answer.headers()['access-control-expose-headers'] ?? '').toLowerCase().split(/\s*,\s*/)
    expect(
      { status: answer.status(), origin: answer.headers()['access-control-allow-origin'], missing: ['etag', 'x-exceptionless-configversion', 'link', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-result-count'].filter((h) => !exposed.includes(h)) },
      finding('EXL-CORS', 'a cross-origin answer: the origin reflected, the rate-limit, paging and configuration headers exposed'),
    ).toEqual({ status: 200, origin, missing: [] })
  })
})
