import { checkedToEnd, expect, expectEach, finding, precondition, req, test, type Case } from '../../harness/index.ts'
import { accessToken, apiKey, bearer, expectRefusals, FORM, ITEMS, jwtParts, people, postToken, scopeForm, tokenFor, type TokenRequest } from './basiq.ts'

const JSON_TYPE = 'application/json'

test.describe('POST /token — what it issues', () => {
  test('issues access_token, token_type "Bearer" and expires_in for either scope', req('BASIQ-TOKEN-OK'), async ({ request, target }) => {
    const { a } = await people(request, target, () => tokenFor(request, target))
    const cases: Case[] = []
    for (const [name, body] of [
      ['SERVER_ACCESS', scopeForm('SERVER_ACCESS')],
      ['CLIENT_ACCESS bound to user A', scopeForm('CLIENT_ACCESS', a)],
    ] as const) {
      const response = await postToken(request, target, { body })
      const b = (await response.json().catch(() => ({}))) as Record<string, unknown>
      const actual = { status: response.status(), type: response.headers()['content-type']?.split(';')[0], access_token: typeof b.access_token, token_type: b.token_type, expires_in: b.expires_in }
      cases.push([name, actual, { status: 200, type: JSON_TYPE, access_token: 'string', token_type: 'Bearer', expires_in: Number(target.settings.tokenTtl) }])
    }
    expectEach(finding('BASIQ-TOKEN-OK', `200 application/json, token_type "Bearer", expires_in ${target.settings.tokenTtl} (an integer)`), cases)
  })

  test('issues a compact JWS whose header names its algorithm', req('BASIQ-TOKEN-JWT'), async ({ request, target }) => {
    const token = await tokenFor(request, target)
    const alg = jwtParts(token).header.alg
    expect(
      { jws: /^eyJh[\w-]*\.[\w-]+\.[\w-]+$/.test(token), alg: typeof alg === 'string' && alg !== 'none' },
      finding('BASIQ-TOKEN-JWT', 'three base64url segments, the first a JSON header with an alg (not "none"); recorded tokens start "eyJh"'),
    ).toEqual({ jws: true, alg: true })
  })

  test('hands out no refresh token, and marks the answer Cache-Control: no-store', req('BASIQ-TOKEN-NO-REFRESH', 'BASIQ-TOKEN-NO-STORE'), async ({ request, target }, testInfo) => {
    // A cache the request itself invites (max-age) must still not keep the answer.
    const response = await postToken(request, target, { headers: { 'cache-control': 'max-age=3600' } })
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    expect({ issued: response.status(), refresh_token: body.refresh_token }, finding('BASIQ-TOKEN-NO-REFRESH', 'a token and no refresh_token (RFC 6749 §4.4.3)')).toEqual({ issued: 200, refresh_token: undefined })
    checkedToEnd(testInfo)
    expect(response.headers()['cache-control'] ?? '(absent)', finding('BASIQ-TOKEN-NO-STORE', 'Cache-Control includes no-store (RFC 6749 §5.1)')).toMatch(/(^|,)\s*no-store\s*(,|$)/i)
  })
})

test('never grants server access for a scope written in another letter case or with spaces', req('BASIQ-TOKEN-SCOPE-EXACT'), async ({ request, target }) => {
  const { a } = await people(request, target, () => tokenFor(request, target))
  const cases: Case[] = []
  for (const scope of ['client_access', 'Client_Access', 'CLIENT_ACCESS ', ' CLIENT_ACCESS', 'server_access']) {
    for (const userId of [undefined, a]) {
      const response = await postToken(request, target, { body: `scope=${encodeURIComponent(scope)}${userId ? `&userId=${encodeURIComponent(userId)}` : ''}` })
      const token = await accessToken(response)
      // A token, if one comes back, must not create users (SERVER_ACCESS only): what it was granted is what counts.
      const created = token ? (await request.post('/users', { headers: { ...bearer(token), 'content-type': JSON_TYPE }, data: { mobile: '+61410888333' } })).status() : undefined
      const status = response.status()
      const answer = token ? `a token; POST /users with it: ${created}` : status >= 400 && status < 500 ? 'refused (4xx)' : `${status} without a token`
      cases.push([`scope=${JSON.stringify(scope)}${userId ? '&userId=<user A>' : ''}`, answer, expect.stringMatching(/^(refused \(4xx\)|a token; POST \/users with it: 403)$/)])
    }
  }
  expectEach(finding('BASIQ-TOKEN-SCOPE-EXACT', 'refused, or a token that POST /users refuses 403 — never server access'), cases)
})

test.describe('POST /token — what it reads', () => {
  type Fixtures = { request: Parameters<typeof postToken>[0]; target: Parameters<typeof postToken>[1] }
  /**
   * Which scope a token request was granted, told by GET /users/{a}/accounts (SERVER_ACCESS only): first with the
   * tokens the docs' own form requests get, so a target whose scopes do not differ there blocks the check instead
   * of failing it.
   */
  async function scopes({ request, target }: Fixtures) {
    const { a } = await people(request, target, () => tokenFor(request, target))
    const accounts = async (token: string) => (await request.get(`/users/${a}/accounts`, { headers: bearer(token) })).status()
    const server = await accounts(await tokenFor(request, target))
    const client = await accounts(await tokenFor(request, target, scopeForm('CLIENT_ACCESS', a)))
    if (server === client) expect(server, precondition('BASIQ-SCOPE-CLIENT-FORBIDDEN', `a SERVER_ACCESS and a CLIENT_ACCESS token must answer GET /users/{a}/accounts differently (both ${server})`)).not.toBe(client)
    return {
      a,
      async of(r: TokenRequest) {
        const issued = await postToken(request, target, r)
        const token = await accessToken(issued)
        if (issued.status() !== 200 || !token) return { issued: issued.status() }
        const status = await accounts(token)
        return { issued: 200, scope: status === server ? 'SERVER_ACCESS' : status === client ? 'CLIENT_ACCESS' : `neither (accounts ${status})` }
      },
    }
  }
  const server = { issued: 200, scope: 'SERVER_ACCESS' }
  const client = { issued: 200, scope: 'CLIENT_ACCESS' }

  test('takes a request without scope as SERVER_ACCESS: a form without it, JSON {}, no body', req('BASIQ-TOKEN-DEFAULT-SCOPE'), async ({ request, target }) => {
    const cases: Case[] = []
    for (const [name, r] of [
      ['an empty form', { body: '', contentType: FORM }],
      ['JSON {}', { body: '{}', contentType: JSON_TYPE }],
      ['no body at all', { body: null }],
    ] as const) {
      const response = await postToken(request, target, r)
      const token = await accessToken(response)
      const created = token ? await request.post('/users', { headers: { ...bearer(token), 'content-type': JSON_TYPE }, data: { mobile: '+61410888111' } }) : undefined
      cases.push([name, { issued: response.status(), createsUsers: created?.status() }, { issued: 200, createsUsers: 201 }])
    }
    expectEach(finding('BASIQ-TOKEN-DEFAULT-SCOPE', 'a SERVER_ACCESS token: POST /users answers 201 with it'), cases)
  })

  test('reads a form body, with or without a charset', req('BASIQ-TOKEN-FORM'), async ({ request, target }) => {
    const scope = await scopes({ request, target })
    const body = scopeForm('CLIENT_ACCESS', scope.a)
    expectEach(finding('BASIQ-TOKEN-FORM', 'scope=CLIENT_ACCESS&userId=… read: a CLIENT_ACCESS token'), [
      [FORM, await scope.of({ body, contentType: FORM }), client],
      [`${FORM};charset=UTF-8`, await scope.of({ body, contentType: `${FORM};charset=UTF-8` }), client],
      [`${FORM};charset=utf-8`, await scope.of({ body, contentType: `${FORM}; charset=utf-8` }), client],
    ])
  })

  test('reads a JSON body like the form', req('BASIQ-TOKEN-JSON'), async ({ request, target }) => {
    const scope = await scopes({ request, target })
    const body = JSON.stringify({ scope: 'CLIENT_ACCESS', userId: scope.a })
    expectEach(finding('BASIQ-TOKEN-JSON', '{"scope":"CLIENT_ACCESS","userId":…} read: a CLIENT_ACCESS token'), [[body, await scope.of({ body, contentType: JSON_TYPE }), client]])
  })

  test('takes an empty JSON body (what basiq-sdk-nodejs sends) as a SERVER_ACCESS request', req('BASIQ-TOKEN-EMPTY-BODY'), async ({ request, target }) => {
    const scope = await scopes({ request, target })
    expectEach(finding('BASIQ-TOKEN-EMPTY-BODY', 'Content-Type application/json, no body: a SERVER_ACCESS token'), [['empty JSON body', await scope.of({ body: '', contentType: JSON_TYPE }), server]])
  })

  test("ignores parameters it does not know: an OAuth client's grant_type, the Trusted-Advisor fields", req('BASIQ-TOKEN-EXTRA-PARAMS'), async ({ request, target }) => {
    const scope = await scopes({ request, target })
    const advisor = { scope: 'CLIENT_ACCESS', userId: scope.a, orgName: 'Accountants XYZ Pty Ltd', orgRefID: '51824753556', orgRefType: 'ABN', orgType: 'Accountant', abnAcn: '51824753556' }
    expectEach(finding('BASIQ-TOKEN-EXTRA-PARAMS', 'the request is answered as without them'), [
      ['grant_type=client_credentials&scope=SERVER_ACCESS', await scope.of({ body: `grant_type=client_credentials&${scopeForm('SERVER_ACCESS')}` }), server],
      ['Trusted-Advisor JSON (ta.md)', await scope.of({ body: JSON.stringify(advisor), contentType: JSON_TYPE }), client],
    ])
  })

  test('reads scope from the body, never from a request header', req('BASIQ-SCOPE-HEADER-IGNORED'), async ({ request, target }) => {
    const scope = await scopes({ request, target })
    expectEach(finding('BASIQ-SCOPE-HEADER-IGNORED', "the body's scope, whatever a scope header says"), [
      ['body SERVER_ACCESS, header CLIENT_ACCESS', await scope.of({ body: scopeForm('SERVER_ACCESS'), headers: { scope: 'CLIENT_ACCESS' } }), server],
      ['body CLIENT_ACCESS, header SERVER_ACCESS', await scope.of({ body: scopeForm('CLIENT_ACCESS', scope.a), headers: { scope: 'SERVER_ACCESS' } }), client],
    ])
  })

  test('takes the key verbatim: its halves as client_secret_basic and "basic" work, the key encoded again does not', req('BASIQ-TOKEN-KEY-VERBATIM'), async ({ request, target }) => {
    const key = apiKey(target)
    const [id, secret] = Buffer.from(key, 'base64').toString('utf8').split(':') as [string, string]
    const halves = `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`
    const issued: Case[] = []
    for (const [name, authorization] of [
      ['client_secret_basic from its halves (RFC 6749 §2.3.1)', halves],
      ['scheme "basic"', `basic ${key}`],
    ] as const) {
      issued.push([name, (await postToken(request, target, { authorization })).status(), 200])
    }
    expectEach(finding('BASIQ-TOKEN-KEY-VERBATIM', 'the same bytes as the key: a token'), issued)
    await expectRefusals([['the key base64-encoded once more', await postToken(request, target, { authorization: `Basic ${Buffer.from(key).toString('base64')}` }), 400, ITEMS.authorizationInvalid]], 'BASIQ-TOKEN-KEY-VERBATIM', target)
  })

  test('accepts basiq-version 2.0, 2.1 and 3.0', req('BASIQ-TOKEN-VERSION-ACCEPTED'), async ({ request, target }) => {
    const cases: Case[] = []
    for (const version of ['2.0', '2.1', '3.0']) cases.push([version, (await postToken(request, target, { version })).status(), 200])
    expectEach(finding('BASIQ-TOKEN-VERSION-ACCEPTED', 'a token for each documented version'), cases)
  })

  test('issues a 2.x CLIENT_ACCESS token without userId, bound to no user', req('BASIQ-TOKEN-CLIENT-USERID-2X'), async ({ request, target }) => {
    const { a } = await people(request, target, () => tokenFor(request, target))
    const cases: Case[] = []
    let token = ''
    for (const version of ['2.0', '2.1']) {
      const response = await postToken(request, target, { version, body: 'scope=CLIENT_ACCESS' })
      token ||= await accessToken(response)
      cases.push([`basiq-version ${version}`, response.status(), 200])
    }
    expectEach(finding('BASIQ-TOKEN-CLIENT-USERID-2X', 'issued (recorded in 2.0: TestPostTokenClientAccess)'), cases)
    expect((await request.get('/institutions', { headers: bearer(token) })).status(), finding('BASIQ-TOKEN-CLIENT-USERID-2X', 'it lists institutions')).toBe(200)
    await expectRefusals([['GET /users/{user A}', await request.get(`/users/${a}`, { headers: bearer(token) }), 401, ITEMS.otherUser]], 'BASIQ-TOKEN-CLIENT-USERID-2X', target)
  })
})
