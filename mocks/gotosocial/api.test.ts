import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ALICE, bearer, BOB, CURRENT, errorOf, instance, ORIGIN, PROFILES, SEED, userToken, type Instance } from './test-client.ts'

const list = async (mock: Instance, token: string, query: string) => {
  const answer = await bearer(mock, `/api/v1/notifications${query}`, token)
  return { status: answer.status, link: answer.headers.get('link'), items: answer.status === 200 ? ((await answer.json()) as { id: string; type: string }[]) : [] }
}

describe('GET /api/v1/notifications', () => {
  for (const profile of PROFILES) {
    it(`${profile}: limit defaults to 20, 0 means 20, clamps to 1…80, refuses a non-integer`, async () => {
      const mock = instance(profile)
      const token = await userToken(mock)
      assert.equal((await list(mock, token, '')).items.length, 20)
      assert.equal((await list(mock, token, '?limit=0')).items.length, 20)
      assert.equal((await list(mock, token, '?limit=-5')).items.length, 1)
      const many = await list(mock, token, '?limit=100')
      assert.equal(many.items.length, ALICE.notifications)
      assert.match(many.link!, /limit=80&max_id=/)
      for (const bad of ['abc', '5.5']) {
        assert.deepEqual(await errorOf(bearer(mock, `/api/v1/notifications?limit=${bad}`, token)), { status: 400, body: { error: 'Bad Request: bad integer limit value' } })
      }
    })

    it(`${profile}: the Link header — absolute, keys sorted, types carried, prev by min_id; none on an empty page`, async () => {
      const mock = instance(profile)
      const token = await userToken(mock)
      const page = await list(mock, token, '?types[]=mention&types[]=bogus&exclude_types[]=follow&limit=3')
      assert.ok(page.items.every((n) => n.type === 'mention'))
      const [first, last] = [page.items[0]!.id, page.items.at(-1)!.id]
      assert.equal(
        page.link,
        `<${ORIGIN}/api/v1/notifications?exclude_types%5B%5D=follow&limit=3&max_id=${last}&types%5B%5D=mention&types%5B%5D=bogus>; rel="next", <${ORIGIN}/api/v1/notifications?exclude_types%5B%5D=follow&limit=3&min_id=${first}&types%5B%5D=mention&types%5B%5D=bogus>; rel="prev"`,
      )
      const excluded = await list(mock, token, '?exclude_types[]=mention&exclude_types[]=nonsense&limit=80')
      assert.ok(excluded.items.length > 0 && excluded.items.every((n) => n.type !== 'mention'))
      const all = (await list(mock, token, '?limit=80')).items
      const end = await list(mock, token, `?max_id=${all.at(-1)!.id}`)
      assert.deepEqual([end.items, end.link], [[], null])
    })

    it(`${profile}: max_id, since_id and min_id pick the pages around an id`, async () => {
      const mock = instance(profile)
      const token = await userToken(mock)
      const ids = (await list(mock, token, '?limit=80')).items.map((n) => n.id)
      const pivot = ids[10]!
      assert.deepEqual((await list(mock, token, `?max_id=${pivot}&limit=3`)).items.map((n) => n.id), ids.slice(11, 14))
      assert.deepEqual((await list(mock, token, `?since_id=${pivot}&limit=3`)).items.map((n) => n.id), ids.slice(0, 3))
      assert.deepEqual((await list(mock, token, `?min_id=${pivot}&limit=3`)).items.map((n) => n.id), ids.slice(7, 10))
      const bob = await userToken(mock, { user: BOB })
      assert.equal((await list(mock, bob, '')).items.length, BOB.notifications, "only the caller's own")
    })
  }
})

describe('POST /api/v1/statuses', () => {
  for (const profile of PROFILES) {
    it(`${profile}: JSON, form and multipart create (200); query parameters without a body are 406; no text or too much is 400`, async () => {
      const mock = instance(profile)
      const token = await userToken(mock, { scope: 'read write' })
      const post = (init: RequestInit, query = '') => bearer(mock, `/api/v1/statuses${query}`, token, { method: 'POST', ...init })
      const multipart = new FormData()
      multipart.append('status', 'from multipart')
      for (const init of [
        { headers: { 'content-type': 'application/json' }, body: '{"status":"from json","visibility":"unlisted"}' },
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'status=from+a+form' },
        { body: multipart },
      ]) {
        const answer = await post(init)
        assert.equal(answer.status, 200)
        const status = (await answer.json()) as { content: string; account: { username: string } }
        assert.match(status.content, /^<p>from /)
        assert.equal(status.account.username, 'alice')
      }
      assert.deepEqual(await errorOf(post({}, '?status=hello')), {
        status: 406,
        body: { error: 'Not Acceptable: content-type  not supported for this endpoint; supported content-types are application/json, application/x-www-form-urlencoded, multipart/form-data' },
      })
      assert.deepEqual(await errorOf(post({ headers: { 'content-type': 'application/json' }, body: '{}' })), { status: 400, body: { error: 'Bad Request: status contains no text, media or poll' } })
      assert.deepEqual(await errorOf(post({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'x'.repeat(5001) }) })), { status: 400, body: { error: 'Bad Request: text with spoiler exceed max chars (5000)' } })
    })
  }

  it('a read-only token posts in gotosocial@0.18 (scopes not enforced), not in gotosocial@0.19', async () => {
    for (const [profile, status] of [[SEED, 200], [CURRENT, 403]] as const) {
      const mock = instance(profile)
      const token = await userToken(mock, { scope: 'read' })
      assert.equal((await bearer(mock, '/api/v1/statuses', token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"hi"}' })).status, status, profile)
    }
  })
})

describe('scopes (gotosocial@0.19)', () => {
  it('a top-level scope covers its children; write does not cover read; profile covers only verify_credentials', async () => {
    const mock = instance(CURRENT)
    const app = { scopes: 'read write profile read:notifications write:statuses admin' }
    const cases: [string, string, number][] = [
      ['read', '/api/v1/notifications', 200],
      ['read:notifications', '/api/v1/notifications', 200],
      ['read:accounts', '/api/v1/notifications', 403],
      ['write', '/api/v1/notifications', 403],
      ['profile', '/api/v1/accounts/verify_credentials', 200],
      ['profile', '/api/v1/notifications', 403],
      ['admin', '/api/v1/notifications', 403],
    ]
    for (const [scope, path, status] of cases) {
      const token = await userToken(mock, { scope, appScopes: app.scopes })
      assert.equal((await bearer(mock, path, token)).status, status, `${scope} on ${path}`)
    }
  })
})
