import { jsonOf, judgeTokenRefusal, noStore, pageOf, refusalOf } from './answers.ts'
import { answerTo } from './authorize.ts'
import { idsOf, type OAuth2Api } from './api.ts'
import { need, newVerifier, type Client, type Tokens } from './flow.ts'
import type { Rule } from './rules.ts'
import { ruleTest, type RuleContext } from './suite.ts'

/** Codes and tokens: at least 128 bits of randomness means at least 22 base64url characters (RFC 6749 §10.10). */
export const OPAQUE = /^[A-Za-z0-9\-._~]{22,}$/
const sorted = (scope: unknown) => (typeof scope === 'string' ? scope.split(' ').filter(Boolean).sort().join(' ') : scope)

/** A refused exchange, judged in full (judgeTokenRefusal). */
export async function refusedExchange(ctx: RuleContext, rule: Rule, name: string, c: Client, code: string, o: Parameters<RuleContext['flow']['exchange']>[2], error = 'invalid_grant'): Promise<void> {
  const r = await ctx.flow.exchange(c, code, o)
  const secrets = [code, c.secret ?? '', o?.verifier ?? '']
  await judgeTokenRefusal(ctx.v, rule, name, r, error, { basic: ctx.flow.howOf(c) === 'basic' && !o?.how, secrets })
}

/** A successful exchange, for the rules that say the request must work. */
export async function grantedExchange(ctx: RuleContext, rules: readonly Rule[], name: string, c: Client, code: string, o: Parameters<RuleContext['flow']['exchange']>[2] = {}): Promise<Tokens | undefined> {
  const r = await ctx.flow.exchange(c, code, o)
  const body = (await jsonOf(r)) as Tokens
  for (const rule of rules) ctx.v.rule(rule, name, r.status(), 200)
  return r.status() === 200 ? body : undefined
}

/**
 * A code for an authorization request without redirect_uri (a client with one registered URI), its walk recorded
 * and judged for AUTHZ-REDIRECT-OMITTED: a server that insists on the parameter fails that rule, not a precondition.
 */
async function omittedCode(ctx: RuleContext, c: Client): Promise<{ code: string } | undefined> {
  const { flow, v, api } = ctx
  const walk = await flow.walk(flow.recorded, await flow.recorded.get(`${flow.url(api.endpoints.authorize)}?${flow.query(c, { omitRedirect: true })}`))
  const code = walk.landed?.searchParams.get('code')
  const at = (uri: string) => uri.split('?')[0]
  v.rule('AUTHZ-REDIRECT-OMITTED', 'no redirect_uri at the authorization endpoint: a code at the one registered URI', { at: walk.landed && at(walk.landed.toString()), code: Boolean(code) }, { at: at(c.redirectUri), code: true })
  return code ? { code } : undefined
}

export function declareCodeTests(api: OAuth2Api): void {
  const how: Rule = api.clientAuth.default === 'basic' ? 'TOKEN-BASIC' : 'TOKEN-BODY-CREDENTIALS'
  ruleTest(api, 'a code gives its tokens once, for the consented scope and user; the token response in full', ['CODE-SINGLE-USE', 'CODE-REUSE-REVOKES', 'CODE-ENTROPY', 'CODE-BOUND-SCOPE-USER', 'TOKEN-RESPONSE', 'TOKEN-NO-STORE', 'TOKEN-EXPIRES-IN', 'TOKEN-SCOPE-RESPONSE', 'TOKEN-ENTROPY', 'TOKEN-FORM', how, 'AUTHZ-SCOPE-DEFAULT', 'BEARER-REVOKED'], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const first = await flow.code(c)
    const second = await flow.code(c, { omitScope: true })
    for (const [name, code] of [['a code', first.code], ['another code', second.code]] as const) v.rule('CODE-ENTROPY', name, code, OPAQUE)
    v.rule('CODE-ENTROPY', 'two codes differ', first.code !== second.code, true)
    const withRefresh = api.refresh !== null && api.scopes.ask.split(' ').includes(api.refresh.scope)
    // The docs' own request shape, and a scope that asks for more: the code decides the scope, not the request.
    const r = await flow.exchange(c, first.code, { extra: { scope: `${api.scopes.ask} ${api.scopes.wider}` } })
    const tokens = (await jsonOf(r)) as Tokens & Record<string, unknown>
    v.rule(how, `the exchange (${api.clientAuth.default})`, r.status(), 200)
    v.rule('TOKEN-FORM', 'a form-encoded exchange', r.status(), 200)
    v.rule('TOKEN-RESPONSE', 'the token response', { json: /^application\/json/i.test(r.headers()['content-type'] ?? ''), keys: Object.keys(tokens).sort(), tokenType: tokens.token_type }, { json: true, keys: [...api.tokenResponse.keys(withRefresh)].sort(), tokenType: api.tokenResponse.tokenType })
    v.rule('TOKEN-NO-STORE', 'the token response', noStore(r.headers()), { cacheControl: true, pragma: true })
    v.rule('TOKEN-EXPIRES-IN', 'expires_in: the access token lifetime', tokens.expires_in, api.lifetimes.accessToken)
    v.rule('TOKEN-SCOPE-RESPONSE', 'scope: what was consented', sorted(tokens.scope), sorted(api.scopes.ask))
    v.rule('CODE-BOUND-SCOPE-USER', 'a wider scope in the token request: still the consented scope', sorted(tokens.scope), sorted(api.scopes.ask))
    const issued = [tokens.access_token, tokens.refresh_token].filter((t): t is string => typeof t === 'string')
    for (const t of issued) v.rule('TOKEN-ENTROPY', 'an issued token', t, OPAQUE)
    v.rule('TOKEN-ENTROPY', 'the tokens differ from each other and from the code', new Set([...issued, first.code]).size, issued.length + 1)
    if (api.own?.refreshIff) v.check(api.own.refreshIff, `a refresh token exactly when ${api.refresh?.scope} is granted`, typeof tokens.refresh_token === 'string', withRefresh)
    need(r.status() === 200, idsOf(api, how)[0]!, `the exchange must succeed to go on (got ${r.status()})`)
    const me = await flow.bearer(api.resource.identity, tokens.access_token)
    v.rule('CODE-BOUND-SCOPE-USER', 'the token acts for the user who consented', { status: me.status(), user: api.resource.isUser(await jsonOf(me), flow.user) }, { status: 200, user: true })

    const reuse = await flow.exchange(c, first.code)
    await judgeTokenRefusal(v, 'CODE-SINGLE-USE', 'the code a second time', reuse, 'invalid_grant', { basic: api.clientAuth.default === 'basic', secrets: [first.code, c.secret ?? ''] })
    const after = await refusalOf(await flow.bearer(api.resource.identity, tokens.access_token))
    const revoked = api.codeReuseRevokes ? api.resource.refusals.invalidToken : { status: 200 }
    for (const rule of ['CODE-REUSE-REVOKES', 'BEARER-REVOKED'] as const) v.rule(rule, 'after the reuse: the first access token', api.codeReuseRevokes ? after : { status: after.status }, revoked)
    if (tokens.refresh_token && api.codeReuseRevokes) {
      const refresh = await flow.refresh(c, tokens.refresh_token)
      v.rule('CODE-REUSE-REVOKES', 'after the reuse: the first refresh token', { status: refresh.status(), error: ((await jsonOf(refresh)) as { error?: string }).error }, { status: 400, error: 'invalid_grant' })
    }

    const byDefault = (await jsonOf(await flow.exchange(c, second.code))) as Tokens
    v.rule('AUTHZ-SCOPE-DEFAULT', 'no scope asked: the default, said in the token response', sorted(byDefault.scope), sorted(api.scopes.defaultGranted))
    v.rule('TOKEN-SCOPE-RESPONSE', 'no scope asked: the scope granted is in the response', typeof byDefault.scope, 'string')
    if (api.own?.refreshIff) v.check(api.own.refreshIff, `no refresh token without ${api.refresh?.scope}`, byDefault.refresh_token, undefined)
  }, ['refreshIff'])

  ruleTest(api, 'a code is bound to its redirect URI and PKCE challenge; a refused exchange leaves it usable', ['CODE-REDIRECT-MATCH', 'CODE-FAILED-KEEPS', 'AUTHZ-REDIRECT-OMITTED', 'PKCE-SUPPORTED', 'PKCE-VERIFIER-REQUIRED', 'PKCE-MISMATCH', 'PKCE-DOWNGRADE', 'PKCE-BOUND', 'PKCE-VERIFIER-FORMAT'], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const [vA, vB] = [newVerifier(), newVerifier()]
    const pkce = (verifier: string) => (api.pkce.supported || api.pkce.ignored ? { verifier } : {})
    const a = await flow.code(c, pkce(vA))
    const b = await flow.code(c, pkce(vB))
    const omitted = api.redirectUriRequired ? undefined : await omittedCode(ctx, c)
    const elsewhere = `${c.redirectUri.split('?')[0]}/elsewhere`
    await refusedExchange(ctx, 'CODE-REDIRECT-MATCH', 'another redirect_uri than the authorization request', c, a.code, { ...pkce(vA), redirectUri: elsewhere })
    await refusedExchange(ctx, 'CODE-REDIRECT-MATCH', 'no redirect_uri though the authorization request had one', c, a.code, { ...pkce(vA), omitRedirect: true })
    if (api.pkce.supported) {
      await refusedExchange(ctx, 'PKCE-MISMATCH', "another flow's verifier", c, a.code, { verifier: vB })
      await refusedExchange(ctx, 'PKCE-VERIFIER-REQUIRED', 'no code_verifier for a code issued with a challenge', c, b.code, {})
      await refusedExchange(ctx, 'PKCE-BOUND', "flow A's verifier with flow B's code", c, b.code, { verifier: vA })
    }
    await grantedExchange(ctx, ['CODE-FAILED-KEEPS', 'PKCE-SUPPORTED', 'PKCE-BOUND'], 'after the refused exchanges, the right one (flow A)', c, a.code, pkce(vA))
    await grantedExchange(ctx, ['CODE-FAILED-KEEPS', 'PKCE-BOUND'], 'after the refused exchanges, the right one (flow B)', c, b.code, pkce(vB))
    if (api.pkce.supported && omitted) await refusedExchange(ctx, 'PKCE-DOWNGRADE', 'a code_verifier for a code issued without a challenge', c, omitted.code, { omitRedirect: true, verifier: vA })
    if (omitted) await grantedExchange(ctx, ['AUTHZ-REDIRECT-OMITTED', 'CODE-REDIRECT-MATCH', 'CODE-FAILED-KEEPS'], 'redirect_uri omitted at both ends (one registered URI)', c, omitted.code, { omitRedirect: true })
    else v.rule('AUTHZ-REDIRECT-OMITTED', 'no redirect_uri at the authorization endpoint: refused (it is required)', pageOf(await answerTo(ctx, flow.query(c, { omitRedirect: true }))), { status: api.authorizeErrors.pageStatus, html: true, location: null })
    if (api.pkce.ignored) {
      // The server drops the PKCE parameters (a declared difference): each misuse is accepted, each with a code of its own.
      const exchanged = async (rules: Rule[], name: string, challenged: string | undefined, verifier: string | undefined) => grantedExchange(ctx, rules, name, c, (await flow.code(c, challenged ? { verifier: challenged } : {})).code, verifier ? { verifier } : {})
      await exchanged(['PKCE-VERIFIER-REQUIRED'], 'no code_verifier for a code issued with a challenge', vA, undefined)
      await exchanged(['PKCE-MISMATCH', 'PKCE-BOUND'], "another flow's verifier", vA, vB)
      await exchanged(['PKCE-DOWNGRADE'], 'a code_verifier for a code issued without a challenge', undefined, vA)
      const short = `${vA}${vB}`.slice(0, 42)
      await exchanged(['PKCE-VERIFIER-FORMAT'], 'a code_verifier of 42 characters', short, short)
    }
    if (!api.pkce.supported) return
    // RFC 7636 §4.1: 43–128 unreserved characters. Each code's challenge is the S256 of the malformed verifier itself.
    const body = newVerifier() + newVerifier() + newVerifier() + newVerifier()
    for (const [name, verifier] of [['42 characters', body.slice(0, 42)], ['129 characters', body.slice(0, 129)], ['a "+" in it', `${body.slice(0, 20)}+${body.slice(20, 43)}`]] as const) {
      const k = await flow.code(c, { verifier })
      await refusedExchange(ctx, 'PKCE-VERIFIER-FORMAT', `a code_verifier of ${name}`, c, k.code, { verifier })
    }
  })

  // Each lifetime is a test of its own: on a target without a mock clock each waits (or is skipped) for its own
  // lifetime only — the code's 600 s are not held up by the refresh token's 30 days.
  const timed = (ctx: RuleContext, seconds: number) => {
    ctx.clock.require(seconds)
    // The mock's time is wall time plus what the test adds: each check moves a token to an exact age, counting the
    // wall time since it was issued (timed after its answer, so its true age is never less).
    let advanced = 0
    return async (issued: number, age: number, id: string) => {
      const by = age - advanced - (Date.now() - issued) / 1000
      need(by >= 0, id, `the token was already older than ${age} s when the check came (the run is too slow)`)
      await ctx.clock.advance(by)
      advanced += by
    }
  }
  ruleTest(api, 'lifetimes: the code expires on time', ['CODE-SHORT-LIVED'], async (ctx) => {
    const { flow, api } = ctx
    const codeLife = api.lifetimes.code
    const c = flow.client('confidential')
    const ageTo = timed(ctx, codeLife + 1)
    const onTime = await flow.code(c)
    const tOnTime = Date.now()
    const tooLate = await flow.code(c)
    const tTooLate = Date.now()
    const codeId = idsOf(api, 'CODE-SHORT-LIVED')[0]!
    await ageTo(tOnTime, codeLife - 1, codeId)
    await grantedExchange(ctx, ['CODE-SHORT-LIVED'], `a code redeemed ${codeLife - 1} s after it was issued`, c, onTime.code)
    await ageTo(tTooLate, codeLife + 1, codeId)
    await refusedExchange(ctx, 'CODE-SHORT-LIVED', `a code redeemed ${codeLife + 1} s after it was issued`, c, tooLate.code, {})
  })

  // An expired token's revocation is a case only where access tokens expire.
  const expiring: Rule[] = api.lifetimes.accessToken === undefined ? [] : ['REVOKE-INVALID-200']
  ruleTest(api, 'lifetimes: the access token expires on time; an expired token is revoked with 200', ['BEARER-EXPIRED', ...expiring], async (ctx) => {
    const { flow, v, api } = ctx
    const { accessToken } = api.lifetimes
    const c = flow.client('confidential')
    if (accessToken === undefined) return
    const ageTo = timed(ctx, accessToken)
    const early = await flow.grant(c)
    const tEarly = Date.now()
    const accessId = idsOf(api, 'BEARER-EXPIRED')[0]!
    await ageTo(tEarly, accessToken - 1, accessId)
    v.rule('BEARER-EXPIRED', `the access token at ${accessToken - 1} s`, (await flow.bearer(api.resource.identity, early.access_token)).status(), 200)
    await ageTo(tEarly, accessToken, accessId)
    v.rule('BEARER-EXPIRED', `the access token at ${accessToken} s`, await refusalOf(await flow.bearer(api.resource.identity, early.access_token)), api.resource.refusals.invalidToken)
    if (api.revocation) v.rule('REVOKE-INVALID-200', 'revoking the expired access token', (await flow.revoke(c, early.access_token)).status(), 200)
  })

  ruleTest(api, 'lifetimes: the refresh token expires on time', ['REFRESH-EXPIRY'], async (ctx) => {
    const { flow, v, api } = ctx
    const { refreshToken } = api.lifetimes
    const c = flow.client('confidential')
    if (!refreshToken || !api.refresh) return
    const ageTo = timed(ctx, refreshToken)
    const early = await flow.grant(c)
    const tEarly = Date.now()
    const late = await flow.grant(c)
    const tLate = Date.now()
    const refreshId = idsOf(api, 'REFRESH-EXPIRY')[0]!
    need(early.refresh_token && late.refresh_token, flow.tokenId, `a grant of "${api.scopes.ask}" must carry a refresh token`)
    await ageTo(tEarly, refreshToken - 1, refreshId)
    v.rule('REFRESH-EXPIRY', `a refresh token at ${refreshToken - 1} s`, (await flow.refresh(c, early.refresh_token)).status(), 200)
    await ageTo(tLate, refreshToken, refreshId)
    const expired = await flow.refresh(c, late.refresh_token)
    v.rule('REFRESH-EXPIRY', `a refresh token at ${refreshToken} s`, { status: expired.status(), error: ((await jsonOf(expired)) as { error?: string }).error }, { status: 400, error: 'invalid_grant' })
  })

  ruleTest(api, "another client can neither redeem this client's code, refresh its token nor revoke it", ['CODE-CLIENT-BOUND', 'REFRESH-CLIENT-BOUND', 'REVOKE-OTHER-CLIENT'], async (ctx) => {
    const { flow, v, api } = ctx
    const [c, other] = [flow.client('confidential'), flow.client('other')]
    const { code } = await flow.code(c)
    await refusedExchange(ctx, 'CODE-CLIENT-BOUND', "another client redeems this client's code", other, code, { redirectUri: c.redirectUri })
    const tokens = await grantedExchange(ctx, ['CODE-CLIENT-BOUND'], 'the code still works for its client', c, code)
    need(tokens, idsOf(api, 'CODE-CLIENT-BOUND')[0]!, 'the code must still give its client tokens to go on')
    let access = tokens.access_token
    if (api.refresh && tokens.refresh_token) {
      const stolen = await flow.refresh(other, tokens.refresh_token)
      v.rule('REFRESH-CLIENT-BOUND', "another client refreshes this client's token", { status: stolen.status(), error: ((await jsonOf(stolen)) as { error?: string }).error }, { status: 400, error: 'invalid_grant' })
      const own = await flow.refresh(c, tokens.refresh_token)
      const next = (await jsonOf(own)) as Tokens
      v.rule('REFRESH-CLIENT-BOUND', 'the refresh token still works for its client', own.status(), 200)
      if (own.status() === 200) access = next.access_token
    }
    if (!api.revocation) return
    const foreign = await flow.revoke(other, access)
    // RFC 7009 §2.1: the request is refused (an error answer, 400 or 401) or, the token not being the client's, nothing
    // is revoked; either way the token stays valid. What the API answers exactly is its own requirement (own.revokeForeign).
    const status = foreign.status()
    if (api.revocation.foreignToken === 'ignored') v.rule('REVOKE-OTHER-CLIENT', "another client revokes this client's access token: 200, or refused (4xx)", [200, 400, 401, 403].includes(status), true)
    else v.rule('REVOKE-OTHER-CLIENT', `another client revokes this client's access token: ${api.revocation.foreignToken}`, { status }, { status: 403 })
    if (api.own?.revokeForeign) v.check(api.own.revokeForeign, "another client revokes this client's access token: 200 (ignored)", { status }, { status: api.revocation.foreignToken === 'ignored' ? 200 : 403 })
    v.rule('REVOKE-OTHER-CLIENT', 'the access token still works', (await flow.bearer(api.resource.identity, access)).status(), 200)
  }, ['revokeForeign'])
}
