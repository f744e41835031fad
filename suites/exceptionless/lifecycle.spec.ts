import type { APIResponse } from '@playwright/test'
import { expect, finding, precondition, req, test } from '../../harness/index.ts'
import { account, basic, bearer, createKey, expectProblem, expectUnauthorized, loginToken, postLogin, wording } from './exceptionless.ts'

/** What an operator's change (suspending an organization, deleting or deactivating a user) does to credentials already issued. */
test.describe('Credentials after an operator’s change', () => {
  test('refuses the keys of a suspended organization until it is unsuspended', req('EXL-TOKEN-SUSPENDED'), async ({ request, target, admin }) => {
    admin.require('suspend an organization')
    const key = (await createKey(request, target, await loginToken(request, target), ['client'])).id
    const use = () => Promise.all([request.get('/api/v2/projects/config', { headers: bearer(key) }), request.get(`/api/v2/projects/config?access_token=${key}`), request.post('/api/v2/events', { data: { message: 'x' }, headers: bearer(key) })])
    expect((await use()).map((r) => r.status()), precondition('EXL-CLIENT-CONFIG', 'the key works before')).toEqual([200, 200, 202])
    await admin.apply('suspend-organization', { organizationId: target.settings.organizationId, suspended: true })
    const [header, query, event] = await use()
    // The same 401 as every other dead key: nothing tells a suspended key from a disabled, deleted or unknown one.
    await expectUnauthorized(target, [['the configuration, header', header!], ['the configuration, ?access_token=', query!], ['posting an event', event!]], 'EXL-TOKEN-SUSPENDED')
    await admin.apply('suspend-organization', { organizationId: target.settings.organizationId, suspended: false })
    expect((await use()).map((r) => r.status()), finding('EXL-TOKEN-SUSPENDED', 'unsuspended, the key works again')).toEqual([200, 200, 202])
  })

  test('refuses the login token of a deleted user', req('EXL-TOKEN-DELETED'), async ({ request, target, admin }) => {
    admin.require('delete a user')
    const { email, password } = account(target, 'lockout')
    const login = await postLogin(request, { email, password })
    expect(login.status(), precondition('EXL-LOGIN-OK', 'the user logs in')).toBe(200)
    const { token } = (await login.json()) as { token: string }
    await admin.apply('delete-user', { email })
    await expectUnauthorized(target, [['its login token, header', await request.get('/api/v2/organizations', { headers: bearer(token) })], ['its login token, ?access_token=', await request.get(`/api/v2/organizations?access_token=${token}`)]], 'EXL-TOKEN-DELETED')
  })

  test("keeps an inactive user's login token working, while its password no longer does", req('EXL-AUTH-INACTIVE-USER-KEY'), async ({ request, target, admin }) => {
    admin.require('deactivate a user')
    const { email, password } = account(target, 'lockout')
    const login = await postLogin(request, { email, password })
    expect(login.status(), precondition('EXL-LOGIN-OK', 'the user logs in')).toBe(200)
    const { token } = (await login.json()) as { token: string }
    await admin.apply('deactivate-user', { email })
    const orgs = await request.get('/api/v2/organizations', { headers: bearer(token) })
    expect({ status: orgs.status(), organizations: ((await orgs.json().catch(() => [])) as { id: string }[]).map((o) => o.id) }, finding('EXL-AUTH-INACTIVE-USER-KEY', 'the token still lists its organizations')).toEqual({ status: 200, organizations: [target.settings.organizationId] })
    const refused: [string, APIResponse][] = [['Basic email:password', await request.get('/api/v2/organizations', { headers: basic(email, password) })]]
    await expectUnauthorized(target, refused, 'EXL-AUTH-INACTIVE-USER-KEY')
    await expectProblem(await postLogin(request, { email, password }), 401, 'EXL-AUTH-INACTIVE-USER-KEY', wording(target).loginFailed)
  })
})
