import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ApiError } from '../core/errors.ts'
import { createMockClock } from '../core/mock-clock.ts'
import {
  authorizationCodeGrant, checkClient, checkRedirectUri, checkResponseType, checkScope, clientCredentialsGrant, createAuthorizationServer, prefixScopes, tokenErrorEnvelope, type OAuth2Mutant,
} from './index.ts' // prettier-ignore
import { paramsOf } from './params.ts'
import { s256 } from './pkce.ts'
import { maskCsrf } from './interaction/session.ts'
import { matchRedirectUri } from './redirect.ts'

const none = new Set<OAuth2Mutant>()

describe('OAuth2 core pieces', () => {
  it('computes the RFC 7636 Appendix B S256 challenge', async () => {
    assert.equal(await s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('matches redirect URIs exactly, loopback ports excepted (RFC 9700 §2.1, §4.1.3)', () => {
    const registered = ['https://app.test/cb', 'http://127.0.0.1/native', 'http://[::1]:8080/v6?x=1']
    assert.equal(matchRedirectUri('https://app.test/cb', registered, none), 'https://app.test/cb')
    for (const bad of ['https://app.test/cb/', 'https://app.test/cb?', 'https://APP.test/cb', 'http://127.0.0.1/other', 'http://127.0.0.2:1/native', 'http://[::1]:1/v6']) {
      assert.equal(matchRedirectUri(bad, registered, none), undefined, bad)
    }
    assert.equal(matchRedirectUri('http://127.0.0.1:49152/native', registered, none), 'http://127.0.0.1/native')
    assert.equal(matchRedirectUri('http://[::1]:1/v6?x=1', registered, none), 'http://[::1]:8080/v6?x=1')
  })

  it('masks the CSRF value of every form afresh, and takes back the mask or the value itself', async () => {
    const server = createAuthorizationServer(
      { policy: { realm: 'r', lifetimes: { code: 600, accessToken: 3600, refreshToken: 60, interaction: 60, session: 60 }, scopes: { known: [], defaults: [], covers: () => false }, codeReuseRevokesGrant: false, failedExchangeBurnsCode: false, redirectCarriesScope: false }, clock: createMockClock(), mutants: none, users: { find: () => undefined, byId: () => undefined }, clients: [] },
      { brand: 'T', paths: { login: '/login', consent: '/consent', logout: '/logout', afterLogin: '/' }, cookies: { session: 's', csrf: 'c' }, authorizeChecks: [], authorizeError: () => new Response(), grants: [], tokenBody: () => ({}), tokenEnvelope: tokenErrorEnvelope(none), revocation: { foreignToken: 'ignore', revokes: 'token' } },
    )
    const value = 'a'.repeat(21) + 'B-_'.repeat(7) + 'z'
    const [one, two] = [maskCsrf(value), maskCsrf(value)]
    assert.notEqual(one, two)
    assert.ok(!one.includes(value) && /^[\w-]+$/.test(one))
    const request = new Request('http://t/x', { headers: { cookie: `c=${value}` } })
    for (const supplied of [one, two, value]) assert.doesNotThrow(() => server.checkCsrf(request, undefined, supplied), supplied)
    for (const supplied of [maskCsrf(value.replace('z', 'y')), 'not-base64!', undefined, `${one}A`]) assert.throws(() => server.checkCsrf(request, undefined, supplied), ApiError, String(supplied))
  })

  it('reads parameters as RFC 6749 §3.1 asks: empty is absent, repeats are named', () => {
    const params = paramsOf(new URLSearchParams('scope=&state=a&state=b&x=1'))
    assert.equal(params.get('scope'), undefined)
    assert.deepEqual(params.repeated(), ['state'])
    assert.equal(params.get('x'), '1')
  })

  it("covers Mastodon's scopes by prefix: read ⊇ read:accounts, write ⊉ read", () => {
    assert.ok(prefixScopes(['read'], 'read:accounts'))
    assert.ok(!prefixScopes(['write'], 'read:accounts'))
    assert.ok(!prefixScopes(['read:statuses'], 'read:accounts'))
    assert.ok(!prefixScopes(['read:accounts'], 'read'))
  })
})

/**
 * The core composed differently from Frame.io, the way GoToSocial will: no PKCE or state check in the table,
 * authorize errors as pages, client_credentials, prefix scopes with a default, no refresh tokens, access tokens
 * that never expire, revocation of another client's token refused.
 */
describe('a second composition of the core', () => {
  const clock = createMockClock()
  const server = createAuthorizationServer(
    {
      policy: {
        realm: 'gts.test',
        lifetimes: { code: 600, accessToken: undefined, refreshToken: 0, interaction: 120, session: 120 },
        scopes: { known: ['read', 'write', 'read:accounts'], defaults: ['read'], covers: prefixScopes },
        codeReuseRevokesGrant: false,
        failedExchangeBurnsCode: false,
        redirectCarriesScope: false,
      },
      clock,
      mutants: none,
      users: { find: () => undefined, byId: () => undefined },
      clients: ['app', 'other'].map((id) => ({
        id,
        name: id,
        secret: 's3cret',
        redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
        scopes: ['read', 'write'],
        grantTypes: ['authorization_code', 'client_credentials'] as const,
        authMethods: ['client_secret_post'] as const,
      })),
    },
    {
      brand: 'GTS',
      paths: { login: '/auth/sign_in', consent: '/oauth/authorize/consent', logout: '/auth/sign_out', afterLogin: '/' },
      cookies: { session: 'gts_session', csrf: 'gts_csrf' },
      authorizeChecks: [checkClient, checkRedirectUri, checkResponseType, checkScope],
      authorizeError: (error: ApiError) => new Response(JSON.stringify({ error: error.code }), { status: error.code === 'invalid_scope' ? 403 : 400 }),
      grants: [authorizationCodeGrant, clientCredentialsGrant],
      acceptJson: true,
      tokenBody: (issued) => ({ access_token: issued.accessToken, created_at: Math.floor(issued.issuedAt / 1000), scope: issued.scopes.join(' '), token_type: 'Bearer' }),
      tokenEnvelope: tokenErrorEnvelope(none),
      revocation: { foreignToken: 'refuse', revokes: 'token' },
    },
  )
  const post = (path: string, body: unknown) =>
    server.routes[path === 'token' ? 'token' : 'revoke'](new Request(`http://gts.test/oauth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))

  it('issues a client_credentials token from a JSON body, without expires_in or a refresh token', async () => {
    const answer = await post('token', { grant_type: 'client_credentials', client_id: 'app', client_secret: 's3cret' })
    const body = (await answer.json()) as Record<string, unknown>
    assert.equal(answer.status, 200)
    assert.deepEqual(Object.keys(body), ['access_token', 'created_at', 'scope', 'token_type'])
    assert.equal(body.scope, 'read', 'the default scope')
    clock.advance(365 * 24 * 3600 * 1000)
    assert.ok(server.state.accessTokens.find(body.access_token as string), 'never expires')
    const refresh = await post('token', { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'app', client_secret: 's3cret' })
    assert.equal(((await refresh.json()) as { error: string }).error, 'unsupported_grant_type')
  })

  it('answers authorization errors after the redirect URI its own way (a 403 for invalid_scope)', async () => {
    const answer = await server.routes.authorize(new Request('http://gts.test/oauth/authorize?client_id=app&redirect_uri=urn:ietf:wg:oauth:2.0:oob&response_type=code&scope=admin'))
    assert.equal(answer.status, 403)
    assert.equal(answer.headers.get('location'), null)
  })

  it("refuses to revoke another client's token, and revokes only the token presented", async () => {
    const issue = async (id: string) => ((await (await post('token', { grant_type: 'client_credentials', client_id: id, client_secret: 's3cret' })).json()) as { access_token: string }).access_token
    const theirs = await issue('other')
    const refused = await post('revoke', { token: theirs, client_id: 'app', client_secret: 's3cret' })
    assert.equal(refused.status, 403)
    assert.equal(((await refused.json()) as { error: string }).error, 'unauthorized_client')
    assert.ok(server.state.accessTokens.find(theirs), 'still valid')
    const mine = await issue('app')
    assert.equal((await post('revoke', { token: mine, client_id: 'app', client_secret: 's3cret' })).status, 200)
    assert.equal(server.state.accessTokens.find(mine), undefined)
    assert.equal((await post('revoke', { token: 'unknown', client_id: 'app', client_secret: 's3cret' })).status, 200, 'an unknown token is fine')
  })
})
