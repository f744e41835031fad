import { expect, req, test } from '../../harness/index.ts'
import { bearer, expectProblem, postLogin, account, type ViewToken } from './exceptionless.ts'

test('the documented walk: login → organizations → client key → event → configuration → refusals', req('EXL-WALK'), async ({ request, target }) => {
  const login = await postLogin(request, account(target))
  expect(login.status(), 'EXL-WALK step 1: login').toBe(200)
  const { token } = await login.json()

  const byHeader = await request.get('/api/v2/organizations', { headers: bearer(token) })
  expect(byHeader.status(), 'EXL-WALK step 2: organizations with the Bearer header').toBe(200)
  const byQuery = await request.get(`/api/v2/organizations?access_token=${token}`)
  expect(byQuery.status(), 'EXL-WALK step 2: organizations with ?access_token=').toBe(200)
  const ids = async (r: typeof byQuery) => ((await r.json()) as { id: string }[]).map((o) => o.id).sort()
  expect(await ids(byQuery), 'EXL-WALK step 2: the same organizations either way').toEqual(await ids(byHeader))

  const created = await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { data: { scopes: ['client'] }, headers: bearer(token) })
  expect(created.status(), 'EXL-WALK step 3: create a client project key').toBe(201)
  const key = (await created.json()) as ViewToken

  const event = await request.post('/api/v2/events', { data: { message: 'Exceptionless is amazing!' }, headers: bearer(key.id) })
  expect(event.status(), 'EXL-WALK step 4: post an event with the client key').toBe(202)

  const config = await request.get('/api/v2/projects/config', { headers: bearer(key.id) })
  expect(config.status(), 'EXL-WALK step 5: read the client configuration with the client key').toBe(200)

  await expectProblem(await request.get('/api/v2/organizations', { headers: bearer(key.id) }), 403, 'EXL-WALK step 6: a user-only read')
  await expectProblem(await request.get('/api/v2/events', { headers: bearer(key.id) }), 403, 'EXL-WALK step 6: reading events')
  await expectProblem(
    await request.post(`/api/v2/projects/${target.settings.projectId}/tokens`, { data: { scopes: ['client'] }, headers: bearer(key.id) }),
    403,
    'EXL-WALK step 6: token creation',
  )
})
