import { decodeJwt } from 'jose'
import { expect, expectEach, finding, precondition, req, test } from '../../harness/index.ts'
import { client, expectInvalidCredentials, INVALID_CREDENTIALS, postToken, tokenFor, type Refusal } from './dadi.ts'


test.describe('POST /token — client credentials', () => {
  test('issues a token with exactly the documented fields', req('DADI-TOKEN-SHAPE'), async ({ request, target }) => {
    const response = await postToken(request, client(target, 'restricted'))
    expect(response.status(), finding('DADI-TOKEN-SHAPE', 'valid credentials get 200')).toBe(200)
    expect(response.headers()['content-type'], finding('DADI-TOKEN-SHAPE', 'JSON response')).toMatch(/^application\/json/)
    const body = await response.json()
    const fields = target.profile === 'dadi@6' ? ['accessToken', 'expiresIn', 'permissions', 'tokenType'] : ['accessToken', 'expiresIn', 'tokenType']
    expect(Object.keys(body).sort(), finding('DADI-TOKEN-SHAPE', `exactly ${fields.join(', ')} (${target.profile})`)).toEqual(fields)
    expect(body.tokenType, finding('DADI-TOKEN-SHAPE', 'tokenType')).toBe('Bearer')
    expect(typeof body.accessToken, finding('DADI-TOKEN-SHAPE', 'accessToken is a string')).toBe('string')
    expect(Number.isInteger(body.expiresIn) && body.expiresIn > 0, finding('DADI-TOKEN-SHAPE', `expiresIn is a positive integer, got ${body.expiresIn}`)).toBe(true)
    if (target.profile === 'dadi@6') {
      // The client's own access: exactly its one grant, collection:<database>_<name>, readable; no roles.
      const [database, name] = target.settings.allowedCollection!.split('/').slice(-2)
      const { resources, roles } = (body.permissions ?? {}) as { resources?: Record<string, { read?: unknown }>; roles?: unknown }
      expect(
        { resources: Object.keys(resources ?? {}), read: resources?.[`collection:${database}_${name}`]?.read, roles },
        finding('DADI-TOKEN-SHAPE', 'permissions: the restricted client’s one grant, readable, and no roles (4.x–6.x)'),
      ).toEqual({ resources: [`collection:${database}_${name}`], read: expect.anything(), roles: [] })
      expect(resources?.[`collection:${database}_${name}`]?.read, finding('DADI-TOKEN-SHAPE', 'the grant reads (true, or an object of filter and fields)')).not.toBe(false)
    }
  })

  test('marks the token response as not cacheable', req('DADI-TOKEN-NOSTORE'), async ({ request, target }) => {
    // Whatever the request asked of caches: a plain request, then the headers a browser or proxy may send.
    const answers: [string, unknown, unknown][] = []
    for (const cacheControl of [undefined, 'no-cache', 'max-age=3600']) {
      const sent: Record<string, string> = cacheControl ? { 'cache-control': cacheControl } : {}
      const response = await request.post('/token', { data: client(target, 'primary'), headers: { 'content-type': 'application/json', ...sent } })
      expect(response.status(), precondition('DADI-TOKEN-SHAPE', 'the token request succeeds')).toBe(200)
      const headers = response.headers()
      answers.push([`request Cache-Control: ${cacheControl ?? '(none)'}`, { cacheControl: headers['cache-control'] ?? '(absent)', pragma: headers.pragma ?? '(absent)' }, { cacheControl: expect.stringMatching(/(^|,)\s*no-store\s*(,|$)/i), pragma: 'no-cache' }])
    }
    // 4.x–6.x set both before they check the credentials, so every refusal carries them; 1.x–3.x only a token.
    const v6 = target.profile === 'dadi@6'
    const { clientId } = client(target, 'primary')
    for (const [name, data] of [
      ['a wrong secret', { clientId, secret: 'not-the-secret-9f1c' }],
      ['an empty body', {}],
      ['a numeric secret', { clientId, secret: 12345 }],
    ] as const) {
      const response = await postToken(request, data)
      const headers = response.headers()
      answers.push([`refused: ${name}`, { status: response.status(), cacheControl: headers['cache-control'] ?? '(absent)', pragma: headers.pragma ?? '(absent)' }, { status: 401, cacheControl: v6 ? expect.stringMatching(/(^|,)\s*no-store\s*(,|$)/i) : '(absent)', pragma: v6 ? 'no-cache' : '(absent)' }])
    }
    expectEach(finding('DADI-TOKEN-NOSTORE', `Cache-Control includes no-store and Pragma is no-cache on a token (${v6 ? 'and on every refusal, 4.x–6.x' : 'only, 1.x–3.x'})`), answers)
  })

  test('reports the configured token lifetime in expiresIn, for every client', req('DADI-TOKEN-TTL'), async ({ request, target }) => {
    const lifetimes = [(await tokenFor(request, client(target, 'primary'))).expiresIn, (await tokenFor(request, client(target, 'restricted'))).expiresIn]
    expect(lifetimes, finding('DADI-TOKEN-TTL', `expiresIn must equal the target's tokenTtl (${target.settings.tokenTtl}) for both clients`)).toEqual([Number(target.settings.tokenTtl), Number(target.settings.tokenTtl)])
  })

  test('issues distinct, unguessable tokens', req('DADI-TOKEN-RANDOM'), async ({ request, target }) => {
    const creds = client(target, 'primary')
    const tokens: string[] = []
    for (let i = 0; i < 8; i++) tokens.push((await tokenFor(request, creds)).accessToken)
    expect(new Set(tokens).size, finding('DADI-TOKEN-RANDOM', 'every token is new')).toBe(tokens.length)
    // Every rule on every token, then one assertion listing whatever broke (each assertion costs a step).
    const broken: string[] = []
    for (const [i, token] of tokens.entries()) {
      if (token.length < 16) broken.push(`${token}: shorter than 16 characters`)
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(token)) broken.push(`${token}: not a UUID v4`)
      for (const [name, value] of [['client id', creds.clientId], ['secret', creds.secret]] as const) if (token.includes(value)) broken.push(`${token}: contains the ${name}`)
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        if (Buffer.from(token, encoding).toString('latin1').includes(creds.clientId)) broken.push(`${token}: the client id is inside the ${encoding}-decoded token`)
      }
      if (i === 0) continue
      const previous = tokens[i - 1]!
      let differing = 0
      for (let c = 0; c < Math.max(token.length, previous.length); c++) if (token[c] !== previous[c]) differing++
      // Random UUIDs differ in ~80 % of positions; a counter or timestamp in a fixed frame differs in a few.
      if (differing / token.length <= 0.4) broken.push(`${previous} / ${token}: consecutive tokens share too much (${differing} of ${token.length} characters differ)`)
    }
    expect(broken, finding('DADI-TOKEN-RANDOM', 'UUID v4s (at least 16 characters), not derived from the credentials, consecutive tokens unlike each other')).toEqual([])
  })

  test('issues an HS256 JWT that carries the client, the lifetime and no secret', req('DADI-TOKEN-JWT'), async ({ request, target }) => {
    const creds = client(target, 'restricted')
    const { accessToken, expiresIn } = await tokenFor(request, creds)
    const header = JSON.parse(Buffer.from(accessToken.split('.')[0] ?? '', 'base64url').toString('utf8') || '{}')
    const claims = (() => {
      try {
        return decodeJwt(accessToken) as Record<string, unknown>
      } catch {
        return {}
      }
    })()
    // accessType is the client record's: "user" for the restricted client (the default), an admin's for the primary one.
    const primary = decodeJwt((await tokenFor(request, client(target, 'primary'))).accessToken).accessType
    expect(
      { alg: header.alg, claims: Object.keys(claims).sort(), clientId: claims.clientId, accessType: claims.accessType, primary, lifetime: Number(claims.exp) - Number(claims.iat), secretInside: accessToken.includes(Buffer.from(creds.secret).toString('base64url').slice(0, 8)) || JSON.stringify(claims).includes(creds.secret) },
      finding('DADI-TOKEN-JWT', 'an HS256 JWT {clientId, accessType, iat, exp} with the client’s accessType, exp − iat = expiresIn and no secret in it'),
    ).toEqual({ alg: 'HS256', claims: ['accessType', 'clientId', 'exp', 'iat'], clientId: creds.clientId, accessType: 'user', primary: expect.stringMatching(/^(admin|superUser)$/), lifetime: expiresIn, secretInside: false })
  })
  test('issues tokens to POST only, never for credentials in a query string, and revokes nothing', req('DADI-TOKEN-POST-ONLY'), async ({ request, target }) => {
    const { clientId, secret } = client(target, 'primary')
    const query = `clientId=${encodeURIComponent(clientId)}&secret=${encodeURIComponent(secret)}`
    const v3 = target.profile === 'dadi@3'
    const cases: [string, unknown, unknown][] = []
    const issued = (await tokenFor(request, { clientId, secret })).accessToken
    for (const [method, path, status, headers] of [
      ['GET', `/token?${query}`, v3 ? 401 : 404, {}],
      ['GET', '/token', 404, {}],
      ['PUT', '/token', 404, {}],
      // No revocation at the token route, with or without a token to revoke.
      ['DELETE', '/token', 404, {}],
      ['DELETE', '/token', 404, { authorization: `Bearer ${issued}` }],
      ['POST', `/token?${query}`, 401, {}],
    ] as const) {
      const response = await request.fetch(path, { method, headers })
      const text = await response.text()
      // 3.2.2 gates /token with a query string as a protected route (401 without a challenge); either 401 refuses.
      const challenge = response.headers()['www-authenticate']
      const form = status === 404 ? text : /accessToken|access_token/i.test(text) ? 'a token' : 'no token'
      // GET with the credentials in the query: 3.2.2 refuses it as a protected path (401), 6.x routes nothing there
      // (404); either refuses, so the rule is that no token comes back.
      const eitherRefusal = method === 'GET' && path.includes('?') && [401, 404].includes(response.status()) && !/accessToken|access_token/i.test(text)
      const actual = eitherRefusal ? { status, body: 'refused, no token', challenge: undefined } : { status: response.status(), body: form, challenge: status === 401 && !v3 ? challenge : undefined }
      const wanted = eitherRefusal ? actual : { status, body: status === 404 ? '' : 'no token', challenge: status === 401 && !v3 ? INVALID_CREDENTIALS : undefined }
      cases.push([`${method} ${path.replace(secret, '…')}${'authorization' in headers ? ' with a token' : ''}`, actual, wanted])
    }
    expectEach(finding('DADI-TOKEN-POST-ONLY', `no token but for POST with the credentials in the body (${target.profile})`), cases)
  })

  test('exempts exactly /token from authentication in 1.x–3.x; 4.x–6.x issue at /token?x and /token/ too', req('DADI-TOKEN-EXACT-ROUTE'), async ({ request, target }) => {
    // auth/index.js:110 (3.2.2) compares req.url: a query string or a trailing slash makes it a protected path,
    // refused before the credentials are read.
    const v3 = target.profile === 'dadi@3'
    const cases: [string, unknown, unknown][] = []
    for (const path of ['/token?probe=1', '/token/']) {
      const response = await postToken(request, client(target, 'primary'), path)
      const text = await response.text()
      const actual = { status: response.status(), challenge: response.headers()['www-authenticate'], body: /accessToken/.test(text) ? 'a token' : text }
      cases.push([`POST ${path} with valid JSON credentials`, actual, v3 ? { status: 401, challenge: undefined, body: '{"statusCode":401}' } : { status: 200, challenge: undefined, body: 'a token' }])
    }
    expectEach(finding('DADI-TOKEN-EXACT-ROUTE', `POST /token?x and /token/ with valid credentials (${target.profile})`), cases)
  })


  test('neither throttles nor locks out repeated wrong secrets', req('DADI-TOKEN-NO-LOCKOUT'), async ({ request, target }) => {
    const { clientId, secret } = client(target, 'primary')
    const refusals: Refusal[] = []
    for (let i = 1; i <= 10; i++) refusals.push([`wrong secret ${i}`, await postToken(request, { clientId, secret: `wrong-secret-${i}` })])
    // Each a plain invalid_credentials 401 — never 429, never a Retry-After — and the right secret still gets a token.
    expectEach(finding('DADI-TOKEN-NO-LOCKOUT', 'no refusal is a throttle'), refusals.map(([name, response]) => [name, { status: response.status(), retryAfter: response.headers()['retry-after'] }, { status: 401, retryAfter: undefined }]))
    await expectInvalidCredentials(refusals, 'DADI-TOKEN-NO-LOCKOUT')
    expect((await postToken(request, { clientId, secret })).status(), finding('DADI-TOKEN-NO-LOCKOUT', 'ten wrong secrets later, the right one gets a token')).toBe(200)
  })
})
