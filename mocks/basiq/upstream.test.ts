import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { SpecValidator, specDocuments } from '../../harness/evidence/spec-validator.ts'
import { basiqInstance } from './testing.ts'

/**
 * The mock against what Basiq itself published: the responses basiq-swagger's live tests recorded
 * (`/work/shared/reference/upstream/basiq/basiq-swagger-test-fixtures`, copied as data so the test runs
 * anywhere), field by field; and every answer of a full walk against our document and against Basiq's own
 * core.json + data.json with its declared faults.
 */
/** The recordings, as data beside Basiq's own documents (suites/basiq/recorded.ts reads the same file). */
const RECORDED = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'openapi', 'upstream', 'basiq.recorded.json'), 'utf8')) as Record<'postToken' | 'postTokenBadRequest' | 'postTokenNotFound' | 'getInstitutionsUnauthorized' | 'createUserBadRequest' | 'getUserForbidden', Record<string, unknown>>

/** Equal to the recording in every field but the correlationId (fresh, a UUID) — key order aside. */
function assertMatches(actual: Record<string, unknown>, recorded: Record<string, unknown>, name: string) {
  assert.match(String(actual.correlationId), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${name}: correlationId`)
  assert.deepEqual({ ...actual, correlationId: '' }, { ...recorded, correlationId: '' }, name)
}

describe('Basiq mock against the recorded responses', () => {
  it('keeps the copy of the recordings identical to the shared reference, when it is there', () => {
    const folder = '/work/shared/reference/upstream/basiq/basiq-swagger-test-fixtures'
    const files: Record<keyof typeof RECORDED, string> = {
      postToken: 'token_postToken.json',
      postTokenBadRequest: 'token_postTokenBadRequest.json',
      postTokenNotFound: 'token_postTokenNotFound.json',
      getInstitutionsUnauthorized: 'institutions_getInstitutionsUnauthorized.json',
      createUserBadRequest: 'user_createUserBadRequest.json',
      getUserForbidden: 'user_getUserForbidden.json',
    }
    for (const [name, file] of Object.entries(files)) {
      let text: string
      try {
        text = readFileSync(join(folder, file), 'utf8')
      } catch {
        continue
      }
      assert.deepEqual(JSON.parse(text), RECORDED[name as keyof typeof RECORDED], file)
    }
  })

  it('answers each recorded exchange field by field', async () => {
    const { call, key, token, get, clock, users } = await basiqInstance()
    const issued = await call('/token', { method: 'POST', headers: { authorization: `Basic ${key('live')}`, 'basiq-version': '2.1' } })
    const body = (await issued.json()) as Record<string, unknown>
    assert.deepEqual({ ...body, access_token: String(body.access_token).slice(0, 4) }, { ...RECORDED.postToken, access_token: 'eyJh' }, 'postToken')

    const noVersion = await call('/token', { method: 'POST', headers: { authorization: `Basic ${key('live')}` } })
    assert.equal(noVersion.status, 400)
    assertMatches(await noVersion.json(), RECORDED.postTokenBadRequest, 'postTokenBadRequest')

    const deleted = await call('/token', { method: 'POST', headers: { authorization: `Basic ${key('deleted')}`, 'basiq-version': '2.0' } })
    assert.equal(deleted.status, 404)
    assertMatches(await deleted.json(), RECORDED.postTokenNotFound, 'postTokenNotFound')

    const anonymous = await call('/institutions')
    assert.equal(anonymous.status, 401)
    assertMatches(await anonymous.json(), RECORDED.getInstitutionsUnauthorized, 'getInstitutionsUnauthorized')

    const server = await token()
    const empty = await get('/users', server, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    assert.equal(empty.status, 400)
    assertMatches(await empty.json(), RECORDED.createUserBadRequest, 'createUserBadRequest')

    clock.advance(3600_000)
    const expired = await get(`/users/${users.gavin}`, server)
    assert.equal(expired.status, 403)
    assertMatches(await expired.json(), RECORDED.getUserForbidden, 'getUserForbidden')
  })
})

describe('Basiq mock against the OpenAPI documents', () => {
  it("answers a full walk within openapi/basiq.yaml and Basiq's own document (declared faults aside)", async () => {
    const validators = specDocuments('basiq').map((d) => ({ document: d.document, validator: new SpecValidator(d.file, d.document, d.deviations) }))
    assert.equal(validators.length, 2, 'openapi/upstream/basiq.json is found')
    const { call, key, tokenRequest, token, clientToken, get, clock, users } = await basiqInstance()
    const server = await token()
    const client = await clientToken(users.gavin)
    const json = { 'content-type': 'application/json' }
    const exchanges: [string, string, Promise<Response>][] = [
      ['POST', '/token', tokenRequest()],
      ['POST', '/token', tokenRequest('scope=CLIENT_ACCESS')],
      ['POST', '/token', tokenRequest('scope=CLIENT_ACCESS&userId=nobody')],
      ['POST', '/token', tokenRequest('scope=SERVER_ACCESS', { authorization: 'Basic eA==' })],
      ['POST', '/token', tokenRequest('scope=SERVER_ACCESS', { 'basiq-version': '1.0' })],
      ['POST', '/token', tokenRequest('scope=SERVER_ACCESS', { authorization: `Basic ${btoa('a:b')}` })],
      ['POST', '/token', call('/token', { method: 'POST', headers: { 'basiq-version': '3.0', authorization: `Basic ${key('disabled')}` } })],
      ['POST', '/users', get('/users', server, { method: 'POST', headers: json, body: '{"mobile":"+61410888999"}' })],
      ['POST', '/users', get('/users', server, { method: 'POST', headers: json, body: '{"email":"x"}' })],
      ['POST', '/users', get('/users', client, { method: 'POST', headers: json, body: '{"mobile":"+61410888999"}' })],
      ['GET', `/users/${users.gavin}`, get(`/users/${users.gavin}`, server)],
      ['GET', `/users/${users.richard}`, get(`/users/${users.richard}`, server)],
      ['GET', `/users/${users.richard}`, get(`/users/${users.richard}`, client)],
      ['GET', '/users/bad%20id', get('/users/bad%20id', server)],
      ['GET', `/users/${users.erlich}`, get(`/users/${users.erlich}`, server)],
      ['GET', `/users/${users.gavin}/accounts`, get(`/users/${users.gavin}/accounts`, server)],
      ['GET', `/users/${users.gavin}/accounts`, get(`/users/${users.gavin}/accounts`, client)],
      ['GET', `/users/${users.gavin}/accounts`, call(`/users/${users.gavin}/accounts`)],
      ['GET', `/users/${users.richard}/jobs`, get(`/users/${users.richard}/jobs`, server)],
      ['GET', '/jobs/b1ef29c9-3f8c-45c9-a823-d819605989c6', get('/jobs/b1ef29c9-3f8c-45c9-a823-d819605989c6', client)],
      ['GET', '/jobs/e9132638-0c5d-4f5e-9a1b-2c3d4e5f6a7b', get('/jobs/e9132638-0c5d-4f5e-9a1b-2c3d4e5f6a7b', client)],
      ['GET', '/jobs/nope', get('/jobs/nope', server)],
      ['GET', '/institutions', get('/institutions', client)],
      ['POST', `/users/${users.gavin}/auth_link`, get(`/users/${users.gavin}/auth_link`, server, { method: 'POST', headers: json, body: '{}' })],
      ['POST', `/users/${users.gavin}/auth_link`, get(`/users/${users.gavin}/auth_link`, client, { method: 'POST' })],
    ]
    const settled = await Promise.all(exchanges.map(async ([method, path, pending]) => ({ method, path, response: await pending })))
    clock.advance(3600_000)
    settled.push({ method: 'GET', path: `/users/${users.gavin}`, response: await get(`/users/${users.gavin}`, server) })
    const findings: string[] = []
    for (const { method, path, response } of settled) {
      const text = await response.text()
      const headers = Object.fromEntries(response.headers)
      for (const { document, validator } of validators) {
        for (const d of validator.validate(method, `https://au-api.basiq.io${path}`, response.status, headers, text)) {
          if (d.severity === 'error') findings.push(`${document}: ${d.message}`)
        }
      }
    }
    assert.deepEqual(findings, [])
  })
})
