import { expect, expectEach, finding, req, test } from '../../harness/index.ts'
import { client, expectInvalidCredentials, INVALID_CREDENTIALS, postRaw, postToken, tokenFor, type Refusal } from './dadi.ts'

const PARSE_ERROR = '{"expose":true,"statusCode":400,"status":400,"type":"entity.parse.failed"}'
const API_0005 = '{"code":"API-0005","title":"Unauthorised","details":"The request could not be fulfilled because it did not contain a valid bearer token.","docLink":"https://docs.dadi.cloud/api/#api-0005"}'
const API_0006 = '{"code":"API-0006","title":"Access denied","details":"The bearer token supplied in the request does not have sufficient permissions to perform the operation.","docLink":"https://docs.dadi.cloud/api/#api-0006"}'

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
      // 1.x–5.x know no e-mail login; 6.x reads email only for a client that has one (DADI-TOKEN-EMAIL).
      ['an email instead of a clientId', { email: 'no-such-client@example.invalid', secret: c.secret }],
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
    const protectedBody = v6 ? API_0005 : '{"statusCode":401}'
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const cases: [string, unknown, unknown][] = []
    for (const [name, response, status, body] of [
      ['a wrong secret at /token', await postToken(request, { clientId: client(target, 'primary').clientId, secret: 'wrong-secret-000' }), 401, '{"statusCode":401}'],
      ['no Authorization', await request.get('/api/collections'), 401, protectedBody],
      ['an unknown token', await request.get('/api/collections', { headers: { authorization: 'Bearer 00000000-0000-4000-8000-000000000000' } }), 401, protectedBody],
      ['a Basic header', await request.get('/api/collections', { headers: { authorization: 'Basic dGVzdDp0ZXN0' } }), 401, protectedBody],
      ['a client without the permission', await request.get(target.settings.deniedCollection!, { headers: { authorization: `Bearer ${restricted}` } }), v6 ? 403 : 401, v6 ? API_0006 : '{"statusCode":401}'],
    ] as const) {
      const headers = response.headers()
      // 4.x–6.x send the ACL's errors with help.sendBackJSON, which adds an ETag; /token and 1.x–3.x do not.
      const etag = v6 && name !== 'a wrong secret at /token'
      cases.push([name, { status: response.status(), type: headers['content-type']?.split(';')[0], body: await response.text(), etag: headers.etag !== undefined }, { status, type: 'application/json', body, etag }])
    }
    expectEach(finding('DADI-ERROR-BODY', `${target.profile}'s body, as application/json (4.x–6.x protected routes with an ETag)`), cases)
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

