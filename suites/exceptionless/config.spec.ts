import { expect, expectEach, finding, precondition, req, test } from '../../harness/index.ts'
import { bearer, createKey, expectProblem, expectProblems, expectUnauthorized, loginToken, type ViewToken } from './exceptionless.ts'

test.describe('The client configuration', () => {
  test('reads the client configuration, and 304 for the current version', req('EXL-CLIENT-CONFIG'), async ({ request, target }) => {
    const login = await loginToken(request, target)
    const key = await createKey(request, target, login, ['client'])
    const response = await request.get('/api/v2/projects/config', { headers: bearer(key.id) })
    expect(response.status(), finding('EXL-CLIENT-CONFIG', '200')).toBe(200)
    const config = await response.json()
    expect(Number.isInteger(config.version), finding('EXL-CLIENT-CONFIG', 'integer version')).toBe(true)
    expect(typeof config.settings, finding('EXL-CLIENT-CONFIG', 'settings object')).toBe('object')
    const current = await request.get(`/api/v2/projects/config?v=${config.version}`, { headers: bearer(key.id) })
    expect(current.status(), finding('EXL-CLIENT-CONFIG', `?v=${config.version} (current) gives 304`)).toBe(304)
    const stale = await request.get(`/api/v2/projects/config?v=${config.version - 1}`, { headers: bearer(key.id) })
    expect(stale.status(), finding('EXL-CLIENT-CONFIG', 'an older ?v= gives the configuration')).toBe(200)
    const byId = `/api/v2/projects/${target.settings.projectId}/config`
    expect((await request.get(byId, { headers: bearer(key.id) })).status(), finding('EXL-CLIENT-CONFIG', `GET ${byId} with the project's key`)).toBe(200)
    expect((await request.get(`${byId}?v=${config.version}`, { headers: bearer(key.id) })).status(), finding('EXL-CLIENT-CONFIG', `GET ${byId}?v=${config.version} (current) gives 304`)).toBe(304)
    // A current version never stands in for credentials.
    for (const path of [`/api/v2/projects/config?v=${config.version}`, `${byId}?v=${config.version}`]) {
      await expectUnauthorized(target, await request.get(path), 'EXL-CLIENT-CONFIG (no key)')
      await expectUnauthorized(target, await request.get(path, { headers: bearer('0000000000000000000000000000000000000000') }), 'EXL-CLIENT-CONFIG (unknown key)')
    }
    // Another organization's project, and /projects/config for an organization key (it names no project): 404.
    const organizationKey = await request.post(`/api/v2/organizations/${target.settings.organizationId}/tokens`, { data: {}, headers: bearer(login) })
    expect(organizationKey.status(), precondition('EXL-TOKEN-CREATE', 'an organization key is created')).toBe(201)
    const orgKey = ((await organizationKey.json()) as ViewToken).id
    await expectProblems(
      [
        [`GET /api/v2/projects/${target.settings.foreignProjectId}/config with the project key`, await request.get(`/api/v2/projects/${target.settings.foreignProjectId}/config`, { headers: bearer(key.id) }), 404, 'Project not found.'],
        ['GET /api/v2/projects/config with an organization key', await request.get('/api/v2/projects/config', { headers: bearer(orgKey) }), 404, 'Project not found.'],
      ],
      'EXL-CLIENT-CONFIG',
    )
    const viaOrganization = await request.get(byId, { headers: bearer(orgKey) })
    expect({ status: viaOrganization.status(), body: await viaOrganization.json().catch(() => null) }, finding('EXL-CLIENT-CONFIG', `GET ${byId} with an organization key: its organization's project`)).toEqual({ status: 200, body: config })
  })

  test("reads every project's configuration in its organization, but posts events to its own project only", req('EXL-CONFIG-SAME-ORG'), async ({ request, target }) => {
    const sibling = target.settings.siblingProjectId
    test.skip(!sibling, 'needs a second project in the organization: set EXCEPTIONLESS_SIBLING_PROJECT_ID')
    const login = await loginToken(request, target)
    const key = (await createKey(request, target, login, ['client'])).id
    const asUser = await request.get(`/api/v2/projects/${sibling}/config`, { headers: bearer(login) })
    expect(asUser.status(), precondition('EXL-CLIENT-CONFIG', 'the user reads the other project’s configuration')).toBe(200)
    const asKey = await request.get(`/api/v2/projects/${sibling}/config`, { headers: bearer(key) })
    // Only the organization is checked (ProjectHandler.GetConfigAsync): the key reads its sibling's configuration whole.
    expect({ status: asKey.status(), body: await asKey.json().catch(() => null) }, finding('EXL-CONFIG-SAME-ORG', `a key of ${target.settings.projectId} reads ${sibling}'s configuration`)).toEqual({ status: 200, body: await asUser.json() })
    // …while an event post names the key's own project or nothing (EventHandler: the route's project must be the key's).
    await expectProblem(await request.post(`/api/v2/projects/${sibling}/events`, { data: { message: 'to a sibling project' }, headers: bearer(key) }), 404, 'EXL-CONFIG-SAME-ORG', 'Project not found.')
    const own = await request.post(`/api/v2/projects/${target.settings.projectId}/events`, { data: { message: 'to its own project' }, headers: bearer(key) })
    const asLogin = await request.post(`/api/v2/projects/${sibling}/events`, { data: { message: 'a user may post to any project of its organization' }, headers: bearer(login) })
    expectEach(finding('EXL-CONFIG-SAME-ORG', 'posting to the key’s own project, and a user to the sibling: 202'), [
      ['the key, its own project', own.status(), 202],
      ['the login token, the sibling project', asLogin.status(), 202],
    ])
  })
})
