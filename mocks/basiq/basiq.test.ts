import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { basiqInstance, errorOf } from './testing.ts'

const FORBIDDEN = { type: 'error', code: 'forbidden-access', title: 'Forbidden Access', detail: 'Access to this resource is forbidden', source: null }
const EXPIRED = { type: 'error', code: 'access-denied', title: 'Access denied.', detail: 'Token has expired', source: null }
const OTHER_USER = { type: 'error', code: 'unauthorized-access', title: 'Unauthorized Access', detail: 'You are not authorized to access this resource' }
const INVALID = { type: 'error', code: 'invalid-authorization-token', title: 'Invalid authorization token.' }

describe('Basiq mock: the documented walk', () => {
  it('server token → create user → client token bound to it → own user 200, other user 401, server-only 403, expiry 403', async () => {
    const { token, tokenRequest, get, call, clock, users } = await basiqInstance()
    const server = await token('scope=SERVER_ACCESS')
    const created = await call('/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${server}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'gavin1224@hooli.com', mobile: '+61410888999', firstName: 'Gavin' }),
    })
    assert.equal(created.status, 201)
    const user = (await created.json()) as { type: string; id: string; email: string; mobile: string; links: { self: string } }
    assert.deepEqual({ ...user, id: 'x' }, { type: 'user', id: 'x', email: 'gavin1224@hooli.com', mobile: '+61410888999', firstName: 'Gavin', links: { self: `https://au-api.basiq.io/users/${user.id}` } })

    const issued = await tokenRequest(`scope=CLIENT_ACCESS&userId=${user.id}`)
    assert.equal(issued.status, 200)
    const client = ((await issued.json()) as { access_token: string }).access_token

    const own = await get(`/users/${user.id}`, client)
    assert.equal(own.status, 200)
    assert.equal(((await own.json()) as { id: string }).id, user.id)
    const other = await errorOf(await get(`/users/${users.gavin}`, client))
    assert.equal(other.status, 401)
    assert.deepEqual(other.item, OTHER_USER)
    const serverOnly = await errorOf(await get(`/users/${user.id}/accounts`, client))
    assert.equal(serverOnly.status, 403)
    assert.deepEqual(serverOnly.item, FORBIDDEN)

    // iat and exp are whole seconds (iat rounded down): a token lives 3599–3600 s, so two seconds before is always valid.
    clock.advance(3598_000)
    assert.equal((await get(`/users/${user.id}`, client)).status, 200, 'still valid two seconds before expiry')
    clock.advance(2_000)
    for (const bearer of [client, server]) {
      const expired = await errorOf(await get(`/users/${user.id}`, bearer))
      assert.equal(expired.status, 403)
      assert.deepEqual(expired.item, EXPIRED)
    }
  })

  it('answers the access table: what each scope may and may not reach', async () => {
    const { token, clientToken, get, call, users } = await basiqInstance()
    const server = await token()
    const client = await clientToken(users.richard)
    const post = (path: string, bearer: string, body: unknown) =>
      call(path, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const richardsJob = 'e9132638-0c5d-4f5e-9a1b-2c3d4e5f6a7b'
    const gavinsJob = 'b1ef29c9-3f8c-45c9-a823-d819605989c6'
    const table: [string, () => Promise<Response>, number, number][] = [
      // operation, request builder per token → [SERVER_ACCESS status, CLIENT_ACCESS (bound to richard) status]
      ['POST /users', () => post('/users', server, { mobile: '+61410000000' }), 201, 0],
      ['GET /users/{own}', () => get(`/users/${users.richard}`, server), 200, 0],
      ['GET /users/{own}/accounts', () => get(`/users/${users.richard}/accounts`, server), 200, 0],
      ['GET /users/{own}/jobs', () => get(`/users/${users.richard}/jobs`, server), 200, 0],
      ['POST /users/{own}/auth_link', () => post(`/users/${users.richard}/auth_link`, server, {}), 201, 0],
      ['GET /jobs/{own job}', () => get(`/jobs/${richardsJob}`, server), 200, 0],
      ['GET /jobs/{other job}', () => get(`/jobs/${gavinsJob}`, server), 200, 0],
      ['GET /institutions', () => get('/institutions', server), 200, 0],
    ]
    for (const [name, request, status] of table) assert.equal((await request()).status, status, `SERVER_ACCESS ${name}`)

    const asClient: [string, Response, number, object][] = [
      ['POST /users', await post('/users', client, { mobile: '+61410000000' }), 403, FORBIDDEN],
      ['GET /users/{own}/accounts', await get(`/users/${users.richard}/accounts`, client), 403, FORBIDDEN],
      ['GET /users/{other}/accounts (scope before ownership)', await get(`/users/${users.gavin}/accounts`, client), 403, FORBIDDEN],
      ['GET /users/{own}/jobs', await get(`/users/${users.richard}/jobs`, client), 403, FORBIDDEN],
      ['POST /users/{own}/auth_link', await post(`/users/${users.richard}/auth_link`, client, {}), 403, FORBIDDEN],
      ['GET /users/{other}', await get(`/users/${users.gavin}`, client), 401, OTHER_USER],
      ['GET /users/{unknown}', await get('/users/no-such-user', client), 401, OTHER_USER],
      ['GET /jobs/{other job}', await get(`/jobs/${gavinsJob}`, client), 403, FORBIDDEN],
    ]
    for (const [name, response, status, item] of asClient) {
      const error = await errorOf(response)
      assert.equal(error.status, status, `CLIENT_ACCESS ${name}`)
      assert.deepEqual(error.item, item, `CLIENT_ACCESS ${name}`)
    }
    for (const path of [`/users/${users.richard}`, `/jobs/${richardsJob}`, '/institutions']) assert.equal((await get(path, client)).status, 200, `CLIENT_ACCESS GET ${path}`)
  })

  it('binds a 2.x CLIENT_ACCESS token without userId to no user: institutions only', async () => {
    const { token, get, users } = await basiqInstance()
    const unbound = await token('scope=CLIENT_ACCESS', { 'basiq-version': '2.0' })
    assert.equal((await get('/institutions', unbound)).status, 200)
    assert.equal((await get(`/users/${users.gavin}`, unbound)).status, 401)
    assert.equal((await get('/jobs/b1ef29c9-3f8c-45c9-a823-d819605989c6', unbound)).status, 403)
  })

  it("keeps applications apart: a server token does not see another application's users", async () => {
    const { token, get, users } = await basiqInstance()
    const server = await token()
    for (const path of [`/users/${users.erlich}`, `/users/${users.erlich}/accounts`, '/users/00000000-0000-4000-8000-000000000000']) {
      const error = await errorOf(await get(path, server))
      assert.equal(error.status, 404, path)
      assert.deepEqual(error.item, { type: 'error', code: 'resource-not-found', title: 'Requested resource is not found', detail: 'Requested user does not exist.' })
    }
  })
})

describe('Basiq mock: bearer tokens', () => {
  it('answers a missing, malformed or foreign Authorization with the recorded 401 and no challenge', async () => {
    const { call, token, key } = await basiqInstance()
    const valid = await token()
    const headers: (Record<string, string> | undefined)[] = [
      undefined,
      { authorization: 'Bearer' },
      { authorization: 'Bearer ' },
      { authorization: `Token ${valid}` },
      { authorization: `Basic ${key('live')}` },
      { authorization: `Bearer ${valid} extra` },
      { authorization: 'Bearer not-a-jwt' },
      { authorization: 'Bearer a.b.c' },
    ]
    for (const h of headers) {
      const response = await call('/institutions', { headers: h })
      const error = await errorOf(response)
      assert.equal(error.status, 401, JSON.stringify(h))
      assert.deepEqual(error.item, INVALID)
      assert.equal(error.type, 'application/json')
      assert.equal(response.headers.get('www-authenticate'), null)
      assert.match(error.body.correlationId, /^[0-9a-f-]{36}$/)
    }
  })

  it('reads the scheme case-insensitively and ignores basiq-version on later requests', async () => {
    const { call, token } = await basiqInstance()
    const valid = await token()
    assert.equal((await call('/institutions', { headers: { authorization: `bearer ${valid}` } })).status, 200)
    assert.equal((await call('/institutions', { headers: { authorization: `BEARER ${valid}`, 'basiq-version': '0.9', 'content-type': 'application/json' } })).status, 200)
  })

  it('refuses an Accept that rules JSON out, and serves */* and no Accept', async () => {
    const { get, token } = await basiqInstance()
    const valid = await token()
    const refused = await errorOf(await get('/institutions', valid, { headers: { accept: 'application/xml' } }))
    assert.equal(refused.status, 400)
    assert.equal(refused.item.code, 'unsupported-accept')
    assert.equal((await get('/institutions', valid, { headers: { accept: 'text/html, */*;q=0.8' } })).status, 200)
  })

  it('authenticates unknown routes first, then answers 404 in the envelope', async () => {
    const { call, get, token } = await basiqInstance()
    assert.equal((await call('/connectors')).status, 401)
    const error = await errorOf(await get('/connectors', await token()))
    assert.equal(error.status, 404)
    assert.equal(error.item.detail, 'Route not found for this API version.')
  })
})

describe('Basiq mock: POST /users', () => {
  it('answers every documented validation error in the envelope', async () => {
    const { call, token } = await basiqInstance()
    const server = await token()
    const post = (body: string) => call('/users', { method: 'POST', headers: { authorization: `Bearer ${server}`, 'content-type': 'application/json' }, body })
    const cases: [string, string, string][] = [
      ['{}', 'parameter-not-supplied', "One of 'email' or 'mobile' is required."],
      ['{"email":"nope"}', 'parameter-not-valid', 'Provided email is in bad format.'],
      ['{"mobile":"12"}', 'parameter-not-valid', 'Provided mobile is in bad format.'],
      ['{"mobile":"+61410888999","businessIdNo":"123"}', 'parameter-not-supplied', 'Business name is required when business number is provided.'],
      ['[1]', 'invalid-content', 'Posted user is not in valid format.'],
      ['{"email":5}', 'invalid-content', 'Posted user is not in valid format.'],
      ['{', 'invalid-content', 'Posted user is not in valid format.'],
    ]
    for (const [body, code, detail] of cases) {
      const error = await errorOf(await post(body))
      assert.equal(error.status, 400, body)
      assert.deepEqual([error.item.code, error.item.detail], [code, detail], body)
    }
  })
})
