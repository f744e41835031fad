import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as oauth from 'oauth4webapi'
import { closeMocks, serveMocks, type RunningMock } from '../adapters/node-server.ts'
import { Browser, CONFIDENTIAL, follow, JANE, PUBLIC, remote } from './test-client.ts'

/**
 * A standards-following OAuth 2.0 client (oauth4webapi: PKCE, Basic client authentication, strict response
 * checks), unchanged, against the mock's URL served by node:http: authorization request, the user's sign-in and
 * consent (a browser's part, walked with a cookie jar), code exchange, /v2/me, refresh, revocation.
 */
describe('oauth4webapi against the Frame.io mock', () => {
  let running: RunningMock[]
  let url: string
  let as: oauth.AuthorizationServer
  const insecure = { [oauth.allowInsecureRequests]: true } // the mock listens on http://127.0.0.1 only

  before(async () => {
    running = await serveMocks({ apis: ['frameio'], portBase: 0 })
    url = running[0]!.url
    as = { issuer: url, authorization_endpoint: `${url}/oauth2/auth`, token_endpoint: `${url}/oauth2/token`, revocation_endpoint: `${url}/oauth2/revoke` }
  })
  after(() => closeMocks(running))

  /** What a user does in the browser: open the authorization URL, sign in, Allow; where the browser lands. */
  async function userConsents(authorizationUrl: URL): Promise<URL> {
    const browser = new Browser(remote(url))
    const login = await follow(browser, await browser.get(authorizationUrl.pathname + authorizationUrl.search))
    const consent = await follow(browser, await browser.submit(login, { email: JANE.email, password: JANE.password }))
    const landed = await browser.submit(consent, { decision: 'allow' })
    assert.equal(landed.status, 303)
    return new URL(landed.headers.get('location')!)
  }

  async function flow(client: oauth.Client, clientAuth: oauth.ClientAuth, redirectUri: string) {
    const codeVerifier = oauth.generateRandomCodeVerifier()
    const state = oauth.generateRandomState()
    const authorizationUrl = new URL(as.authorization_endpoint!)
    authorizationUrl.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'offline account.read asset.read',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).toString()
    const params = oauth.validateAuthResponse(as, client, await userConsents(authorizationUrl), state)
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, codeVerifier, insecure)
    return oauth.processAuthorizationCodeResponse(as, client, response)
  }

  it('confidential app: Basic client authentication, PKCE, refresh, revocation', async () => {
    const client: oauth.Client = { client_id: CONFIDENTIAL.client_id }
    const clientAuth = oauth.ClientSecretBasic(CONFIDENTIAL.client_secret!)
    const tokens = await flow(client, clientAuth, CONFIDENTIAL.redirect_uri)
    assert.equal(tokens.token_type, 'bearer')
    assert.equal(tokens.expires_in, 3600)
    assert.equal(tokens.scope, 'offline account.read asset.read')
    const me = await fetch(`${url}/v2/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })
    assert.equal(((await me.json()) as { email: string }).email, JANE.email)

    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token!, insecure))
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'rotated')
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, refreshed.access_token, insecure))
    const after = await fetch(`${url}/v2/me`, { headers: { authorization: `Bearer ${refreshed.access_token}` } })
    assert.equal(after.status, 401)
  })

  it('public (PKCE) app: no client authentication, client_id in the body', async () => {
    const client: oauth.Client = { client_id: PUBLIC.client_id, token_endpoint_auth_method: 'none' }
    const tokens = await flow(client, oauth.None(), PUBLIC.redirect_uri)
    assert.ok(tokens.access_token && tokens.refresh_token)
  })

  it('reads a wrong secret as the 401 Basic challenge RFC 6749 §5.2 asks for', async () => {
    const client: oauth.Client = { client_id: CONFIDENTIAL.client_id }
    const params = oauth.validateAuthResponse(as, client, new URL(`${CONFIDENTIAL.redirect_uri}?code=anything`), oauth.expectNoState)
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic('wrong'), params, CONFIDENTIAL.redirect_uri, oauth.nopkce, insecure)
    await assert.rejects(oauth.processAuthorizationCodeResponse(as, client, response), (error: unknown) => {
      assert.ok(error instanceof oauth.WWWAuthenticateChallengeError, String(error))
      assert.equal(error.status, 401)
      assert.equal(error.cause[0]?.scheme, 'basic')
      return true
    })
  })
})
