import { expect, expectEach, finding, precondition, req, test } from '../../harness/index.ts'
import { basic, bearer, createKey, expectProblem, expectProblems, expectUnauthorized, loginToken, type ProblemCase, type ViewToken, wording } from './exceptionless.ts'

test.describe('Project tokens (API keys)', () => {
  test('creates a client key with a login token', req('EXL-TOKEN-CREATE'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const response = await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { data: { scopes: ['client'] }, headers: bearer(user) })
    expect(response.status(), finding('EXL-TOKEN-CREATE', '201 Created')).toBe(201)
    const token = (await response.json()) as ViewToken
    expect(token.id, finding('EXL-TOKEN-CREATE', 'a 40-character key')).toMatch(/^[A-Za-z0-9]{40}$/)
    expect(token, finding('EXL-TOKEN-CREATE', 'ViewToken fields')).toMatchObject({ project_id: target.settings.projectId, organization_id: target.settings.organizationId, scopes: ['client'], is_disabled: false })
    const location = response.headers().location ?? ''
    expect(location, finding('EXL-TOKEN-CREATE', 'Location is the absolute URL of the new token')).toMatch(new RegExp(`^https?://[^/]+/api/v2/tokens/${token.id}$`))
    expect((await request.get('/api/v2/projects/config', { headers: bearer(token.id) })).status(), finding('EXL-TOKEN-CREATE', 'the new key authenticates')).toBe(200)
    // The same through POST /api/v2/tokens.
    const data = { organization_id: target.settings.organizationId, project_id: target.settings.projectId, scopes: ['client'] }
    const other = await request.post('/api/v2/tokens', { data, headers: bearer(user) })
    expect(other.status(), finding('EXL-TOKEN-CREATE', 'POST /api/v2/tokens → 201')).toBe(201)
    const created = (await other.json()) as ViewToken
    expect(other.headers().location ?? '', finding('EXL-TOKEN-CREATE', 'its Location is the absolute URL of the new token')).toMatch(new RegExp(`^https?://[^/]+/api/v2/tokens/${created.id}$`))
    // With no body at all (the scopes default to client), and an organization key (an empty body: no project).
    const bare = await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { headers: bearer(user) })
    const organization = await request.post(`/api/v2/organizations/${target.settings.organizationId}/tokens`, { data: {}, headers: bearer(user) })
    const orgKey = (await organization.json().catch(() => ({}))) as Partial<ViewToken>
    expect(
      { bare: bare.status(), status: organization.status(), organization_id: orgKey.organization_id, project_id: orgKey.project_id ?? null, scopes: orgKey.scopes, location: new RegExp(`^https?://[^/]+/api/v2/tokens/${orgKey.id}$`).test(organization.headers().location ?? '') },
      finding('EXL-TOKEN-CREATE', 'a project key with no body, and an organization key (201, scopes ["client"], no project_id)'),
    ).toEqual({ bare: 201, status: 201, organization_id: target.settings.organizationId, project_id: null, scopes: ['client'], location: true })
    expect((await request.get(`/api/v2/projects/${target.settings.projectId}/config`, { headers: bearer(orgKey.id!) })).status(), finding('EXL-TOKEN-CREATE', 'the organization key authenticates')).toBe(200)
  })

  test('refuses token creation and management to API keys, each action with its own title', req('EXL-TOKEN-KEY-CANNOT-CREATE'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const client = await createKey(request, target, user, ['client'])
    const userScoped = await createKey(request, target, user, ['user'])
    const { projectId, organizationId } = target.settings
    const tokens = `/api/v2/projects/${projectId}/tokens`
    const title = wording(target).tokenAdmin
    const asKey = async (key: string, headers = bearer(key)): Promise<ProblemCase[]> => {
      // A client key fails the user policy first ("Forbidden"); a key with the user scope reaches the handler, which names the action.
      const t = (action: Parameters<typeof title>[0]) => (key === client.id ? 'Forbidden' : title(action))
      const who = key === client.id ? 'a client key' : 'a user-scoped key'
      return [
        [`${who}: POST ${tokens}`, await request.post(tokens, { data: { scopes: ['client'] }, headers }), 403, t('create')],
        [`${who}: POST /organizations/{id}/tokens`, await request.post(`/api/v2/organizations/${organizationId}/tokens`, { data: {}, headers }), 403, t('create')],
        [`${who}: GET /tokens/{id}`, await request.get(`/api/v2/tokens/${client.id}`, { headers }), 403, t('access')],
        [`${who}: GET /organizations/{id}/tokens`, await request.get(`/api/v2/organizations/${organizationId}/tokens`, { headers }), 403, t('access')],
        [`${who}: PATCH /tokens/{id}`, await request.patch(`/api/v2/tokens/${client.id}`, { data: { notes: 'by a key' }, headers }), 403, t('update')],
        [`${who}: PUT /tokens/{id}`, await request.put(`/api/v2/tokens/${client.id}`, { data: { notes: 'by a key' }, headers }), 403, t('update')],
        [`${who}: DELETE /tokens/{id}`, await request.delete(`/api/v2/tokens/${client.id}`, { headers }), 403, t('delete')],
      ]
    }
    const cases = [...(await asKey(client.id)), ...(await asKey(userScoped.id)), ...(await asKey(userScoped.id, basic('client', userScoped.id))).map(([name, ...rest]): ProblemCase => [`${name} (as Basic client:<key>)`, ...rest])]
    await expectProblems(cases, 'EXL-TOKEN-KEY-CANNOT-CREATE')
    expectEach(finding('EXL-TOKEN-KEY-CANNOT-CREATE', 'a policy refusal carries no WWW-Authenticate'), cases.map(([name, response]) => [name, response.headers()['www-authenticate'], undefined]))
    expect((await request.get(`/api/v2/tokens/${client.id}`, { headers: bearer(user) })).status(), finding('EXL-TOKEN-KEY-CANNOT-CREATE', 'the key they tried to change and delete is still there')).toBe(200)
  })

  test('lists, reads, updates and deletes a key', req('EXL-TOKEN-MANAGE'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const key = await createKey(request, target, user, ['client'])
    // The list is paged (limit ≤ 100): walk the pages until the new key shows up or a short page ends the list.
    const listed: string[] = []
    for (let page = 1; page <= 50 && !listed.includes(key.id); page++) {
      const list = await request.get(`/api/v2/projects/${target.settings.projectId}/tokens?page=${page}&limit=100`, { headers: bearer(user) })
      expect(list.status(), finding('EXL-TOKEN-MANAGE', `list page ${page}`)).toBe(200)
      const ids = ((await list.json()) as ViewToken[]).map((t) => t.id)
      listed.push(...ids)
      if (ids.length < 100) break
    }
    expect(listed, finding('EXL-TOKEN-MANAGE', 'the new key is listed')).toContain(key.id)
    const one = await request.get(`/api/v2/tokens/${key.id}`, { headers: bearer(user) })
    expect(one.status(), finding('EXL-TOKEN-MANAGE', 'read one')).toBe(200)
    expect((await one.json()).id).toBe(key.id)
    const patched = await request.patch(`/api/v2/tokens/${key.id}`, { data: { notes: 'updated token' }, headers: bearer(user) })
    expect(patched.status(), finding('EXL-TOKEN-MANAGE', 'PATCH notes')).toBe(200)
    expect((await patched.json()).notes, finding('EXL-TOKEN-MANAGE', 'notes updated')).toBe('updated token')
    // UpdateToken has no organization_id: an update cannot move a key to another organization.
    const moved = await request.patch(`/api/v2/tokens/${key.id}`, { data: { organization_id: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, headers: bearer(user) })
    expect([200, 422], finding('EXL-TOKEN-MANAGE', `a PATCH naming organization_id is ignored (200) or refused (422), got ${moved.status()}`)).toContain(moved.status())
    const after = (await (await request.get(`/api/v2/tokens/${key.id}`, { headers: bearer(user) })).json()) as ViewToken
    expect(after.organization_id, finding('EXL-TOKEN-MANAGE', 'the key stays in its organization')).toBe(target.settings.organizationId)
    const deleted = await request.delete(`/api/v2/tokens/${key.id}`, { headers: bearer(user) })
    expect(deleted.status(), finding('EXL-TOKEN-MANAGE', 'DELETE → 202')).toBe(202)
    expect((await request.get(`/api/v2/tokens/${key.id}`, { headers: bearer(user) })).status(), finding('EXL-TOKEN-MANAGE', 'gone after delete')).toBe(404)
  })

  test('refuses a disabled key with 401', req('EXL-TOKEN-DISABLED'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const key = await createKey(request, target, user, ['client'])
    expect((await request.get('/api/v2/projects/config', { headers: bearer(key.id) })).status(), precondition('EXL-CLIENT-CONFIG', 'the key reads its configuration')).toBe(200)
    expect((await request.get(`/api/v2/projects/config?access_token=${key.id}`)).status(), precondition('EXL-AUTH-QUERY', 'the key works as ?access_token=')).toBe(200)
    const disabled = await request.patch(`/api/v2/tokens/${key.id}`, { data: { is_disabled: true }, headers: bearer(user) })
    expect(disabled.status(), finding('EXL-TOKEN-DISABLED', 'PATCH is_disabled')).toBe(200)
    const refusedAlways = async (when: string) => {
      await expectUnauthorized(target, await request.get('/api/v2/projects/config', { headers: bearer(key.id) }), `EXL-TOKEN-DISABLED (${when}, header)`)
      await expectUnauthorized(target, await request.get(`/api/v2/projects/config?access_token=${key.id}`), `EXL-TOKEN-DISABLED (${when}, ?access_token=)`)
      await expectUnauthorized(target, await request.post('/api/v2/events', { data: { message: 'x' }, headers: bearer(key.id) }), `EXL-TOKEN-DISABLED (${when}, posting an event)`)
    }
    await refusedAlways('disabled')
    // Editing the notes of a disabled key leaves it disabled.
    const noted = await request.patch(`/api/v2/tokens/${key.id}`, { data: { notes: 'still disabled' }, headers: bearer(user) })
    expect(noted.status(), finding('EXL-TOKEN-DISABLED', 'PATCH notes')).toBe(200)
    expect((await noted.json()).is_disabled, finding('EXL-TOKEN-DISABLED', 'a PATCH without is_disabled keeps the key disabled')).toBe(true)
    await refusedAlways('after a PATCH of its notes')
    // Re-enabled, it works again, by header and by query; disabled with PUT, it is refused again.
    const enabled = await request.patch(`/api/v2/tokens/${key.id}`, { data: { is_disabled: false }, headers: bearer(user) })
    expect({ status: enabled.status(), is_disabled: (await enabled.json().catch(() => ({}))).is_disabled }, finding('EXL-TOKEN-DISABLED', 'PATCH is_disabled false')).toEqual({ status: 200, is_disabled: false })
    const back = {
      header: (await request.get('/api/v2/projects/config', { headers: bearer(key.id) })).status(),
      query: (await request.get(`/api/v2/projects/config?access_token=${key.id}`)).status(),
      event: (await request.post('/api/v2/events', { data: { message: 'x' }, headers: bearer(key.id) })).status(),
    }
    expect(back, finding('EXL-TOKEN-DISABLED', 'a re-enabled key works again')).toEqual({ header: 200, query: 200, event: 202 })
    const put = await request.put(`/api/v2/tokens/${key.id}`, { data: { is_disabled: true }, headers: bearer(user) })
    expect({ status: put.status(), is_disabled: (await put.json().catch(() => ({}))).is_disabled }, finding('EXL-TOKEN-DISABLED', 'PUT is_disabled true')).toEqual({ status: 200, is_disabled: true })
    await refusedAlways('disabled with PUT')
  })

  test('refuses a deleted key with 401', req('EXL-TOKEN-DELETED'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const key = await createKey(request, target, user, ['client'])
    expect((await request.get(`/api/v2/projects/config?access_token=${key.id}`)).status(), precondition('EXL-AUTH-QUERY', 'the key works as ?access_token=')).toBe(200)
    expect((await request.delete(`/api/v2/tokens/${key.id}`, { headers: bearer(user) })).status(), finding('EXL-TOKEN-DELETED', 'DELETE → 202')).toBe(202)
    await expectUnauthorized(target, await request.get('/api/v2/projects/config', { headers: bearer(key.id) }), 'EXL-TOKEN-DELETED')
    await expectUnauthorized(target, await request.get(`/api/v2/projects/config?access_token=${key.id}`), 'EXL-TOKEN-DELETED')
  })

  test('refuses a key once its expires_utc has passed', req('EXL-TOKEN-EXPIRED'), async ({ request, target, clock }) => {
    const lifetime = 3
    clock.require(lifetime + 1)
    const user = await loginToken(request, target)
    // The server's own "now" (its clock may differ from ours): the creation time of a throwaway key.
    const probe = await createKey(request, target, user, ['client'])
    const expires = new Date(Date.parse(probe.created_utc) + lifetime * 1000).toISOString()
    const data = { organization_id: target.settings.organizationId, project_id: target.settings.projectId, scopes: ['client'], expires_utc: expires }
    const created = await request.post('/api/v2/tokens', { data, headers: bearer(user) })
    expect(created.status(), precondition('EXL-TOKEN-CREATE', 'a key with expires_utc is created')).toBe(201)
    const key = (await created.json()) as ViewToken
    expect(key.expires_utc, finding('EXL-TOKEN-EXPIRED', 'its ViewToken says when it expires')).toBe(expires)
    expect((await request.get('/api/v2/projects/config', { headers: bearer(key.id) })).status(), finding('EXL-TOKEN-EXPIRED', 'the key works before expires_utc')).toBe(200)
    await clock.advance(lifetime + 1)
    await expectUnauthorized(target, await request.get('/api/v2/projects/config', { headers: bearer(key.id) }), 'EXL-TOKEN-EXPIRED')
    await expectUnauthorized(target, await request.post('/api/v2/events', { data: { message: 'x' }, headers: bearer(key.id) }), 'EXL-TOKEN-EXPIRED')
  })

  test('never expires a key created without expires_utc', req('EXL-TOKEN-EXPIRED'), async ({ request, target, clock }) => {
    const aYear = 366 * 24 * 3600
    clock.require(aYear)
    const key = await createKey(request, target, await loginToken(request, target), ['client'])
    expect(key.expires_utc ?? null, finding('EXL-TOKEN-EXPIRED', 'no expires_utc in its ViewToken')).toBeNull()
    await clock.advance(aYear)
    // The login token has expired by now (three months): the key alone is checked.
    expect((await request.get('/api/v2/projects/config', { headers: bearer(key.id) })).status(), finding('EXL-TOKEN-EXPIRED', 'a year later the key still works')).toBe(200)
  })

  test('requires project_id on POST /api/v2/tokens', req('EXL-TOKEN-VALIDATION'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const response = await request.post('/api/v2/tokens', { data: { organization_id: target.settings.organizationId, scopes: ['client'] }, headers: bearer(user) })
    const problem = await expectProblem(response, 400, 'EXL-TOKEN-VALIDATION')
    expect(Object.keys((problem.errors as object) ?? {}), finding('EXL-TOKEN-VALIDATION', 'errors.project_id')).toContain('project_id')
    const ok = await request.post('/api/v2/tokens', { data: { organization_id: target.settings.organizationId, project_id: target.settings.projectId, scopes: ['client'] }, headers: bearer(user) })
    expect(ok.status(), finding('EXL-TOKEN-VALIDATION', 'with project_id it is created')).toBe(201)
  })

  test("keeps keys inside the caller's organizations, and shows a user its organization's keys only", req('EXL-TOKEN-ORG-ISOLATION'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const { projectId, organizationId, foreignProjectId: foreign, foreignOrganizationId: foreignOrg } = target.settings as Record<string, string>
    const cases: ProblemCase[] = [
      ['POST /projects/{foreign}/tokens', await request.post(`/api/v2/projects/${foreign}/tokens`, { data: { scopes: ['client'] }, headers: bearer(user) }), 404, 'Project not found.'],
      ['GET /projects/{foreign}/tokens', await request.get(`/api/v2/projects/${foreign}/tokens`, { headers: bearer(user) }), 404, 'Project not found.'],
      ['POST /tokens for a foreign project', await request.post('/api/v2/tokens', { data: { organization_id: organizationId, project_id: foreign, scopes: ['client'] }, headers: bearer(user) }), 422],
      // Only access keys are tokens to read: the login token itself is not among them.
      ['GET /tokens/{the login token}', await request.get(`/api/v2/tokens/${user}`, { headers: bearer(user) }), 404, 'Token not found.'],
    ]
    if (foreignOrg) {
      cases.push(['POST /organizations/{foreign}/tokens', await request.post(`/api/v2/organizations/${foreignOrg}/tokens`, { data: {}, headers: bearer(user) }), 400, 'Invalid organization.'])
      cases.push(['GET /organizations/{foreign}/tokens', await request.get(`/api/v2/organizations/${foreignOrg}/tokens`, { headers: bearer(user) }), 404, 'Organization not found.'])
    }
    const problems = await expectProblems(cases, 'EXL-TOKEN-ORG-ISOLATION')
    expect((problems[2]!.errors as Record<string, unknown> | undefined)?.project_id, finding('EXL-TOKEN-ORG-ISOLATION', 'errors.project_id')).toEqual(['Please specify a valid project id.'])
    // With a project of its own, the key belongs to the project's organization, whatever the body names.
    const elsewhere = await request.post('/api/v2/tokens', { data: { organization_id: foreignOrg || '000000000000000000000000', project_id: projectId, scopes: ['client'] }, headers: bearer(user) })
    const made = (await elsewhere.json().catch(() => ({}))) as Partial<ViewToken>
    expect({ status: elsewhere.status(), organization_id: made.organization_id }, finding('EXL-TOKEN-ORG-ISOLATION', "the organization is the project's")).toEqual({ status: 201, organization_id: organizationId })
    // Every member reads the organization's keys in full (the id is the key); a page is ten unless asked otherwise.
    const listed: string[] = []
    for (let n = 1; n <= 50 && !listed.includes(made.id!); n++) {
      const ids = ((await (await request.get(`/api/v2/organizations/${organizationId}/tokens?page=${n}&limit=100`, { headers: bearer(user) })).json()) as ViewToken[]).map((t) => t.id)
      listed.push(...ids)
      if (ids.length < 100) break
    }
    const page = (await (await request.get(`/api/v2/projects/${projectId}/tokens`, { headers: bearer(user) })).json()) as ViewToken[]
    expect({ listed: listed.includes(made.id!), pageOfTen: page.length <= 10 }, finding('EXL-TOKEN-ORG-ISOLATION', "the organization's keys listed with their ids; ten to a page")).toEqual({ listed: true, pageOfTen: true })
  })

  test("cannot delete another organization's key alongside its own", req('EXL-TOKEN-ORG-ISOLATION'), async ({ request, target }) => {
    // A key in the foreign project, made by the global user (targets.yaml role globalUser).
    const admin = await loginToken(request, target, 'globalUser')
    const foreignKey = await createKey(request, target, admin, ['client'], target.settings.foreignProjectId!)
    const user = await loginToken(request, target)
    const own = await createKey(request, target, user, ['client'])
    await expectProblem(await request.delete(`/api/v2/tokens/${foreignKey.id}`, { headers: bearer(user) }), 404, 'EXL-TOKEN-ORG-ISOLATION')
    // Nor read it, nor change it (disabling it would stop the other organization's client).
    await expectProblem(await request.get(`/api/v2/tokens/${foreignKey.id}`, { headers: bearer(user) }), 404, 'EXL-TOKEN-ORG-ISOLATION')
    await expectProblem(await request.patch(`/api/v2/tokens/${foreignKey.id}`, { data: { is_disabled: true }, headers: bearer(user) }), 404, 'EXL-TOKEN-ORG-ISOLATION')
    const both = await request.delete(`/api/v2/tokens/${own.id},${foreignKey.id}`, { headers: bearer(user) })
    expect(both.status(), finding('EXL-TOKEN-ORG-ISOLATION', 'DELETE of an own and a foreign key must not fail on the server')).toBeLessThan(500)
    const still = await request.get('/api/v2/projects/config', { headers: bearer(foreignKey.id) })
    expect(still.status(), "EXL-TOKEN-ORG-ISOLATION: the other organization's key still works after the user asked to delete it").toBe(200)
  })

  test("reads events of the caller's projects only", req('EXL-EVENTS-ORG-ISOLATION'), async ({ request, target }) => {
    const user = await loginToken(request, target)
    const own = await request.get(`/api/v2/projects/${target.settings.projectId}/events`, { headers: bearer(user) })
    expect(own.status(), finding('EXL-EVENTS-ORG-ISOLATION', 'events of a project in the user’s organization')).toBe(200)
    expect(Array.isArray(await own.json()), finding('EXL-EVENTS-ORG-ISOLATION', 'an array of events')).toBe(true)
    await expectProblem(await request.get(`/api/v2/projects/${target.settings.foreignProjectId}/events`, { headers: bearer(user) }), 404, 'EXL-EVENTS-ORG-ISOLATION')
  })
})
