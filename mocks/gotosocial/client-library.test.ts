import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import megalodon, { detector } from 'megalodon'
import { API } from 'tsl-mastodon-api'
import { OAuth } from 'tsl-mastodon-api/lib/OAuth.js'
import { closeMocks, serveMocks, type RunningMock } from '../adapters/node-server.ts'
import { ALICE, Browser, codeOnPage, PROFILES, remote } from './test-client.ts'
import { OOB } from './urls.ts'

/**
 * Independent Mastodon client libraries (the Node-20 versions in helpers' clients.md), unchanged, against the mock's
 * URL served by node:http: each registers an app its own way (masto JSON, megalodon JSON with its scopes joined by
 * spaces, tsl-mastodon-api multipart), builds or is given the authorize URL (`+` or `%20` between scopes), the user
 * does the browser part (sign in, Allow, read the code off the OOB page), and the library exchanges the code (JSON
 * or form) and makes its first calls.
 */
/** megalodon is CommonJS: its default export arrives wrapped once more when imported from ESM. */
const generator = (megalodon as unknown as { default?: typeof megalodon }).default ?? megalodon

async function userReadsCode(url: string, authorizeUrl: string): Promise<string> {
  const browser = new Browser(remote(url))
  const target = new URL(authorizeUrl)
  assert.equal((await browser.get(target.pathname + target.search)).status, 303)
  assert.equal((await browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })).status, 302)
  assert.equal((await browser.get('/oauth/authorize')).status, 200)
  const allowed = await browser.post('/oauth/authorize')
  return codeOnPage(await (await browser.get(allowed.headers.get('location')!)).text())
}

for (const profile of PROFILES) {
  describe(`Mastodon client libraries against the mock, ${profile}`, () => {
    let running: RunningMock[]
    let url: string
    before(async () => {
      running = await serveMocks({ apis: ['gotosocial'], portBase: 0, profiles: { gotosocial: profile } })
      url = running[0]!.url
    })
    after(() => closeMocks(running))

    it('masto 7.12.0: apps.create, oauth.token.create (JSON), verifyCredentials, notifications paged to the end, statuses.create', async () => {
      const app = await createRestAPIClient({ url }).v1.apps.create({ clientName: 'masto', redirectUris: OOB, scopes: 'read write', website: 'https://masto.example' })
      const authorizeUrl = `${url}/oauth/authorize?${new URLSearchParams({ client_id: app.clientId!, redirect_uri: OOB, response_type: 'code', scope: 'read write' })}`
      assert.match(authorizeUrl, /scope=read\+write/)
      const code = await userReadsCode(url, authorizeUrl)
      const token = await createOAuthAPIClient({ url }).token.create({ grantType: 'authorization_code', clientId: app.clientId!, clientSecret: app.clientSecret!, redirectUri: OOB, code, scope: 'read write' })
      assert.equal(token.scope, 'read write')
      const rest = createRestAPIClient({ url, accessToken: token.accessToken })
      assert.equal((await rest.v1.instance.fetch()).uri, new URL(url).host)
      assert.equal((await rest.v1.accounts.verifyCredentials()).username, 'alice')
      let seen = 0
      for await (const page of rest.v1.notifications.list({ limit: 20 })) seen += page.length
      assert.equal(seen, ALICE.notifications)
      assert.match((await rest.v1.statuses.create({ status: 'hello from masto' })).content, /hello from masto/)
    })

    it('megalodon 10.0.5: detector, registerApp (its authorize URL), fetchAccessToken (JSON), first calls', async () => {
      assert.equal(await detector(url), 'gotosocial')
      const client = generator('gotosocial', url)
      const app = await client.registerApp('megalodon', { scopes: ['read', 'write'], website: 'https://megalodon.example' })
      assert.match(app.url!, /scope=read\+write/)
      const code = await userReadsCode(url, app.url!)
      const token = await client.fetchAccessToken(app.client_id, app.client_secret, code, OOB)
      const authed = generator('gotosocial', url, token.access_token)
      assert.equal((await authed.getInstance()).data.uri, new URL(url).host)
      assert.equal((await authed.verifyAccountCredentials()).data.username, 'alice')
      assert.equal((await authed.getNotifications({ limit: 5, exclude_types: ['follow'] })).data.length, 5)
      assert.equal((await authed.postStatus('hello from megalodon')).status, 200)
    })

    it('tsl-mastodon-api 0.5.1: createApp (multipart), getAuthorizationUrl (%20), getAccessToken (form), first calls', async () => {
      const app = await OAuth.createApp(`${url}/api/v1/`, 'tsl', OOB, 'read write', 'https://tsl.example')
      const authorizeUrl = await OAuth.getAuthorizationUrl(url, app.client_id, app.client_secret, OOB, 'read write')
      assert.match(authorizeUrl, /scope=read%20write/)
      const code = await userReadsCode(url, authorizeUrl)
      const accessToken = await OAuth.getAccessToken(url, app.client_id, app.client_secret, code, OOB)
      const api = new API({ access_token: accessToken, api_url: `${url}/api/v1/` })
      assert.equal((await api.getAccount()).json.username, 'alice')
      assert.equal((await api.getNotifications({ limit: 5 })).json.length, 5)
      assert.equal((await api.postStatus({ status: 'hello from tsl' })).status, 200)
    })
  })
}
