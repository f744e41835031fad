import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { SpecValidator, type Diagnostic } from '../../harness/evidence/spec-validator.ts'
import { s256 } from '../oauth2/pkce.ts'
import { SCOPES } from './fixtures.ts'
import {
  basic, bearerGet, Browser, CONFIDENTIAL, CONFIDENTIAL_BASIC, codeFor, consentedRedirect, developerToken, fixtures, follow, instance, JANE, oauthTokens, PUBLIC, redeem, token, type Instance,
} from './test-client.ts' // prettier-ignore

const validator = new SpecValidator(join(import.meta.dirname, '..', '..', 'openapi', 'frameio.yaml'))

/** An instance whose every answer is checked against openapi/frameio.yaml, as the suites' recorder will. */
function validated(): { mock: Instance; errors: string[] } {
  const inner = instance()
  const errors: string[] = []
  const check = async (request: Request, response: Response) => {
    const headers = Object.fromEntries(response.headers)
    const found: Diagnostic[] = validator.validate(request.method, request.url, response.status, headers, await response.clone().text())
    for (const d of found) if (d.severity === 'error') errors.push(d.message)
    return response
  }
  const fetch = async (request: Request) => check(request, await inner.fetch(request.clone()))
  return { mock: { clock: inner.clock, fetch, call: (path, init) => fetch(new Request(new URL(path, 'http://frameio.test'), init)) }, errors }
}

describe('every answer matches openapi/frameio.yaml', () => {
  it('through the developer-token walk, the code flows, their errors and the /v2 access table', async () => {
    const { mock, errors } = validated()
    // portal pages and JSON
    const browser = new Browser(mock)
    await follow(browser, await browser.get('/developer/tokens'))
    await browser.signIn()
    await browser.get('/developer/tokens')
    const summary = await browser.submit(await browser.get('/developer/tokens/new'), { description: 'spec', all_scopes: 'on' })
    const pageToken = /fio-u-[\w-]{64}/.exec(await summary.text())![0]
    await browser.post('/developer/tokens', { description: 'no csrf' })
    await browser.submit(await browser.get('/developer/tokens/new'), { description: '' })
    const csrf = browser.jar.get('fio_csrf')!
    const json = (body: unknown, header = csrf) => browser.request('/developer/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': header }, body: JSON.stringify(body) })
    const created = (await (await json({ description: 'x', scopes: ['asset.read'] })).json()) as { id: string }
    await json({ description: 'x', scopes: [] })
    await json({ description: 'x', scopes: ['asset.read'] }, 'wrong')
    await browser.request('/developer/api/tokens', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '[' })
    await browser.get('/developer/api/tokens')
    await browser.request(`/developer/api/tokens/${created.id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrf } })
    await browser.request(`/developer/api/tokens/${created.id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrf } })
    await mock.call('/developer/api/tokens')
    // /v2
    const reader = await developerToken(mock, ['asset.read'])
    for (const path of ['/v2/me', `/v2/accounts/${fixtures.accounts[0]!.id}/teams`, `/v2/assets/${fixtures.assets[0]!.id}`, `/v2/assets/${fixtures.assets[2]!.id}`, '/v2/assets/00000000-0000-4000-8000-000000000000']) {
      for (const t of [reader, pageToken, 'unknown']) await bearerGet(mock, path, t)
      await mock.call(path)
    }
    const child = (t: string, body: unknown) => mock.call(`/v2/assets/${fixtures.assets[0]!.id}/children`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    await child(pageToken, { type: 'folder', name: 'ok' })
    await child(pageToken, { type: 'file', name: 'no type' })
    await child(reader, { type: 'folder', name: 'refused' })
    // OAuth: flows, errors, refresh, revoke
    const issued = await oauthTokens(mock)
    await token(mock, { grant_type: 'refresh_token', refresh_token: issued.refresh_token! }, CONFIDENTIAL_BASIC)
    await token(mock, { grant_type: 'refresh_token', refresh_token: issued.refresh_token! }, CONFIDENTIAL_BASIC)
    await redeem(mock, 'unknown', basic(CONFIDENTIAL.client_id, 'wrong'))
    await token(mock, { grant_type: 'client_credentials' }, CONFIDENTIAL_BASIC)
    const verifier = 'v'.repeat(43)
    const landed = await consentedRedirect(new Browser(mock), { client: PUBLIC, challenge: await s256(verifier) })
    await token(mock, { grant_type: 'authorization_code', code: landed.searchParams.get('code')!, redirect_uri: PUBLIC.redirect_uri, client_id: PUBLIC.client_id, code_verifier: verifier })
    const code = await codeFor(mock)
    await redeem(mock, code)
    await redeem(mock, code)
    for (const t of ['unknown', issued.access_token]) await mock.call('/oauth2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: CONFIDENTIAL_BASIC }, body: new URLSearchParams({ token: t }) })
    await mock.call('/oauth2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(CONFIDENTIAL.client_id, 'x') }, body: 'token=x' })
    await mock.call('/oauth2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: CONFIDENTIAL_BASIC }, body: '' })
    for (const query of ['client_id=nobody', `client_id=${CONFIDENTIAL.client_id}&redirect_uri=https://evil.example/`, `client_id=${CONFIDENTIAL.client_id}&response_type=token&state=12345678`]) await mock.call(`/oauth2/auth?${query}`)
    // consent refusals and sign-out
    const other = new Browser(mock)
    await other.post('/consent', { consent_challenge: 'x', decision: 'allow' })
    await other.signIn(JANE.email, 'wrong-password')
    await other.get('/consent?consent_challenge=unknown')
    await browser.submit(await browser.get('/developer/tokens'), {})
    assert.deepEqual([...new Set(errors)], [])
    assert.ok(SCOPES.length === 34)
  })
})
