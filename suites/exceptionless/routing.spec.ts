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
    const ids = ((await listed.json().catch(() => [])) as { id: string }[]).map((o) => o.id)
    expect({ status: listed.status(), ids }, finding('EXL-METHOD-OVERRIDE', 'POST /api/v2/organizations as GET: the list')).toEqual({ status: 200, ids: [target.settings.organizationId] })
    // As DELETE, a client key meets the DELETE route's policy (403), never a deletion.
    const asDelete = await request.post(`/api/v2/tokens/${victim}`, { headers: { ...bearer(key), 'x-http-method-override': 'DELETE' } })
    await expectProblems([['POST /api/v2/tokens/{id} as DELETE, with a client key', asDelete, 403, 'Forbidden']], 'EXL-METHOD-OVERRIDE')
    expect((await request.get(`/api/v2/tokens/${victim}`, { headers: bearer(login) })).status(), finding('EXL-METHOD-OVERRIDE', 'the key is still there')).toBe(200)
  })
})
