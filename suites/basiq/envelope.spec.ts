import type { APIResponse } from '@playwright/test'
import { expect, expectEach, finding, req, test, type Case } from '../../harness/index.ts'
import { bearer, canonical, envelopeOf, ENVELOPE, people, postToken, scopeForm, tokenFor } from './basiq.ts'
import { RECORDED } from './recorded.ts'

const JSON_TYPE = 'application/json'
const unknownKey = () => Buffer.from(`${crypto.randomUUID()}:${crypto.randomUUID()}`).toString('base64')


// Every refusal family checks its own answers' envelope too (basiq.ts expectRefusals); here one of each kind of
// error, /token's and the resource routes', side by side: the same envelope, never the same correlationId.
test('answers every kind of error of every route in the list envelope, each with a fresh correlationId', req('BASIQ-ERROR-ENVELOPE', 'BASIQ-ERROR-CORRELATION'), async ({ request, target }) => {
  const server = await tokenFor(request, target)
  const { a, b } = await people(request, target, async () => server)
  const client = await tokenFor(request, target, scopeForm('CLIENT_ACCESS', a))
  const disabled = target.optionalCreds('disabled').values.apiKey
  const get = (path: string, headers: Record<string, string> = {}) => request.get(path, { headers })
  const answers: [string, APIResponse][] = [
    ['/token: no Authorization', await postToken(request, target, { authorization: null })],
    ['/token: no basiq-version', await postToken(request, target, { version: null })],
    ['/token: an unknown key', await postToken(request, target, { authorization: `Basic ${unknownKey()}` })],
    ...(disabled ? [['/token: a disabled key', await postToken(request, target, { authorization: `Basic ${disabled}` })] as [string, APIResponse]] : []),
    ['/token: CLIENT_ACCESS without userId', await postToken(request, target, { body: 'scope=CLIENT_ACCESS' })],
    ['/token: a truncated JSON body', await postToken(request, target, { body: '{', contentType: JSON_TYPE })],
    ['GET /institutions: no Authorization', await get('/institutions')],
    ['GET /users/{b}: a client token of user A', await get(`/users/${b}`, bearer(client))],
    ['GET /users/{a}/accounts: a client token', await get(`/users/${a}/accounts`, bearer(client))],
    ['GET /users/{no such user}', await get(`/users/${crypto.randomUUID()}`, bearer(server))],
    ['GET /institutions: Accept application/xml', await get('/institutions', { ...bearer(server), accept: 'application/xml' })],
    ['POST /users: {}', await request.post('/users', { headers: { ...bearer(server), 'content-type': JSON_TYPE }, data: {} })],
  ]
  // The errors among them: each route's own requirement checks that it is refused, with which status and wording.
  const errors = answers.filter(([, response]) => response.status() >= 400)
  const texts = await Promise.all(errors.map(([, response]) => response.text()))
  expectEach(
    finding('BASIQ-ERROR-ENVELOPE', `application/json {"type":"list","correlationId":<non-empty>,"data":[{"type":"error","code","title",…}]} — never {"error":…} nor {"message":…} (${errors.length} of ${answers.length} requests refused)`),
    errors.map(([name, response], i) => [`${name} (${response.status()})`, envelopeOf(response.headers()['content-type'], texts[i]!), ENVELOPE]),
  )
  const ids = texts.map((text) => {
    try {
      return String((JSON.parse(text) as { correlationId?: unknown }).correlationId)
    } catch {
      return '(no JSON)'
    }
  })
  const repeated = errors.flatMap(([name], i) => (ids.indexOf(ids[i]!) !== i ? [`${name} repeats ${errors[ids.indexOf(ids[i]!)]![0]}'s ${ids[i]}`] : []))
  expect(repeated, finding('BASIQ-ERROR-CORRELATION', `${errors.length} errors, ${new Set(ids).size} distinct correlationIds`)).toEqual([])
})

test(
  'answers each recorded exchange field by field',
  req('BASIQ-TOKEN-OK', 'BASIQ-TOKEN-VERSION-MISSING', 'BASIQ-TOKEN-KEY-UNKNOWN', 'BASIQ-BEARER-MISSING', 'BASIQ-USER-CREATE', 'BASIQ-BEARER-EXPIRED'),
  async ({ request, target, clock }) => {
    clock.require(Number(target.settings.tokenTtl) + 1)
    const deleted = target.optionalCreds('deleted').values.apiKey
    const server = await tokenFor(request, target)
    const { a } = await people(request, target, async () => server)
    /** The answer as the recording holds it: status, and the body with a fresh correlationId (and any token). */
    const shape = async (response: APIResponse) => {
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
      if (typeof body.correlationId === 'string' && body.correlationId.length > 0) body.correlationId = '(fresh)'
      // The token itself differs each time (its form is BASIQ-TOKEN-JWT's); the recording has a string there.
      if (typeof body.access_token === 'string') body.access_token = '(a string)'
      return { status: response.status(), body }
    }
    const fresh = <T extends object>(recorded: T) => ({ ...recorded, correlationId: '(fresh)' })
    const compare = (cases: [id: string, name: string, actual: { status: number; body: unknown }, expected: { status: number; body: unknown }][]) => {
      const off = cases.filter(([, , actual, expected]) => canonical(actual) !== canonical(expected)).map(([id]) => id)
      expectEach(
        finding(off.length ? [...new Set(off)] : cases.map(([id]) => id), 'status and every field as recorded (correlationId fresh)'),
        cases.map(([, name, actual, expected]): Case => [name, actual, expected]),
      )
    }
    // The recording's expires_in is 3600, the lifetime Basiq documents; a target declares its own (tokenTtl: 3600 on
    // Basiq, shorter on a test server), and the same lifetime is the one this test waits out below.
    compare([
      ['BASIQ-TOKEN-OK', 'postToken.json (basiq-version 2.1, no scope)', await shape(await postToken(request, target, { version: '2.1', body: null })), { status: 200, body: { ...RECORDED.postToken, expires_in: Number(target.settings.tokenTtl), access_token: '(a string)' } }],
      ['BASIQ-TOKEN-VERSION-MISSING', 'postTokenBadRequest.json', await shape(await postToken(request, target, { version: null, body: null })), { status: 400, body: fresh(RECORDED.postTokenBadRequest) }],
      [
        'BASIQ-TOKEN-KEY-UNKNOWN',
        `postTokenNotFound.json (${deleted ? 'the deleted key' : 'an unknown key: no deleted key set'})`,
        await shape(await postToken(request, target, { version: '2.0', body: null, authorization: `Basic ${deleted ?? unknownKey()}` })),
        { status: 404, body: fresh(RECORDED.postTokenNotFound) },
      ],
      ['BASIQ-BEARER-MISSING', 'getInstitutionsUnauthorized.json', await shape(await request.get('/institutions')), { status: 401, body: fresh(RECORDED.getInstitutionsUnauthorized) }],
      ['BASIQ-USER-CREATE', 'createUserBadRequest.json', await shape(await request.post('/users', { headers: { ...bearer(server), 'content-type': JSON_TYPE }, data: {} })), { status: 400, body: fresh(RECORDED.createUserBadRequest) }],
    ])
    await clock.advance(Number(target.settings.tokenTtl) + 1)
    compare([['BASIQ-BEARER-EXPIRED', 'getUserForbidden.json (an expired token)', await shape(await request.get(`/users/${a}`, { headers: bearer(server) })), { status: 403, body: fresh(RECORDED.getUserForbidden) }]])
  },
)
