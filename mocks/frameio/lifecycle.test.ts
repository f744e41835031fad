import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { s256 } from '../oauth2/pkce.ts'
import { basic, bearerGet, Browser, CONFIDENTIAL, CONFIDENTIAL_BASIC, codeFor, consentedRedirect, instance, oauthTokens, OTHER, PUBLIC, redeem, token, type Instance, type Tokens } from './test-client.ts'

const CONF = CONFIDENTIAL_BASIC
const SECOND = 1000
const tokensFor = oauthTokens

const refresh = (mock: Instance, refreshToken: string, authorization = CONF) => token(mock, { grant_type: 'refresh_token', refresh_token: refreshToken, scope: 'offline asset.read' }, authorization)
const works = async (mock: Instance, accessToken: string) => (await bearerGet(mock, '/v2/me', accessToken)).status === 200

describe('code reuse (RFC 9700 §4.2.4)', () => {
  it('refuses a second redemption and revokes every token the first one issued', async () => {
    const mock = instance()
    const code = await codeFor(mock)
    const first = (await (await redeem(mock, code)).json()) as Tokens
    assert.ok(await works(mock, first.access_token))
    const second = await redeem(mock, code)
    assert.equal(second.status, 400)
    assert.equal(((await second.json()) as { error: string }).error, 'invalid_grant')
    assert.equal(await works(mock, first.access_token), false, 'the access token of the first redemption is revoked')
    assert.equal((await refresh(mock, first.refresh_token!)).status, 400, 'and its refresh token')
    assert.equal((await redeem(mock, code)).status, 400, 'the code stays dead')
  })
})

describe('refresh tokens', () => {
  it('are issued only when offline was granted', async () => {
    const mock = instance()
    assert.equal((await tokensFor(mock, 'asset.read')).refresh_token, undefined)
    assert.match((await tokensFor(mock, 'offline asset.read')).refresh_token ?? '', /^[\w-]{43}$/)
  })

  it('rotate on every refresh; the used one and the previous access token are dead; scope is the original', async () => {
    const mock = instance()
    const first = await tokensFor(mock)
    const answer = await refresh(mock, first.refresh_token!)
    assert.equal(answer.status, 200)
    assert.equal(answer.headers.get('cache-control'), 'no-store')
    const second = (await answer.json()) as Tokens
    assert.notEqual(second.refresh_token, first.refresh_token)
    assert.equal(second.scope, 'offline asset.read')
    assert.equal(await works(mock, second.access_token), true)
    assert.equal(await works(mock, first.access_token), false, '"your previous credentials become invalid"')
    const wider = (await (await token(mock, { grant_type: 'refresh_token', refresh_token: second.refresh_token!, scope: 'offline asset.read team.read' }, CONF)).json()) as Tokens
    assert.equal(wider.scope, 'offline asset.read', 'a wider scope is not granted (Hydra ignores the parameter)')
  })

  it('a replayed refresh token revokes the whole family', async () => {
    const mock = instance()
    const first = await tokensFor(mock)
    const second = (await (await refresh(mock, first.refresh_token!)).json()) as Tokens
    const replay = await refresh(mock, first.refresh_token!)
    assert.equal(replay.status, 400)
    assert.equal(((await replay.json()) as { error: string }).error, 'invalid_grant')
    assert.equal((await refresh(mock, second.refresh_token!)).status, 400, 'the current refresh token is revoked')
    assert.equal(await works(mock, second.access_token), false, 'and the current access token')
  })

  it('are bound to their client: another client gets invalid_grant and the token still works for its own', async () => {
    const mock = instance()
    const first = await tokensFor(mock)
    const stolen = await refresh(mock, first.refresh_token!, basic(OTHER.client_id, OTHER.client_secret!))
    assert.equal(stolen.status, 400)
    assert.equal((await refresh(mock, first.refresh_token!)).status, 200)
  })

  it('a public client refreshes with client_id in the body', async () => {
    const mock = instance()
    const verifier = 'x'.repeat(43)
    const landed = await consentedRedirect(new Browser(mock), { client: PUBLIC, scope: 'offline asset.read', challenge: await s256(verifier) })
    const issued = (await (await token(mock, { grant_type: 'authorization_code', code: landed.searchParams.get('code')!, redirect_uri: PUBLIC.redirect_uri, client_id: PUBLIC.client_id, code_verifier: verifier })).json()) as Tokens
    const refreshed = await token(mock, { grant_type: 'refresh_token', refresh_token: issued.refresh_token!, scope: 'offline asset.read', client_id: PUBLIC.client_id })
    assert.equal(refreshed.status, 200)
  })
})

describe('lifetimes on the mock clock', () => {
  it('access tokens live 3600 s', async () => {
    const mock = instance()
    const { access_token } = await tokensFor(mock)
    mock.clock.advance(3599 * SECOND)
    assert.equal(await works(mock, access_token), true)
    mock.clock.advance(1 * SECOND)
    const expired = await bearerGet(mock, '/v2/me', access_token)
    assert.equal(expired.status, 401)
    assert.equal(expired.headers.get('www-authenticate'), 'Bearer realm="api.frame.io", error="invalid_token"')
  })

  it('codes live 10 minutes', async () => {
    const mock = instance()
    const fresh = await codeFor(mock)
    mock.clock.advance(599 * SECOND)
    assert.equal((await redeem(mock, fresh)).status, 200)
    const late = await codeFor(mock)
    mock.clock.advance(601 * SECOND)
    assert.equal((await redeem(mock, late)).status, 400)
  })

  it('refresh tokens live 30 days', async () => {
    const mock = instance()
    const early = await tokensFor(mock)
    const late = await tokensFor(mock)
    mock.clock.advance((30 * 24 * 3600 - 1) * SECOND)
    assert.equal((await refresh(mock, early.refresh_token!)).status, 200)
    mock.clock.advance(1 * SECOND)
    assert.equal((await refresh(mock, late.refresh_token!)).status, 400)
  })
})

describe('revocation (RFC 7009, as Hydra)', () => {
  const revoke = (mock: Instance, tokenValue: string, authorization = CONF, hint?: string) =>
    mock.call('/oauth2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization }, body: new URLSearchParams({ token: tokenValue, ...(hint ? { token_type_hint: hint } : {}) }) })

  it('revoking the access token (even with the wrong hint) revokes the grant: 200, empty', async () => {
    const mock = instance()
    const issued = await tokensFor(mock)
    const answer = await revoke(mock, issued.access_token, CONF, 'refresh_token')
    assert.equal(answer.status, 200)
    assert.equal(await answer.text(), '')
    assert.equal(answer.headers.get('cache-control'), 'no-store')
    assert.equal(await works(mock, issued.access_token), false)
    assert.equal((await refresh(mock, issued.refresh_token!)).status, 400)
  })

  it('revoking the refresh token revokes the access tokens of the grant', async () => {
    const mock = instance()
    const issued = await tokensFor(mock)
    assert.equal((await revoke(mock, issued.refresh_token!)).status, 200)
    assert.equal(await works(mock, issued.access_token), false)
  })

  it('answers 200 for an unknown token and for another client’s, revoking nothing; invalid_client for a wrong secret', async () => {
    const mock = instance()
    const issued = await tokensFor(mock)
    assert.equal((await revoke(mock, 'no-such-token')).status, 200)
    assert.equal((await revoke(mock, issued.access_token, basic(OTHER.client_id, OTHER.client_secret!))).status, 200)
    assert.equal(await works(mock, issued.access_token), true, "another client's revocation is ignored")
    const wrong = await revoke(mock, issued.access_token, basic(CONFIDENTIAL.client_id, 'wrong'))
    assert.equal(wrong.status, 401)
    assert.equal(await works(mock, issued.access_token), true)
  })
})
