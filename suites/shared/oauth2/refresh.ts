import { randomBytes } from 'node:crypto'
import { jsonOf, judgeTokenRefusal, noStore, refusalOf } from './answers.ts'
import type { OAuth2Api } from './api.ts'
import { need, newVerifier, type Tokens } from './flow.ts'
import type { Rule } from './rules.ts'
import { ruleTest } from './suite.ts'

const sorted = (scope: unknown) => (typeof scope === 'string' ? scope.split(' ').filter(Boolean).sort().join(' ') : scope)
const errorOf = async (r: import('@playwright/test').APIResponse) => ({ status: r.status(), error: ((await jsonOf(r)) as { error?: string }).error })
const INVALID_GRANT = { status: 400, error: 'invalid_grant' }

export function declareRefreshTests(api: OAuth2Api): void {
  // A public client's exchange (PKCE) is part of this test only where the API has public clients.
  const publicClient: Rule[] = api.roles.public ? ['PKCE-SUPPORTED'] : []
  // RFC 6749 §5.1 holds for every token answer: each successful refresh is looked at too (where any profile refreshes).
  const refreshes: Rule[] = api.refresh || Object.values(api.byProfile ?? {}).some((p) => p.refresh) ? ['TOKEN-NO-STORE'] : []
  ruleTest(api, 'refresh tokens: client-authenticated, the same scope never more, rotated on every use, a replay revokes the family, never cached; a public client too', ['REFRESH-GRANT', 'REFRESH-CLIENT-AUTH', 'REFRESH-NO-ESCALATION', 'REFRESH-SAME-SCOPE', 'REFRESH-ROTATION', 'REFRESH-REPLAY-REVOKES', ...refreshes, ...publicClient], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const ask = sorted(api.scopes.ask)
    // RFC 6749 §5.1: Cache-Control: no-store and Pragma: no-cache on every successful refresh answer.
    const uncached = (name: string, r: import('@playwright/test').APIResponse) => {
      if (r.status() === 200) v.rule('TOKEN-NO-STORE', `${name}: the refresh response`, noStore(r.headers()), { cacheControl: true, pragma: true })
    }
    if (api.refresh) {
      const first = await flow.grant(c)
      need(first.refresh_token, flow.tokenId, `a grant of "${api.scopes.ask}" must carry a refresh token`)
      const rt1 = first.refresh_token
      await judgeTokenRefusal(v, 'REFRESH-CLIENT-AUTH', 'a refresh without client authentication', await flow.token({ grant_type: 'refresh_token', refresh_token: rt1 }), 'invalid_client', { secrets: [rt1] })
      const wider = await flow.refresh(c, rt1, { scope: `${api.scopes.ask} ${api.scopes.wider}` })
      const second = (await jsonOf(wider)) as Tokens
      uncached('a refresh (Basic or body)', wider)
      v.rule('REFRESH-GRANT', 'a refresh (Basic or body, with scope and refresh_token)', wider.status(), 200)
      v.rule('REFRESH-NO-ESCALATION', `a refresh asking for ${api.scopes.wider} too: never more than granted`, sorted(second.scope), ask)
      v.rule('REFRESH-ROTATION', 'a new refresh token with every refresh', typeof second.refresh_token === 'string' && second.refresh_token !== rt1, true)
      need(wider.status() === 200 && second.refresh_token, flow.tokenId, 'a refresh must give a new refresh token to go on with')
      v.rule('REFRESH-GRANT', 'the new access token works', (await flow.bearer(api.resource.identity, second.access_token)).status(), 200)
      if (api.refresh.revokesPreviousAccess) v.rule('REFRESH-ROTATION', 'the access token the refresh replaced is refused', await refusalOf(await flow.bearer(api.resource.identity, first.access_token)), api.resource.refusals.invalidToken)
      const narrow = await flow.refresh(c, second.refresh_token, { scope: api.scopes.ask.split(' ')[0]! })
      const third = (await jsonOf(narrow)) as Tokens
      uncached('a refresh asking for less', narrow)
      if (api.refresh.scopeIgnored) v.rule('REFRESH-SAME-SCOPE', 'a refresh asking for less: the scope parameter is ignored', sorted(third.scope), ask)
      need(narrow.status() === 200 && third.refresh_token, flow.tokenId, 'the rotated refresh token must refresh')
      const plain = await flow.refresh(c, third.refresh_token)
      const fourth = (await jsonOf(plain)) as Tokens
      uncached('a refresh without scope', plain)
      v.rule('REFRESH-SAME-SCOPE', 'the rotated refresh token refreshes to the original scope', { status: plain.status(), scope: sorted(fourth.scope) }, { status: 200, scope: ask })
      // RFC 9700 §4.14.2: the first refresh token again is a replay; the whole family goes.
      v.rule('REFRESH-ROTATION', 'the first refresh token, used already', await errorOf(await flow.refresh(c, rt1)), INVALID_GRANT)
      if (fourth.refresh_token) v.rule('REFRESH-REPLAY-REVOKES', 'after the replay: the newest refresh token', await errorOf(await flow.refresh(c, fourth.refresh_token)), INVALID_GRANT)
      if (fourth.access_token) v.rule('REFRESH-REPLAY-REVOKES', 'after the replay: the newest access token', await refusalOf(await flow.bearer(api.resource.identity, fourth.access_token)), api.resource.refusals.invalidToken)
    }
    if (!api.roles.public) return
    const p = flow.client('public')
    const verifier = newVerifier()
    const { code } = await flow.code(p, api.pkce.supported ? { verifier } : {})
    const fields = { grant_type: 'authorization_code', code, redirect_uri: p.redirectUri, ...(api.pkce.supported ? { code_verifier: verifier } : {}) }
    if (api.own?.publicNoHeader) {
      const anonymous = await flow.token(fields)
      v.check(api.own.publicNoHeader, 'a public client exchange without client_id: refused', await errorOf(anonymous), { status: api.tokenErrors.status('invalid_client'), error: 'invalid_client' })
    }
    const exchanged = await flow.token(fields, p, 'none')
    const tokens = (await jsonOf(exchanged)) as Tokens
    v.rule('PKCE-SUPPORTED', 'a public client: S256 challenge, then client_id and code_verifier in the body', exchanged.status(), 200)
    if (api.own?.publicNoHeader) v.check(api.own.publicNoHeader, 'a public client exchange with client_id and no Authorization header', exchanged.status(), 200)
    if (!api.refresh) return
    need(tokens.refresh_token, flow.tokenId, `the public client's grant of "${api.scopes.ask}" must carry a refresh token`)
    const refreshed = await flow.refresh(p, tokens.refresh_token)
    const next = (await jsonOf(refreshed)) as Tokens
    uncached('a public client', refreshed)
    v.rule('REFRESH-GRANT', 'a public client refreshes with its client_id in the body', refreshed.status(), 200)
    v.rule('REFRESH-ROTATION', "a public client's refresh token rotates too", typeof next.refresh_token === 'string' && next.refresh_token !== tokens.refresh_token, true)
  }, ['publicNoHeader'])

  // Declared where any profile of the API has the endpoint (a profile without one is outside these rules' profiles).
  if (!api.revocation && !Object.values(api.byProfile ?? {}).some((p) => p.revocation)) return
  // A wrong secret by Basic refused invalid_client here is TOKEN-INVALID-CLIENT-401's case too: tagged, so that its
  // pass counts where the token endpoint's own test is skipped (a requirement is reported by the tests naming it).
  const basicRefusal: Rule[] = api.clientAuth.default === 'basic' && api.revocation?.wrongSecret.error === 'invalid_client' && api.tokenErrors.basicChallenge !== null ? ['TOKEN-INVALID-CLIENT-401'] : []
  ruleTest(api, 'revocation: authenticated POST only; an access or refresh token is revoked (whatever the hint), an invalid one answered 200', ['REVOKE-ACCESS', 'REVOKE-REFRESH', 'REVOKE-INVALID-200', 'REVOKE-CLIENT-AUTH', 'REVOKE-POST', 'REVOKE-HINT-FALLBACK', 'BEARER-REVOKED', ...basicRefusal], async (ctx) => {
    const { flow, v, api } = ctx
    const revocation = api.revocation
    need(revocation, flow.tokenId, `${api.prefix} has no revocation endpoint in this profile`)
    const c = flow.client('confidential')
    const how = flow.howOf(c)
    const first = await flow.grant(c)
    const wrong = `wrong-${randomBytes(9).toString('base64url')}`
    const bad = await flow.revoke({ ...c, secret: wrong }, first.access_token)
    await judgeTokenRefusal(v, 'REVOKE-CLIENT-AUTH', 'a wrong secret', bad, revocation.wrongSecret.error, { basic: how === 'basic', secrets: [wrong, first.access_token], status: revocation.wrongSecret.status })
    const viaGet = await ctx.request.get(`${flow.url(api.endpoints.revoke!)}?${new URLSearchParams({ token: first.access_token })}`, { headers: how === 'basic' ? { authorization: `Basic ${Buffer.from(`${c.id}:${c.secret}`).toString('base64')}` } : {}, maxRedirects: 0 })
    v.rule('REVOKE-POST', 'GET with the token in the query: refused', viaGet.status() >= 400 && viaGet.status() < 500, true)
    const still = (await flow.bearer(api.resource.identity, first.access_token)).status()
    for (const rule of ['REVOKE-CLIENT-AUTH', 'REVOKE-POST'] as const) v.rule(rule, 'after the refused revocations: the access token still works', still, 200)
    const revoked = await flow.revoke(c, first.access_token, { token_type_hint: 'refresh_token' })
    // RFC 7009 §2.2: 200; the body and cache header as the API answers them (empty and no-store unless it says otherwise).
    const ok = revocation.ok
    const answered = ok ? { status: revoked.status(), body: await revoked.text(), cacheControl: revoked.headers()['cache-control'] } : { status: revoked.status(), body: await revoked.text(), ...noStore(revoked.headers(), false) }
    for (const rule of ['REVOKE-ACCESS', 'REVOKE-HINT-FALLBACK'] as const) v.rule(rule, 'the access token revoked, with a refresh_token hint', answered, ok ? { status: 200, ...ok } : { status: 200, body: '', cacheControl: true, pragma: true })
    const gone = await refusalOf(await flow.bearer(api.resource.identity, first.access_token))
    for (const rule of ['REVOKE-ACCESS', 'REVOKE-HINT-FALLBACK', 'BEARER-REVOKED'] as const) v.rule(rule, 'the revoked access token at the API', gone, api.resource.refusals.invalidToken)
    if (first.refresh_token && revocation.revokes === 'grant') v.rule('REVOKE-ACCESS', 'the refresh token of the same grant is revoked too (the API revokes grants)', await errorOf(await flow.refresh(c, first.refresh_token)), INVALID_GRANT)
    v.rule('REVOKE-INVALID-200', 'an access token revoked already', (await flow.revoke(c, first.access_token)).status(), 200)
    v.rule('REVOKE-INVALID-200', 'a token the server never issued', (await flow.revoke(c, `never-issued-${randomBytes(12).toString('base64url')}`)).status(), 200)
    if (!api.refresh) return
    const second = await flow.grant(c)
    need(second.refresh_token, flow.tokenId, `a grant of "${api.scopes.ask}" must carry a refresh token`)
    v.rule('REVOKE-REFRESH', 'the refresh token revoked', (await flow.revoke(c, second.refresh_token)).status(), 200)
    v.rule('REVOKE-REFRESH', 'the revoked refresh token', await errorOf(await flow.refresh(c, second.refresh_token)), INVALID_GRANT)
    const after = await refusalOf(await flow.bearer(api.resource.identity, second.access_token))
    for (const rule of ['REVOKE-REFRESH', 'BEARER-REVOKED'] as const) v.rule(rule, "the access token of the revoked refresh token's grant", after, api.resource.refusals.invalidToken)
  })
}
