import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SCOPES } from './fixtures.ts'
import { BOB, Browser, bearerGet, fixtures, instance, JANE, readForm, type Instance } from './test-client.ts'

const ASSET = fixtures.assets[0]!.id
const FOREIGN_ASSET = fixtures.assets[2]!.id
const ACCOUNT = fixtures.accounts[0]!.id

/** Signs in through the page and returns the browser and its CSRF value (the readable cookie). */
async function signedIn(mock: Instance, email = JANE.email, password = JANE.password) {
  const browser = new Browser(mock)
  const response = await browser.signIn(email, password)
  assert.equal(response.status, 303)
  return { browser, csrf: browser.jar.get('fio_csrf')! }
}

function createJson(browser: Browser, csrf: string | undefined, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (csrf !== undefined) headers['x-csrf-token'] = csrf
  return browser.request('/developer/api/tokens', { method: 'POST', headers, body: JSON.stringify(body) })
}

describe('developer tokens through the portal JSON API', () => {
  it('creates a token once, lists descriptions and scopes only, and deletes it', async () => {
    const mock = instance()
    const { browser, csrf } = await signedIn(mock)
    const created = await createJson(browser, csrf, { description: 'CI uploads', scopes: ['asset.read', 'asset.create'] })
    assert.equal(created.status, 201)
    assert.equal(created.headers.get('cache-control'), 'no-store')
    const body = (await created.json()) as { id: string; token: string; description: string; scopes: string[]; inserted_at: string }
    assert.match(body.token, /^fio-u-[A-Za-z0-9_-]{64}$/)
    assert.equal(created.headers.get('location'), `/developer/api/tokens/${body.id}`)
    assert.deepEqual([body.description, body.scopes], ['CI uploads', ['asset.read', 'asset.create']])

    const listed = await browser.get('/developer/api/tokens')
    const text = await listed.text()
    assert.deepEqual(JSON.parse(text), [{ id: body.id, description: 'CI uploads', scopes: ['asset.read', 'asset.create'], inserted_at: body.inserted_at }])
    assert.ok(!text.includes(body.token.slice(6, 14)), 'no part of the token string is listed')

    const me = await bearerGet(mock, '/v2/me', body.token)
    assert.equal(me.status, 200)
    assert.equal(((await me.json()) as { email: string }).email, JANE.email, 'the token acts as its creator')
    assert.equal((await bearerGet(mock, `/v2/assets/${ASSET}`, body.token)).status, 200, 'asset.read was chosen')
    assert.equal((await bearerGet(mock, `/v2/accounts/${ACCOUNT}/teams`, body.token)).status, 403, 'team.read was not')
    assert.equal((await bearerGet(mock, `/v2/assets/${FOREIGN_ASSET}`, body.token)).status, 403, "the creator's access bounds the token")

    const deleted = await browser.request(`/developer/api/tokens/${body.id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrf } })
    assert.equal(deleted.status, 204)
    assert.equal((await bearerGet(mock, '/v2/me', body.token)).status, 401, 'a deleted token stops working at once')
    assert.deepEqual(await (await browser.get('/developer/api/tokens')).json(), [])
    const again = await browser.request(`/developer/api/tokens/${body.id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrf } })
    assert.equal(again.status, 404)
  })

  it('never expires a developer token', async () => {
    const mock = instance()
    const { browser, csrf } = await signedIn(mock)
    const { token } = (await (await createJson(browser, csrf, { description: 'long', scopes: ['account.read'] })).json()) as { token: string }
    mock.clock.advance(31 * 24 * 3600 * 1000)
    assert.equal((await bearerGet(mock, '/v2/me', token)).status, 200)
  })

  it('refuses a missing CSRF value, a bearer token, and invalid input, creating nothing', async () => {
    const mock = instance()
    const { browser, csrf } = await signedIn(mock)
    const forged = await createJson(browser, undefined, { description: 'x', scopes: ['asset.read'] })
    assert.equal(forged.status, 403)
    assert.equal(((await forged.json()) as { code: number }).code, 403)
    assert.equal((await createJson(browser, 'not-the-value', { description: 'x', scopes: ['asset.read'] })).status, 403)
    const { token } = (await (await createJson(browser, csrf, { description: 'all', scopes: [...SCOPES] })).json()) as { token: string }
    const minted = await mock.call('/developer/api/tokens', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"description":"x","scopes":["asset.read"]}' })
    assert.equal(minted.status, 401, 'no token can mint another')
    for (const invalid of [{ description: '', scopes: ['asset.read'] }, { description: 'x', scopes: [] }, { description: 'x', scopes: ['asset.admin'] }, { description: 'x' }]) {
      assert.equal((await createJson(browser, csrf, invalid)).status, 422, JSON.stringify(invalid))
    }
    assert.equal(((await (await browser.get('/developer/api/tokens')).json()) as unknown[]).length, 1)
  })

  it("shows and deletes only the caller's own tokens", async () => {
    const mock = instance()
    const jane = await signedIn(mock)
    const { id } = (await (await createJson(jane.browser, jane.csrf, { description: 'jane', scopes: ['asset.read'] })).json()) as { id: string }
    const bob = await signedIn(mock, BOB.email, BOB.password)
    assert.deepEqual(await (await bob.browser.get('/developer/api/tokens')).json(), [])
    const stolen = await bob.browser.request(`/developer/api/tokens/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': bob.csrf } })
    assert.equal(stolen.status, 404)
  })

  it('takes the user’s own email and password as Basic, without a CSRF value (scripts, the benchmark)', async () => {
    const mock = instance()
    const headers = { authorization: `Basic ${btoa(`${JANE.email}:${JANE.password}`)}`, 'content-type': 'application/json' }
    const created = await mock.call('/developer/api/tokens', { method: 'POST', headers, body: '{"description":"script","scopes":["asset.read"]}' })
    assert.equal(created.status, 201)
    const wrong = await mock.call('/developer/api/tokens', { headers: { authorization: `Basic ${btoa(`${JANE.email}:nope`)}` } })
    assert.equal(wrong.status, 401)
  })
})

describe('developer tokens through the portal pages', () => {
  it('walks sign in → Tokens → New → Create (token shown once) → Tokens (no token) → Delete', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    const away = await browser.get('/developer/tokens')
    assert.equal(away.status, 303)
    const login = await browser.get(away.headers.get('location')!)
    const signedIn = await browser.submit(login, { email: JANE.email, password: JANE.password })
    assert.equal(signedIn.headers.get('location'), '/developer/tokens', 'back to the page asked for')

    const tokens = await browser.get('/developer/tokens')
    assert.match(await tokens.text(), /No tokens yet/)
    const form = await browser.get('/developer/tokens/new')
    assert.equal(form.status, 200)
    const summary = await browser.submit(form, { description: 'Walkthrough', all_scopes: 'on' })
    assert.equal(summary.status, 200)
    assert.equal(summary.headers.get('cache-control'), 'no-store')
    const html = await summary.text()
    const token = /<code id="token">(fio-u-[A-Za-z0-9_-]{64})<\/code>/.exec(html)?.[1]
    assert.ok(token, 'the summary page shows the token')
    assert.equal(html.split(token).length, 2, 'exactly once')

    const list = await (await browser.get('/developer/tokens')).text()
    assert.match(list, /Walkthrough/)
    assert.ok(list.includes('webhook.update') && !list.includes(token.slice(6, 14)), 'descriptions and scopes, never the token')
    const me = await bearerGet(mock, '/v2/me', token)
    assert.equal(me.status, 200)

    const deleteForm = readForm(list, 'tbody form')
    const deleted = await browser.post(deleteForm.action, deleteForm.fields)
    assert.equal(deleted.status, 303)
    assert.equal((await bearerGet(mock, '/v2/me', token)).status, 401)
  })

  it('answers a form without its CSRF value with a 403 page, creating nothing', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    await browser.signIn()
    const forged = await browser.post('/developer/tokens', { description: 'forged', scopes: 'asset.read' })
    assert.equal(forged.status, 403)
    assert.match(forged.headers.get('content-type') ?? '', /text\/html/)
    assert.doesNotMatch(await (await browser.get('/developer/tokens')).text(), /forged/)
  })

  it('shows the form again (422) for a missing description', async () => {
    const mock = instance()
    const browser = new Browser(mock)
    await browser.signIn()
    const again = await browser.submit(await browser.get('/developer/tokens/new'), { description: '', scopes: 'asset.read' })
    assert.equal(again.status, 422)
    assert.match(await again.text(), /description is required/)
  })
})
