import { decodeJwt } from 'jose'
import { expect, expectEach, finding, precondition, req, test } from '../../harness/index.ts'
import { client, expectInvalidCredentials, INVALID_CREDENTIALS, postRaw, postToken, tokenFor, type Refusal } from './dadi.ts'

type Creds = { clientId: string; secret: string }
const PARSE_ERROR = '{"expose":true,"statusCode":400,"status":400,"type":"entity.parse.failed"}'

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
      expect(body.permissions, finding('DADI-TOKEN-SHAPE', 'permissions {resources, roles} (4.x–6.x)')).toEqual({ resources: expect.any(Object), roles: expect.any(Array) })
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
    expectEach(finding('DADI-TOKEN-NOSTORE', 'Cache-Control includes no-store and Pragma is no-cache'), answers)
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
    expect(broken, finding('DADI-TOKEN-RANDOM', 'at least 16 characters, not derived from the credentials, consecutive tokens unlike each other')).toEqual([])
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
    expect(
      { alg: header.alg, claims: Object.keys(claims).sort(), clientId: claims.clientId, lifetime: Number(claims.exp) - Number(claims.iat), secretInside: accessToken.includes(Buffer.from(creds.secret).toString('base64url').slice(0, 8)) || JSON.stringify(claims).includes(creds.secret) },
      finding('DADI-TOKEN-JWT', 'an HS256 JWT {clientId, accessType, iat, exp} with exp − iat = expiresIn and no secret in it'),
    ).toEqual({ alg: 'HS256', claims: ['accessType', 'clientId', 'exp', 'iat'], clientId: creds.clientId, lifetime: expiresIn, secretInside: false })
  })
})

test.describe('POST /token — refusals', () => {
  test('refuses a wrong secret, including near misses', req('DADI-CRED-SECRET'), async ({ request, target }) => {
    const { clientId, secret } = client(target, 'primary')
    const flipCase = secret === secret.toUpperCase() ? secret.toLowerCase() : secret.toUpperCase()
    const refusals: Refusal[] = []
    for (const [name, wrong] of [
      ['another secret', 'not-the-secret-9f1c'],
      ['the secret minus its last character', secret.slice(0, -1)],
      ['the secret plus a character', `${secret}x`],
      ['the secret in other letter case', flipCase],
      ['the secret after a space', ` ${secret}`],
    ] as const) {
      refusals.push([name, await postToken(request, { clientId, secret: wrong })])
    }
    await expectInvalidCredentials(refusals, 'DADI-CRED-SECRET')
  })

  test('refuses an unknown client exactly like a wrong secret', req('DADI-CRED-UNKNOWN'), async ({ request, target }) => {
    const { clientId, secret } = client(target, 'primary')
    const otherCase = clientId === clientId.toUpperCase() ? clientId.toLowerCase() : clientId.toUpperCase()
    const unknown = await postToken(request, { clientId: `no-such-client-${Date.now()}`, secret })
    const wrong = await postToken(request, { clientId, secret: 'not-the-secret-9f1c' })
    const cased = await postToken(request, { clientId: otherCase, secret })
    await expectInvalidCredentials(
      [
        ['an unknown client', unknown],
        ['the client id in other letter case', cased],
      ],
      'DADI-CRED-UNKNOWN',
    )
    expect(await unknown.text(), finding('DADI-CRED-UNKNOWN', 'the body must not tell unknown clients from wrong secrets')).toBe(await wrong.text())
  })

  // Each family of malformed bodies is one test: every case is sent, and one assertion names each that is off.
  test('refuses missing credentials: an empty object, no secret, no clientId, empty strings, no body', req('DADI-CRED-MISSING'), async ({ request, target }) => {
    const c = client(target, 'primary')
    const refusals: Refusal[] = []
    for (const [name, data] of [
      ['an empty object', {}],
      ['no secret', { clientId: c.clientId }],
      ['no clientId', { secret: c.secret }],
      ['empty strings', { clientId: '', secret: '' }],
    ] as const) {
      refusals.push([name, await postToken(request, data)])
    }
    refusals.push(['no body at all', await request.post('/token')])
    await expectInvalidCredentials(refusals, 'DADI-CRED-MISSING')
  })

  test('refuses credentials that are not strings: a number, an array, Mongo operators', req('DADI-CRED-TYPES'), async ({ request, target }) => {
    const c = client(target, 'primary')
    const refusals: Refusal[] = []
    for (const [name, data] of [
      ['a numeric secret', { clientId: c.clientId, secret: 12345 }],
      ['a Mongo operator as secret', { clientId: c.clientId, secret: { $ne: '' } }],
      ['an array as secret', { clientId: c.clientId, secret: [c.secret] }],
      ['a Mongo operator as clientId', { clientId: { $gt: '' }, secret: c.secret }],
    ] as const) {
      refusals.push([name, await postToken(request, data)])
    }
    await expectInvalidCredentials(refusals, 'DADI-CRED-TYPES')
  })

  test('answers a body the JSON parser cannot read with body-parser’s 400, no token, nothing repeated', req('DADI-CRED-JSON'), async ({ request, target }) => {
    const c = client(target, 'primary')
    const cases: [string, string][] = [
      ['the form-encoded body of the docs’ curl example', `clientId=${c.clientId}&secret=${c.secret}`],
      ['a truncated JSON body', `{"clientId":"${c.clientId}","secret":`],
      ['a bare JSON string', '"just a string"'],
    ]
    const answers: [string, unknown, unknown][] = []
    for (const [name, body] of cases) {
      const response = await postRaw(request, body)
      answers.push([name, { status: response.status(), body: await response.text() }, { status: 400, body: PARSE_ERROR }])
    }
    expectEach(finding('DADI-CRED-JSON', `400 ${PARSE_ERROR}`), answers)
  })

  test('takes the credentials as a form, and JSON sent as text/plain', req('DADI-CRED-FORM'), async ({ request, target }) => {
    const c = client(target, 'primary')
    const form = await request.post('/token', { form: c })
    const text = await postRaw(request, JSON.stringify(c), 'text/plain')
    expect({ form: form.status(), textPlain: text.status() }, finding('DADI-CRED-FORM', 'both give a token')).toEqual({ form: 200, textPlain: 200 })
  })

  test('issues tokens to POST only, never for credentials in a query string', req('DADI-TOKEN-POST-ONLY'), async ({ request, target }) => {
    const { clientId, secret } = client(target, 'primary')
    const query = `clientId=${encodeURIComponent(clientId)}&secret=${encodeURIComponent(secret)}`
    const v3 = target.profile === 'dadi@3'
    const cases: [string, unknown, unknown][] = []
    for (const [method, path, status] of [
      ['GET', `/token?${query}`, v3 ? 401 : 404],
      ['GET', '/token', 404],
      ['PUT', '/token', 404],
      ['POST', `/token?${query}`, 401],
    ] as const) {
      const response = await request.fetch(path, { method })
      const text = await response.text()
      // 3.2.2 gates /token with a query string as a protected route (401 without a challenge); either 401 refuses.
      const challenge = response.headers()['www-authenticate']
      const form = status === 404 ? text : /accessToken|access_token/i.test(text) ? 'a token' : 'no token'
      cases.push([`${method} ${path.replace(secret, '…')}`, { status: response.status(), body: form, challenge: status === 401 && !v3 ? challenge : undefined }, { status, body: status === 404 ? '' : 'no token', challenge: status === 401 && !v3 ? INVALID_CREDENTIALS : undefined }])
    }
    expectEach(finding('DADI-TOKEN-POST-ONLY', `no token but for POST with the credentials in the body (${target.profile})`), cases)
  })

  test('never echoes the submitted secret', req('DADI-CRED-NOECHO'), async ({ request, target }) => {
    const probe = 'Zq7-echo-probe-secret-Zq7'
    const { clientId } = client(target, 'primary')
    const cases: [string, unknown, unknown][] = []
    for (const [name, send] of [
      ['a wrong secret', () => postToken(request, { clientId, secret: probe })],
      ['an unknown client', () => postToken(request, { clientId: 'no-such-client', secret: probe })],
      ['the secret in a form body sent as JSON', () => postRaw(request, `clientId=${clientId}&secret=${probe}`)],
      ['the secret in truncated JSON', () => postRaw(request, `{"clientId":"${clientId}","secret":"${probe}`)],
    ] as const) {
      const response = await send()
      const seen = `${await response.text()} ${JSON.stringify(response.headers())}`
      cases.push([name, { refused: response.status() >= 400, repeated: seen.includes(probe) }, { refused: true, repeated: false }])
    }
    expectEach(finding('DADI-CRED-NOECHO', 'no refusal repeats the submitted secret in its body or headers'), cases)
  })

  test('answers every auth refusal with DADI’s own body', req('DADI-ERROR-BODY'), async ({ request, target }) => {
    const v6 = target.profile === 'dadi@6'
    const API_0005 = '{"code":"API-0005","title":"Unauthorised","details":"The request could not be fulfilled because it did not contain a valid bearer token.","docLink":"https://docs.dadi.cloud/api/#api-0005"}'
    const protectedBody = v6 ? API_0005 : '{"statusCode":401}'
    const cases: [string, unknown, unknown][] = []
    for (const [name, response, body] of [
      ['a wrong secret at /token', await postToken(request, { clientId: client(target, 'primary').clientId, secret: 'wrong-secret-000' }), '{"statusCode":401}'],
      ['no Authorization', await request.get('/api/collections'), protectedBody],
      ['an unknown token', await request.get('/api/collections', { headers: { authorization: 'Bearer 00000000-0000-4000-8000-000000000000' } }), protectedBody],
      ['a Basic header', await request.get('/api/collections', { headers: { authorization: 'Basic dGVzdDp0ZXN0' } }), protectedBody],
    ] as const) {
      cases.push([name, { status: response.status(), type: response.headers()['content-type']?.split(';')[0], body: await response.text() }, { status: 401, type: 'application/json', body }])
    }
    expectEach(finding('DADI-ERROR-BODY', `401 with ${target.profile}'s body`), cases)
  })

  test('sends the documented challenge strings', req('DADI-AUTH-CHALLENGE-SYNTAX'), async ({ request, target }) => {
    const v6 = target.profile === 'dadi@6'
    const refused = await postToken(request, { clientId: client(target, 'primary').clientId, secret: 'wrong-secret-000' })
    const unknown = await request.get('/api/collections', { headers: { authorization: 'Bearer 00000000-0000-4000-8000-000000000000' } })
    const malformed = await request.get('/api/collections', { headers: { authorization: 'Basic dGVzdDp0ZXN0' } })
    expectEach(finding('DADI-AUTH-CHALLENGE-SYNTAX', 'the exact documented challenges (4.x–6.x: only /token sends one)'), [
      ['invalid credentials at /token', refused.headers()['www-authenticate'], INVALID_CREDENTIALS],
      ['an unknown token', unknown.headers()['www-authenticate'], v6 ? undefined : 'Bearer, error="invalid_token", error_description="Invalid or expired access token"'],
      ['a Basic header', malformed.headers()['www-authenticate'], v6 ? undefined : 'Bearer, error="no_token", error_description="No access token supplied"'],
    ])
  })
})

