import { expect, expectEach, finding, precondition, req, test } from '../../harness/index.ts'
import { bearer, createKey, expectProblem, expectProblems, expectUnauthorized, loginToken, type ProblemCase, type ViewToken } from './exceptionless.ts'

test.describe('Scopes', () => {
  test('expands user to client+user, and a user-scoped key does client things', req('EXL-SCOPE-IMPLY'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const key = await createKey(request, target, user, ['user'])
    expect([...key.scopes].sort(), finding('EXL-SCOPE-IMPLY', '["user"] is stored as ["client","user"]')).toEqual(['client', 'user'])
    const posted = await request.post('/api/v2/events', { data: { message: 'from a user-scoped key' }, headers: bearer(key.id) })
    expect(posted.status(), finding('EXL-SCOPE-IMPLY', 'user ⇒ client, so the key may post events')).toBe(202)
    const config = await request.get('/api/v2/projects/config', { headers: bearer(key.id) })
    expect(config.status(), finding('EXL-SCOPE-IMPLY', 'user ⇒ client, so the key may read the client configuration')).toBe(200)
    const orgs = await request.get('/api/v2/organizations', { headers: bearer(key.id) })
    expect(orgs.status(), finding('EXL-SCOPE-IMPLY', 'and it has the user scope itself')).toBe(200)
    const listed = ((await orgs.json()) as { id: string }[]).map((o) => o.id)
    expect(listed, "EXL-SCOPE-IMPLY: a project key sees its own organization only, whatever its scope").toEqual([target.settings.organizationId])
    // The same expansion through POST /api/v2/tokens.
    const data = { organization_id: target.settings.organizationId, project_id: target.settings.projectId, scopes: ['user'] }
    const viaTokens = await request.post('/api/v2/tokens', { data, headers: bearer(user) })
    expect(viaTokens.status(), precondition('EXL-TOKEN-CREATE', 'POST /api/v2/tokens creates the key')).toBe(201)
    expect([...((await viaTokens.json()) as ViewToken).scopes].sort(), finding('EXL-SCOPE-IMPLY', 'POST /api/v2/tokens stores ["user"] as ["client","user"] too')).toEqual(['client', 'user'])
  })

  test('lets a global user do user things', req('EXL-SCOPE-IMPLY'), async ({ request, target }) => {
    const admin = await loginToken(request, target, 'globalUser')
    expect((await request.get('/api/v2/organizations', { headers: bearer(admin) })).status(), finding('EXL-SCOPE-IMPLY', 'global ⇒ user')).toBe(200)
    const key = await createKey(request, target, admin, ['global'])
    expect([...key.scopes].sort(), finding('EXL-SCOPE-IMPLY', '["global"] is stored as ["client","global","user"]')).toEqual(['client', 'global', 'user'])
  })

  test('gives a key created with no scopes or an empty scope list the client scope', req('EXL-SCOPE-DEFAULT'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const created: Record<string, unknown> = {}
    for (const [name, body] of [
      ['no scopes', {}],
      ['an empty scope list', { scopes: [] }],
    ] as const) {
      const response = await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { data: body, headers: bearer(user) })
      created[name] = { status: response.status(), scopes: ((await response.json().catch(() => ({}))) as { scopes?: unknown }).scopes }
    }
    expect(created, finding('EXL-SCOPE-DEFAULT', 'created (201) with ["client"]')).toEqual({ 'no scopes': { status: 201, scopes: ['client'] }, 'an empty scope list': { status: 201, scopes: ['client'] } })
  })

  test('lower-cases the scopes of a new key', req('EXL-SCOPE-CASE'), async ({ request, target }) => {
    const key = await createKey(request, target, await loginToken(request, target), ['CLIENT'])
    expect(key.scopes, finding('EXL-SCOPE-CASE', '["CLIENT"] is stored as ["client"]')).toEqual(['client'])
    const posted = await request.post('/api/v2/events', { data: { message: 'from an upper-case scoped key' }, headers: bearer(key.id) })
    expect(posted.status(), finding('EXL-SCOPE-CASE', 'the key has the client role')).toBe(202)
  })

  test('refuses an unknown scope with 422 errors.scopes, and source-maps:write outside 8.7 project keys', req('EXL-SCOPE-UNKNOWN'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const tokens = `/api/v2/projects/${target.settings.projectId}/tokens`
    const cases: ProblemCase[] = []
    for (const scopes of [['admin'], ['client', 'everything']]) cases.push([JSON.stringify(scopes), await request.post(tokens, { data: { scopes }, headers: bearer(user) }), 422])
    const problems = await expectProblems(cases, 'EXL-SCOPE-UNKNOWN')
    expect(problems.map((p) => (p.errors as Record<string, unknown> | undefined)?.scopes), finding('EXL-SCOPE-UNKNOWN', 'errors.scopes says "Invalid token scope requested."')).toEqual([['Invalid token scope requested.'], ['Invalid token scope requested.']])
    // source-maps:write (8.7+, AllScopes): a project key's scope; an organization key has no project for it (422 on project_id).
    const sourceMaps = { scopes: ['source-maps:write'] }
    const forProject = await request.post(tokens, { data: sourceMaps, headers: bearer(user) })
    const forOrganization = await request.post(`/api/v2/organizations/${target.settings.organizationId}/tokens`, { data: sourceMaps, headers: bearer(user) })
    const field = async (r: typeof forProject) => Object.keys(((await r.json().catch(() => ({}))) as { errors?: object }).errors ?? {})
    const v87 = target.profile === 'exceptionless@8.7'
    expect(
      { project: forProject.status(), projectScopes: v87 ? ((await forProject.json()) as { scopes?: unknown }).scopes : await field(forProject), organization: forOrganization.status(), organizationErrors: await field(forOrganization) },
      finding('EXL-SCOPE-UNKNOWN', `source-maps:write ${v87 ? 'on a project key only' : 'is no scope before 8.7'}`),
    ).toEqual(v87 ? { project: 201, projectScopes: ['source-maps:write'], organization: 422, organizationErrors: ['project_id'] } : { project: 422, projectScopes: ['scopes'], organization: 422, organizationErrors: ['scopes'] })
  })

  test('refuses the global scope to a user without the global role', req('EXL-SCOPE-ELEVATION'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const response = await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { data: { scopes: ['global'] }, headers: bearer(user) })
    await expectProblem(response, 422, 'EXL-SCOPE-ELEVATION')
  })
})

test.describe('What a client key is for', () => {
  test('posts an event with a client key', req('EXL-CLIENT-POST-EVENT'), async ({ request, target }) => {
    const key = await createKey(request, target, await loginToken(request, target), ['client'])
    for (const data of [{ message: 'Exceptionless is amazing!' }, { type: 'log', message: 'a log', date: '2030-01-01T12:00:00.0000000-05:00', '@user': { identity: '123456789' } }]) {
      const response = await request.post('/api/v2/events', { data, headers: bearer(key.id) })
      expect(response.status(), finding('EXL-CLIENT-POST-EVENT', '202 Accepted')).toBe(202)
    }
  })

  test('refuses event reads to a client key (the server, not the docs)', req('EXL-CLIENT-NO-EVENT-READ'), async ({ request, target }) => {
    const key = await createKey(request, target, await loginToken(request, target), ['client'])
    await expectProblem(await request.get('/api/v2/events', { headers: bearer(key.id) }), 403, 'EXL-CLIENT-NO-EVENT-READ')
  })

  test('refuses user endpoints to a client key', req('EXL-CLIENT-NO-USER-READ'), async ({ request, target }) => {
    const key = await createKey(request, target, await loginToken(request, target), ['client'])
    await expectProblem(await request.get('/api/v2/organizations', { headers: bearer(key.id) }), 403, 'EXL-CLIENT-NO-USER-READ')
  })
})

test.describe('What each principal sees', () => {
  test('lists exactly the organizations the caller belongs to', req('EXL-ORG-VISIBLE'), async ({ request, target }) => {
    const login = await loginToken(request, target)
    const key = await createKey(request, target, login, ['user'])
    const ids = async (token: string) => {
      const response = await request.get('/api/v2/organizations', { headers: bearer(token) })
      expect(response.status(), precondition('EXL-AUTH-BEARER', 'the organizations are listed')).toBe(200)
      return ((await response.json()) as { id: string }[]).map((o) => o.id).sort()
    }
    const own = [target.settings.organizationId!]
    const cases: [string, unknown, unknown][] = [
      ['the user', await ids(login), own],
      ['a key with the user scope', await ids(key.id), own],
    ]
    expectEach(finding('EXL-ORG-VISIBLE', 'each caller sees exactly its own organizations'), cases)
  })
})
