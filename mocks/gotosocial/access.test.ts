import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BOB, BROWSER_ACCEPT, CAROL, CURRENT, DAVE, ERIN, errorOf, exchange, FRANK, instance, PROFILES, register, userToken, type Instance } from './test-client.ts'
import { OOB } from './urls.ts'

/**
 * The access table (helpers' requirements.md): operations × credentials, in both profiles. App A has scopes
 * "read write profile write:applications"; alice authorizes it once per scope column; bob's token is read write;
 * the app-only token is A's client_credentials token (read); "revoked" is revoked through /oauth/revoke (v0.19)
 * or deleted (v0.18); "query" is alice's read write token as ?access_token= without an Authorization header.
 */
type Column = 'none' | 'malformed' | 'unknown' | 'revoked' | 'app' | 'read' | 'write' | 'readNotif' | 'profile' | 'bob' | 'query'
const COLUMNS: Column[] = ['none', 'malformed', 'unknown', 'revoked', 'app', 'read', 'write', 'readNotif', 'profile', 'bob', 'query']
const T = 'Unauthorized: token not supplied'
const U = 'Unauthorized: user not supplied or not authorized'
const S = 'Forbidden: token has insufficient scope permission'

/** Expected [status, error text] per column; `[seed, current]` where the profiles differ. */
type Cell = number | [number, number]
const unauth = { none: 401, malformed: 401, unknown: 401, revoked: 401, app: 401, query: 401 } as const
const TABLE: Record<string, { request: (auth: Record<string, string>, query: string) => [string, RequestInit]; cells: Record<Column, Cell> }> = {
  'POST /api/v1/apps': {
    request: (auth, q) => [`/api/v1/apps${q}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'table', redirect_uris: OOB }) }],
    cells: { none: 200, malformed: 200, unknown: 200, revoked: 200, app: [200, 403], read: [200, 403], write: 200, readNotif: [200, 403], profile: [200, 403], bob: 200, query: 200 },
  },
  'GET /api/v1/accounts/verify_credentials': {
    request: (auth, q) => [`/api/v1/accounts/verify_credentials${q}`, { headers: auth }],
    cells: { ...unauth, read: 200, write: [200, 403], readNotif: [200, 403], profile: 200, bob: 200 },
  },
  'GET /api/v1/notifications': {
    request: (auth, q) => [`/api/v1/notifications${q}`, { headers: auth }],
    cells: { ...unauth, read: 200, write: [200, 403], readNotif: 200, profile: [200, 403], bob: 200 },
  },
  'POST /api/v1/statuses': {
    request: (auth, q) => [`/api/v1/statuses${q}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"status":"hi"}' }],
    cells: { ...unauth, read: [200, 403], write: 200, readNotif: [200, 403], profile: [200, 403], bob: 200 },
  },
  'GET /api/v1/instance': { request: (auth, q) => [`/api/v1/instance${q}`, { headers: auth }], cells: Object.fromEntries(COLUMNS.map((c) => [c, 200])) as Record<Column, Cell> },
  'GET /nodeinfo/2.0': { request: (auth, q) => [`/nodeinfo/2.0${q}`, { headers: auth }], cells: Object.fromEntries(COLUMNS.map((c) => [c, 200])) as Record<Column, Cell> },
}

async function credentials(mock: Instance): Promise<Record<Column, { auth: Record<string, string>; query: string }>> {
  const app = await register(mock, { scopes: 'read write profile write:applications' })
  const alice = async (scope: string) => userToken(mock, { app, scope })
  const revoked = await alice('read write')
  if (mock.profile === CURRENT) {
    await mock.call('/oauth/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: revoked, client_id: app.client_id, client_secret: app.client_secret }) })
  } else mock.state.oauth.accessTokens.destroy(revoked)
  const cc = (await (await exchange(mock, { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB, scope: 'read' })).json()) as { access_token: string }
  const b = (t: string) => ({ auth: { authorization: `Bearer ${t}` }, query: '' })
  return {
    none: { auth: {}, query: '' },
    malformed: { auth: { authorization: 'Bearer not a token' }, query: '' },
    unknown: b('ZTG0NJQ4ZJITYZU0ZC0ZNZK5LTG2MJUTZJQ0NMU2NJE5YTKZ'),
    revoked: b(revoked),
    app: b(cc.access_token),
    read: b(await alice('read')),
    write: b(await alice('write')),
    readNotif: b(await alice('read:notifications')),
    profile: b(await alice('profile')),
    bob: b(await userToken(mock, { app, scope: 'read write', user: BOB })),
    query: { auth: {}, query: `?access_token=${await alice('read write')}` },
  }
}

describe('the access table', () => {
  for (const profile of PROFILES) {
    it(`${profile}: every operation × credential`, async () => {
      const mock = instance(profile)
      const creds = await credentials(mock)
      const pick = (cell: Cell) => (Array.isArray(cell) ? cell[profile === CURRENT ? 1 : 0] : cell)
      for (const [operation, { request, cells }] of Object.entries(TABLE)) {
        for (const column of COLUMNS) {
          const [path, init] = request(creds[column].auth, creds[column].query)
          const answer = await mock.call(path, init)
          const want = pick(cells[column])
          assert.equal(answer.status, want, `${operation} × ${column}`)
          if (want === 401) assert.deepEqual(await answer.json(), { error: column === 'app' ? U : T }, `${operation} × ${column}`)
          if (want === 403) assert.deepEqual(await answer.json(), { error: S }, `${operation} × ${column}`)
          assert.equal(answer.headers.get('www-authenticate'), null)
        }
      }
      // verify_credentials answers with the token's own user
      const bob = (await (await mock.call('/api/v1/accounts/verify_credentials', { headers: creds.bob.auth })).json()) as { username: string }
      assert.equal(bob.username, 'bob')
    })

    it(`${profile}: the token is read after "Bearer " only; another scheme falls back to ?access_token=`, async () => {
      const mock = instance(profile)
      const token = await userToken(mock, { scope: 'read' })
      const verify = (headers: Record<string, string>, query = '') => mock.call(`/api/v1/accounts/verify_credentials${query}`, { headers })
      assert.equal((await verify({ authorization: `bearer ${token}` })).status, 401, 'lower-case scheme')
      assert.equal((await verify({ authorization: `Bearer  ${token}` })).status, 401, 'two spaces')
      assert.equal((await verify({ authorization: `Bearer ${token}` }, '?access_token=junk')).status, 200, 'the header wins')
      assert.equal((await verify({ authorization: 'Basic eDp5' }, `?access_token=${token}`)).status, 200, 'the fallback behind a non-Bearer header')
      assert.equal((await verify({ authorization: 'Bearer junk' }, `?access_token=${token}`)).status, 401, 'no rescue behind a Bearer header')
    })

    it(`${profile}: tokens of disabled, unconfirmed, unapproved users are 401 user; a suspended account's 401 account`, async () => {
      const mock = instance(profile)
      const app = await register(mock)
      for (const [who, error] of [[CAROL, U], [DAVE, U], [ERIN, U], [FRANK, 'Unauthorized: account not supplied or not authorized']] as const) {
        // Issued before the account changed state (no request can make one now): stored as the token endpoint would.
        const token = `${who.username.toUpperCase().padEnd(48, 'X')}`
        mock.state.oauth.accessTokens.upsert(token, { grantId: who.id, clientId: app.client_id, userId: who.id, scopes: ['read'], generation: '' })
        assert.deepEqual(await errorOf(mock.call('/api/v1/accounts/verify_credentials', { headers: { authorization: `Bearer ${token}` } })), { status: 401, body: { error } })
      }
    })

    it(`${profile}: a browser (Accept listing text/html first) gets the HTML error page with the same status`, async () => {
      const mock = instance(profile)
      const page = await mock.call('/api/v1/accounts/verify_credentials', { headers: { accept: BROWSER_ACCEPT } })
      assert.equal(page.status, 401)
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8')
      assert.match(await page.text(), /<pre>Unauthorized: token not supplied<\/pre>/)
      for (const accept of ['application/json', '*/*', 'application/json, text/html', '*/*, text/html', 'text/html;q=0.1, application/json']) {
        const answer = await mock.call('/api/v1/accounts/verify_credentials', { headers: { accept } })
        assert.equal(answer.headers.get('content-type'), accept.startsWith('text/html') ? 'text/html; charset=utf-8' : 'application/json', accept)
      }
    })
  }
})
