import { checkedToEnd, expect, finding, precondition, req, test } from '../../harness/index.ts'
import { accessToken, bearer, expectRefusals, ITEMS, people, postToken, scopeForm, tokenFor } from './basiq.ts'

const JSON_TYPE = { 'content-type': 'application/json' }

test(
  'the documented walk: server token → create a user → client token bound to it → its user read → another user refused → a server-only route refused → expiry',
  req('BASIQ-TOKEN-OK', 'BASIQ-USER-CREATE', 'BASIQ-SCOPE-CLIENT-OWN-USER', 'BASIQ-SCOPE-CLIENT-OTHER-USER', 'BASIQ-SCOPE-CLIENT-FORBIDDEN', 'BASIQ-BEARER-EXPIRED'),
  async ({ request, target, clock }, testInfo) => {
    // 1. The quickstart's server token (quickstart-api.md L71-77).
    const issued = await postToken(request, target)
    const server = await accessToken(issued)
    expect({ status: issued.status(), token: server !== '' }, finding('BASIQ-TOKEN-OK', 'step 1: POST /token scope=SERVER_ACCESS issues a token')).toEqual({ status: 200, token: true })

    // 2. A user, as the quickstart creates one, read back.
    const sent = { email: `walk-${crypto.randomUUID().slice(0, 8)}@hooli.com`, mobile: '+61410888999', firstName: 'Gavin' }
    const created = await request.post('/users', { headers: { ...bearer(server), ...JSON_TYPE }, data: sent })
    const user = (await created.json().catch(() => ({}))) as { type?: string; id?: string; email?: string; mobile?: string; links?: { self?: string } }
    expect(
      { status: created.status(), type: user.type, id: typeof user.id, email: user.email, mobile: user.mobile, self: user.links?.self?.endsWith(`/users/${user.id}`) },
      finding('BASIQ-USER-CREATE', 'step 2: POST /users answers 201 with the user and its link'),
    ).toEqual({ status: 201, type: 'user', id: 'string', email: sent.email, mobile: sent.mobile, self: true })
    const read = await request.get(`/users/${user.id}`, { headers: bearer(server) })
    const readBody = (await read.json().catch(() => ({}))) as { id?: string; email?: string; mobile?: string }
    expect({ status: read.status(), id: readBody.id, email: readBody.email, mobile: readBody.mobile }, finding('BASIQ-USER-CREATE', 'step 2: GET /users/{id} reads the user created')).toEqual({ status: 200, id: user.id, email: sent.email, mobile: sent.mobile })

    // 3. A CLIENT_ACCESS token bound to that user (posttoken.md L37-41).
    const bound = await postToken(request, target, { body: scopeForm('CLIENT_ACCESS', user.id) })
    const client = await accessToken(bound)
    expect({ status: bound.status(), token: client !== '' }, finding('BASIQ-TOKEN-OK', 'step 3: POST /token scope=CLIENT_ACCESS&userId=<the new user> issues a token')).toEqual({ status: 200, token: true })

    // 4. What it may read: its own user.
    const own = await request.get(`/users/${user.id}`, { headers: bearer(client) })
    const ownBody = (await own.json().catch(() => ({}))) as { id?: string }
    expect({ status: own.status(), id: ownBody.id }, finding('BASIQ-SCOPE-CLIENT-OWN-USER', 'step 4: the client token reads its own user')).toEqual({ status: 200, id: user.id })

    // 5. and 6. What it may not: another user, a server-only route.
    const { a } = await people(request, target, async () => server)
    await expectRefusals([["GET /users/{another user}", await request.get(`/users/${a}`, { headers: bearer(client) }), 401, ITEMS.otherUser]], 'BASIQ-SCOPE-CLIENT-OTHER-USER', target)
    // Sent now, while the token lives; checked last, so that a refusal worded otherwise does not cut the walk short.
    const serverOnly = await request.get(`/users/${user.id}/accounts`, { headers: bearer(client) })

    // 7. An hour later, on the target's clock: both tokens expired.
    await clock.advance(Number(target.settings.tokenTtl) + 1)
    await expectRefusals(
      [
        ['the client token on its user', await request.get(`/users/${user.id}`, { headers: bearer(client) }), 403, ITEMS.tokenExpired],
        ['the server token on the user', await request.get(`/users/${user.id}`, { headers: bearer(server) }), 403, ITEMS.tokenExpired],
      ],
      'BASIQ-BEARER-EXPIRED',
      target,
    )
    checkedToEnd(testInfo)
    await expectRefusals([['GET /users/{its user}/accounts (step 6, before the expiry)', serverOnly, 403, ITEMS.scopeForbidden]], 'BASIQ-SCOPE-CLIENT-FORBIDDEN', target)
  },
)

test('refuses to create a user with neither email nor mobile, with the recorded 400', req('BASIQ-USER-CREATE'), async ({ request, target }) => {
  const server = await tokenFor(request, target)
  const post = (data: unknown) => request.post('/users', { headers: { ...bearer(server), ...JSON_TYPE }, data: data as Record<string, unknown> })
  await expectRefusals(
    [
      ['{} (recorded: createUserBadRequest.json)', await post({}), 400, ITEMS.emailOrMobile],
      ['names only', await post({ firstName: 'Gavin', lastName: 'Belson' }), 400, ITEMS.emailOrMobile],
    ],
    'BASIQ-USER-CREATE',
    target,
  )
})

test('forgets a deleted user: read before, then 404 for a server token and a client token bound to it', req('BASIQ-USER-DELETED'), async ({ request, target }) => {
  const server = await tokenFor(request, target)
  const created = await request.post('/users', { headers: { ...bearer(server), ...JSON_TYPE }, data: { mobile: '+61410888444' } })
  const id = ((await created.json().catch(() => ({}))) as { id?: string }).id
  expect({ status: created.status(), id: typeof id }, precondition('BASIQ-USER-CREATE', 'POST /users must create the user to delete')).toEqual({ status: 201, id: 'string' })
  // Read first (whatever caches it, caches it now), a client token bound to it, then the deletion.
  const before = (await request.get(`/users/${id}`, { headers: bearer(server) })).status()
  const client = await tokenFor(request, target, scopeForm('CLIENT_ACCESS', id))
  const deleted = (await request.delete(`/users/${id}`, { headers: bearer(server) })).status()
  expect({ before, deleted }, precondition('BASIQ-USER-DELETED', 'GET /users/{id} reads the new user (200) and DELETE /users/{id} deletes it (204)')).toEqual({ before: 200, deleted: 204 })
  await expectRefusals(
    [
      ['GET /users/{deleted} with the server token', await request.get(`/users/${id}`, { headers: bearer(server) }), 404, ITEMS.userNotFound],
      ['GET /users/{deleted} with the client token bound to it', await request.get(`/users/${id}`, { headers: bearer(client) }), 404, ITEMS.userNotFound],
    ],
    'BASIQ-USER-DELETED',
    target,
  )
})
