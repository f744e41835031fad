import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SCOPES } from './fixtures.ts'
import { developerToken, fixtures, instance, JANE, oauthTokens, type Instance } from './test-client.ts'

const [ACCOUNT, FOREIGN_ACCOUNT] = fixtures.accounts.map((a) => a.id) as [string, string]
const FOLDER = fixtures.assets[0]!.id
const FOREIGN_ASSET = fixtures.assets[2]!.id
const UNKNOWN = '00000000-0000-4000-8000-000000000000'
const UNAUTHORIZED = { code: 401, errors: [{ code: 401, detail: 'You are not allowed to access that resource', status: 401, title: 'Not Authorized' }], message: 'Not Authorized' }
const FORBIDDEN = { code: 403, errors: [{ code: 403, detail: 'You do not have access to that resource', status: 403, title: 'Forbidden' }], message: 'Forbidden' }

const oauthToken = async (mock: Instance, scope: string) => (await oauthTokens(mock, scope)).access_token

const get = (mock: Instance, path: string, authorization?: string) => mock.call(path, authorization ? { headers: { authorization } } : {})
const create = (mock: Instance, tokenValue: string, parent = FOLDER, body: unknown = { type: 'folder', name: 'Selects' }) =>
  mock.call(`/v2/assets/${parent}/children`, { method: 'POST', headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('/v2: 401 for every missing or unusable token, one body', () => {
  it('answers no token, another scheme, a malformed header, an unknown token and a query token alike', async () => {
    const mock = instance()
    const valid = await developerToken(mock, SCOPES)
    const cases: [string, string | undefined, string][] = [
      ['no token', undefined, 'Bearer realm="api.frame.io"'],
      ['Basic', `Basic ${btoa('jane@frame.io:frameio-jane')}`, 'Bearer realm="api.frame.io"'],
      ['Token scheme', `Token ${valid}`, 'Bearer realm="api.frame.io"'],
      ['empty Bearer', 'Bearer', 'Bearer realm="api.frame.io", error="invalid_token"'],
      ['two parts', `Bearer ${valid} extra`, 'Bearer realm="api.frame.io", error="invalid_token"'],
      ['unknown developer token', `Bearer fio-u-${'A'.repeat(64)}`, 'Bearer realm="api.frame.io", error="invalid_token"'],
      ['unknown opaque token', 'Bearer abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'Bearer realm="api.frame.io", error="invalid_token"'],
    ]
    for (const [what, authorization, challenge] of cases) {
      const response = await get(mock, '/v2/me', authorization)
      assert.equal(response.status, 401, what)
      assert.deepEqual(await response.json(), UNAUTHORIZED, what)
      assert.equal(response.headers.get('www-authenticate'), challenge, what)
    }
    const query = await get(mock, `/v2/me?access_token=${valid}`)
    assert.equal(query.status, 401, '?access_token= is not honoured')
    assert.ok(!(await query.text()).includes(valid), 'and not repeated')
    assert.equal((await get(mock, '/v2/me', `bearer ${valid}`)).status, 200, 'the scheme is case-insensitive')
  })
})

describe('/v2: scopes and the user’s access (developer and OAuth tokens alike)', () => {
  it('GET /v2/me answers any valid token, whatever its scope', async () => {
    const mock = instance()
    for (const t of [await developerToken(mock, ['asset.read']), await oauthToken(mock, 'asset.read')]) {
      const me = await get(mock, '/v2/me', `Bearer ${t}`)
      assert.equal(me.status, 200)
      const user = (await me.json()) as Record<string, unknown>
      assert.deepEqual([user.id, user.account_id, user.email, user.name], [JANE.id, ACCOUNT, JANE.email, JANE.name])
      for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-window']) assert.match(me.headers.get(header) ?? '', /^\d+$/, header)
    }
  })

  it('each read needs its own scope: 403 with the scope challenge otherwise; scopes imply nothing', async () => {
    const mock = instance()
    for (const kind of ['developer', 'oauth'] as const) {
      const tokenFor = (scopes: string[]) => (kind === 'developer' ? developerToken(mock, scopes) : oauthToken(mock, scopes.join(' ')))
      const teamReader = `Bearer ${await tokenFor(['team.read'])}`
      const assetWriter = `Bearer ${await tokenFor(['asset.create', 'account.read', 'offline'])}`
      assert.equal((await get(mock, `/v2/accounts/${ACCOUNT}/teams`, teamReader)).status, 200, kind)
      const teams = (await (await get(mock, `/v2/accounts/${ACCOUNT}/teams`, teamReader)).json()) as { account_id: string }[]
      assert.ok(teams.length === 2 && teams.every((t) => t.account_id === ACCOUNT))
      const denied = await get(mock, `/v2/assets/${FOLDER}`, teamReader)
      assert.equal(denied.status, 403, kind)
      assert.deepEqual(await denied.json(), FORBIDDEN)
      assert.equal(denied.headers.get('www-authenticate'), 'Bearer realm="api.frame.io", error="insufficient_scope", scope="asset.read"')
      assert.equal((await get(mock, `/v2/assets/${FOLDER}`, assetWriter)).status, 403, `${kind}: asset.create does not read`)
      assert.equal((await get(mock, `/v2/accounts/${ACCOUNT}/teams`, assetWriter)).status, 403, `${kind}: account.read does not read teams`)
    }
  })

  it("403 for an account or asset outside the user's access, 404 for an unknown one, scope first", async () => {
    const mock = instance()
    const all = `Bearer ${await developerToken(mock, SCOPES)}`
    const none = `Bearer ${await developerToken(mock, ['comment.read'])}`
    const foreign = await get(mock, `/v2/accounts/${FOREIGN_ACCOUNT}/teams`, all)
    assert.equal(foreign.status, 403)
    assert.equal(foreign.headers.get('www-authenticate'), null, 'the token is fine: no challenge')
    assert.equal((await get(mock, `/v2/assets/${FOREIGN_ASSET}`, all)).status, 403)
    assert.equal((await get(mock, `/v2/assets/${UNKNOWN}`, all)).status, 404)
    assert.equal((await get(mock, `/v2/assets/${UNKNOWN}`, none)).status, 403, 'without the scope, existence is not revealed')
    assert.equal((await get(mock, `/v2/accounts/${UNKNOWN}/teams`, all)).status, 404)
  })

  it('POST …/children needs asset.create; without it nothing is created', async () => {
    const mock = instance()
    const writer = await developerToken(mock, ['asset.create', 'asset.read'])
    const reader = await developerToken(mock, ['asset.read'])
    const refused = await create(mock, reader, FOLDER, { type: 'folder', name: 'Refused' })
    assert.equal(refused.status, 403)
    const made = await create(mock, writer)
    assert.equal(made.status, 200)
    const asset = (await made.json()) as { id: string; name: string; parent_asset_id: string }
    assert.deepEqual([asset.name, asset.parent_asset_id], ['Selects', FOLDER])
    assert.equal((await get(mock, `/v2/assets/${asset.id}`, `Bearer ${reader}`)).status, 200, 'a reader sees the new asset')
    const folder = (await (await get(mock, `/v2/assets/${FOLDER}`, `Bearer ${reader}`)).json()) as { item_count: number }
    assert.equal(folder.item_count, 2, 'the fixture file and the new folder; the refused one was never made')
    assert.equal((await create(mock, writer, FOREIGN_ASSET)).status, 403)
    assert.equal((await create(mock, writer, FOLDER, { type: 'file', name: 'x' })).status, 422)
  })
})
