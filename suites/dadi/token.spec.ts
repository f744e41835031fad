import { expect, finding, precondition, req, test } from '../../harness/index.ts'
import { client, expectInvalidCredentials, postToken, tokenFor, type Refusal } from './dadi.ts'

type Creds = { clientId: string; secret: string }

test.describe('POST /token — client credentials', () => {
  test('issues a token with exactly the documented fields', req('DADI-TOKEN-SHAPE'), async ({ request, target }) => {
    const response = await postToken(request, client(target, 'primary'))
    expect(response.status(), finding('DADI-TOKEN-SHAPE', 'valid credentials get 200')).toBe(200)
    expect(response.headers()['content-type'], finding('DADI-TOKEN-SHAPE', 'JSON response')).toMatch(/^application\/json/)
    const body = await response.json()
    expect(Object.keys(body).sort(), finding('DADI-TOKEN-SHAPE', 'exactly accessToken, expiresIn, tokenType')).toEqual(['accessToken', 'expiresIn', 'tokenType'])
    expect(body.tokenType, finding('DADI-TOKEN-SHAPE', 'tokenType')).toBe('Bearer')
    expect(typeof body.accessToken, finding('DADI-TOKEN-SHAPE', 'accessToken is a string')).toBe('string')
    expect(Number.isInteger(body.expiresIn) && body.expiresIn > 0, finding('DADI-TOKEN-SHAPE', `expiresIn is a positive integer, got ${body.expiresIn}`)).toBe(true)
  })

  test('marks the token response as not cacheable', req('DADI-TOKEN-NOSTORE'), async ({ request, target }) => {
    // Whatever the request asked of caches: a plain request, then the headers a browser or proxy may send.
    for (const cacheControl of [undefined, 'no-cache', 'max-age=3600']) {
      const sent: Record<string, string> = cacheControl ? { 'cache-control': cacheControl } : {}
      const response = await request.post('/token', { data: client(target, 'primary'), headers: { 'content-type': 'application/json', ...sent } })
      expect(response.status(), precondition('DADI-TOKEN-SHAPE', 'the token request succeeds')).toBe(200)
      const headers = response.headers()
      const asked = cacheControl ? ` (request Cache-Control: ${cacheControl})` : ''
      expect(headers['cache-control'] ?? '(absent)', finding('DADI-TOKEN-NOSTORE', `Cache-Control must include no-store${asked}`)).toMatch(/(^|,)\s*no-store\s*(,|$)/i)
      expect(headers.pragma ?? '(absent)', finding('DADI-TOKEN-NOSTORE', `Pragma must be no-cache${asked}`)).toBe('no-cache')
    }
  })

  test('reports the configured token lifetime in expiresIn', req('DADI-TOKEN-TTL'), async ({ request, target }) => {
    const { expiresIn } = await tokenFor(request, client(target, 'primary'))
    expect(expiresIn, finding('DADI-TOKEN-TTL', `expiresIn must equal the target's tokenTtl (${target.settings.tokenTtl})`)).toBe(Number(target.settings.tokenTtl))
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
      for (const [name, value] of [['client id', creds.clientId], ['secret', creds.secret]] as const) {
        if (token.includes(value)) broken.push(`${token}: contains the ${name}`)
      }
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
  test('refuses missing credentials: an empty object, no secret, no clientId, empty strings', req('DADI-CRED-MISSING'), async ({ request, target }) => {
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

  for (const [name, body] of [
    ['the form-encoded body of the docs’ curl example', (c: Creds) => `clientId=${c.clientId}&secret=${c.secret}`],
    ['a truncated JSON body', (c: Creds) => `{"clientId":"${c.clientId}","secret":`],
  ] as const) {
    test(`refuses ${name}`, req('DADI-CRED-JSON'), async ({ request, target }) => {
      // A Buffer goes out as it is: Playwright would JSON-encode a string that is not JSON (a JSON string literal).
      const response = await request.post('/token', { data: Buffer.from(body(client(target, 'primary'))), headers: { 'content-type': 'application/json' } })
      expect([400, 401], finding('DADI-CRED-JSON', `a non-JSON body gets 400 or 401, got ${response.status()}`)).toContain(response.status())
      expect(await response.text(), finding('DADI-CRED-JSON', 'no token for a body that is not JSON')).not.toMatch(/accessToken|access_token/i)
    })
  }

  test('issues tokens to POST only, never for credentials in a query string', req('DADI-TOKEN-POST-ONLY'), async ({ request, target }) => {
    const { clientId, secret } = client(target, 'primary')
    const query = `clientId=${encodeURIComponent(clientId)}&secret=${encodeURIComponent(secret)}`
    for (const [method, path] of [
      ['GET', `/token?${query}`],
      ['GET', '/token'],
      ['POST', `/token?${query}`],
    ] as const) {
      const response = await request.fetch(path, { method })
      expect(response.status() < 200 || response.status() >= 300, finding('DADI-TOKEN-POST-ONLY', `${method} ${path.replace(secret, '…')} must not succeed, got ${response.status()}`)).toBe(true)
      expect(await response.text(), finding('DADI-TOKEN-POST-ONLY', `no token for ${method} ${path.replace(secret, '…')}`)).not.toMatch(/accessToken|access_token/i)
    }
  })

  test('never echoes the submitted secret', req('DADI-CRED-NOECHO'), async ({ request, target }) => {
    const probe = 'Zq7-echo-probe-secret-Zq7'
    for (const data of [{ clientId: client(target, 'primary').clientId, secret: probe }, { clientId: 'no-such-client', secret: probe }]) {
      const response = await postToken(request, data)
      expect(response.status(), finding('DADI-CRED-NOECHO', 'refused')).toBe(401)
      expect(await response.text(), finding('DADI-CRED-NOECHO', 'the body must not contain the secret')).not.toContain(probe)
      expect(JSON.stringify(response.headers()), finding('DADI-CRED-NOECHO', 'no header may contain the secret')).not.toContain(probe)
    }
  })

  test('answers every 401 with {"statusCode":401}', req('DADI-ERROR-BODY'), async ({ request, target }) => {
    const refusals = [
      ['a wrong secret', await postToken(request, { clientId: client(target, 'primary').clientId, secret: 'wrong-secret-000' })],
      ['no Authorization', await request.get('/api/collections')],
      ['an unknown token', await request.get('/api/collections', { headers: { authorization: 'Bearer 00000000-0000-4000-8000-000000000000' } })],
      ['a Basic header', await request.get('/api/collections', { headers: { authorization: 'Basic dGVzdDp0ZXN0' } })],
    ] as const
    for (const [name, response] of refusals) {
      expect(response.status(), finding('DADI-ERROR-BODY', `${name} is refused with 401`)).toBe(401)
      expect(response.headers()['content-type'] ?? '(none)', finding('DADI-ERROR-BODY', `${name}: a JSON body`)).toMatch(/^application\/json/)
      expect(await response.text(), finding('DADI-ERROR-BODY', `${name}: the body`)).toBe('{"statusCode":401}')
    }
  })

  test('sends the documented challenge strings', req('DADI-AUTH-CHALLENGE-SYNTAX'), async ({ request, target }) => {
    const refused = await postToken(request, { clientId: client(target, 'primary').clientId, secret: 'wrong-secret-000' })
    expect(refused.headers()['www-authenticate']).toBe('Bearer, error="invalid_credentials", error_description="Invalid credentials supplied"')
    const unknown = await request.get('/api/collections', { headers: { authorization: 'Bearer 00000000-0000-4000-8000-000000000000' } })
    expect(unknown.headers()['www-authenticate']).toBe('Bearer, error="invalid_token", error_description="Invalid or expired access token"')
    const malformed = await request.get('/api/collections', { headers: { authorization: 'Basic dGVzdDp0ZXN0' } })
    expect(malformed.headers()['www-authenticate']).toBe('Bearer, error="no_token", error_description="No access token supplied"')
  })
})
