import { randomBytes } from 'node:crypto'
import { jsonOf, judgeTokenRefusal } from './answers.ts'
import type { OAuth2Api } from './api.ts'
import { basicOf, formEncode, type Client, type ClientAuth } from './flow.ts'
import { grantedExchange } from './code.ts'
import type { Rule } from './rules.ts'
import { ruleTest, tenantClient, type RuleContext } from './suite.ts'

/** A code the server never issued: a request that gets past client authentication is refused `invalid_grant`. */
const junkCode = () => `not-a-code-${randomBytes(12).toString('base64url')}`

/** A token request with a junk code, refused as `error`: client authentication is decided before the code is looked at. */
async function refusedRequest(ctx: RuleContext, rule: Rule, name: string, error: string, send: (fields: Record<string, string>) => Promise<import('@playwright/test').APIResponse>, o: { basic?: boolean; secrets?: string[]; status?: number } = {}) {
  const code = junkCode()
  const response = await send({ grant_type: 'authorization_code', code, redirect_uri: ctx.flow.client('confidential').redirectUri })
  await judgeTokenRefusal(ctx.v, rule, name, response, error, { ...o, secrets: [code, ...(o.secrets ?? [])] })
  return response
}

export function declareTokenTests(api: OAuth2Api): void {
  // The tenant client's Basic exchange (a secret Basic must form-encode, a registered query) is a test of its own,
  // skipped alone where the target names no such client; an API without Basic is checked on TOKEN-BASIC instead.
  const tenantBasic = Boolean(api.roles.tenant && api.clientAuth.basic)
  const byAuth: Rule[] = api.clientAuth.basic ? (tenantBasic ? [] : ['TOKEN-BASIC-ENCODING']) : ['TOKEN-BASIC', 'TOKEN-BASIC-ENCODING']
  ruleTest(api, 'token endpoint: client authentication (Basic, or the body; never the URI, never two methods) and its refusals in full', ['TOKEN-INVALID-CLIENT', 'TOKEN-INVALID-CLIENT-401', 'TOKEN-CREDS-NOT-IN-URI', 'TOKEN-ONE-AUTH-METHOD', 'TOKEN-BODY-CREDENTIALS', 'TOKEN-ERROR-SHAPE', 'TOKEN-NO-STORE', 'TOKEN-NO-SECRET-ECHO', ...byAuth], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const wrong = `wrong-${randomBytes(9).toString('base64url')}`
    const as = (client: Client, how: ClientAuth) => (fields: Record<string, string>) => flow.token(fields, client, how)
    if (api.clientAuth.basic) {
      await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', 'an unknown client (Basic)', 'invalid_client', as({ id: 'no-such-client-3f9a', secret: wrong, redirectUri: '' }, 'basic'), { basic: true, secrets: [wrong] })
      await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', 'a wrong secret (Basic)', 'invalid_client', as({ ...c, secret: wrong }, 'basic'), { basic: true, secrets: [wrong] })
      await refusedRequest(ctx, 'TOKEN-ONE-AUTH-METHOD', 'Basic and client_secret in the body at once', 'invalid_request', (f) => flow.token({ ...f, client_secret: c.secret ?? '' }, c, 'basic'), { secrets: [c.secret ?? ''] })
    }
    else {
      // RFC 6749 §5.2: an unsupported authentication method is invalid_client; the unknown client by the body instead.
      await refusedRequest(ctx, 'TOKEN-BASIC', 'the client authenticated by Basic only, which the server does not read', 'invalid_client', as(c, 'basic'), { basic: true, secrets: [c.secret ?? ''] })
      await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', 'an unknown client (body)', 'invalid_client', as({ id: 'no-such-client-3f9a', secret: wrong, redirectUri: '' }, 'body'), { secrets: [wrong] })
    }
    if (api.clientAuth.body) await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', 'a wrong client_secret in the body', 'invalid_client', as({ ...c, secret: wrong }, 'body'), { secrets: [wrong] })
    await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', 'a confidential client_id without its secret', 'invalid_client', as(c, 'none'))
    await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', 'no client authentication at all', 'invalid_client', (f) => flow.token(f))
    const inUri = `${api.endpoints.token}?${new URLSearchParams({ client_id: c.id, client_secret: c.secret ?? '' })}`
    // RFC 6749 §2.3.1: credentials in the URI do not authenticate. Refused as no client authentication (invalid_client)
    // or as a malformed request (invalid_request, §5.2 "or is otherwise malformed"): either keeps the rule.
    const code = junkCode()
    const inQuery = await flow.rawForm(inUri, new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: c.redirectUri }).toString())
    const malformed = ((await jsonOf(inQuery)) as { error?: unknown } | undefined)?.error === 'invalid_request'
    await judgeTokenRefusal(v, 'TOKEN-CREDS-NOT-IN-URI', `client_id and client_secret in the query string${malformed ? ' (refused as malformed)' : ''}`, inQuery, malformed ? 'invalid_request' : 'invalid_client', { secrets: [code, c.secret ?? ''] })
    if (api.roles.public) {
      const p = flow.client('public')
      const own = api.own?.publicNoSecret
      for (const [name, how, extra] of [['a public client with a Basic header', 'basic', {}], ['a public client with a client_secret', 'none', { client_secret: wrong }]] as const) {
        const r = await refusedRequest(ctx, 'TOKEN-INVALID-CLIENT', name, 'invalid_client', (f) => flow.token({ ...f, ...extra }, { ...p, secret: wrong }, how), { basic: how === 'basic', secrets: [wrong] })
        if (own) v.check(own, name, { status: r.status(), error: ((await jsonOf(r)) as { error?: string }).error }, { status: api.tokenErrors.status('invalid_client'), error: 'invalid_client' })
      }
    }
    if (api.clientAuth.body) {
      const { code } = await flow.code(c)
      await grantedExchange(ctx, ['TOKEN-BODY-CREDENTIALS'], 'client_id and client_secret in the body', c, code, { how: 'body' })
    }
  }, ['publicNoSecret'])

  if (tenantBasic) {
    ruleTest(api, 'token endpoint: Basic credentials form-encoded before base64 (RFC 6749 §2.3.1), with a client whose secret needs it and whose redirect URI has a query', ['TOKEN-BASIC-ENCODING', 'AUTHZ-REDIRECT-QUERY-KEPT', 'TOKEN-INVALID-CLIENT-401', 'TOKEN-ERROR-SHAPE', 'TOKEN-NO-STORE', 'TOKEN-NO-SECRET-ECHO'], async (ctx) => {
      const { flow, v, api } = ctx
      const t = tenantClient(ctx)
      const raw = `Basic ${Buffer.from(`${t.id}:${t.secret ?? ''}`).toString('base64')}`
      await refusedRequest(ctx, 'TOKEN-BASIC-ENCODING', `Basic with the secret not form-encoded (${formEncode(t.secret ?? '') === t.secret ? 'same' : 'differs'})`, 'invalid_client', (f) => flow.rawForm(api.endpoints.token, new URLSearchParams({ ...f, redirect_uri: t.redirectUri }).toString(), { authorization: raw }), { basic: true, secrets: [t.secret ?? ''] })
      await refusedRequest(ctx, 'TOKEN-BASIC-ENCODING', 'Basic form-encoded: authenticated, then the unknown code', 'invalid_grant', (f) => flow.rawForm(api.endpoints.token, new URLSearchParams({ ...f, redirect_uri: t.redirectUri }).toString(), { authorization: basicOf(t.id, t.secret ?? '') }))
      const { code, landed } = await flow.code(t)
      v.rule('AUTHZ-REDIRECT-QUERY-KEPT', 'the code redirect keeps the registered query', Object.fromEntries([...new URL(t.redirectUri).searchParams].map(([k]) => [k, landed.searchParams.get(k)])), Object.fromEntries(new URL(t.redirectUri).searchParams))
      await grantedExchange(ctx, ['TOKEN-BASIC-ENCODING'], 'the code exchanged with the form-encoded Basic credentials', t, code, { how: 'basic' })
    })
  }

  ruleTest(api, 'token endpoint: POST only; unknown, missing, empty and repeated parameters; grants it does not offer', ['TOKEN-POST-ONLY', 'TOKEN-DUPLICATE-PARAM', 'TOKEN-UNKNOWN-PARAM', 'TOKEN-UNSUPPORTED-GRANT', 'TOKEN-NO-PASSWORD-GRANT', 'TOKEN-UNAUTHORIZED-CLIENT', 'TOKEN-CC-NO-REFRESH', 'TOKEN-MISSING-PARAM', 'TOKEN-EMPTY-PARAM', 'TOKEN-ERROR-SHAPE', 'TOKEN-NO-STORE', 'TOKEN-NO-SECRET-ECHO'], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const how = flow.howOf(c)
    const basic = how === 'basic'
    const auth: Record<string, string> = basic ? { authorization: basicOf(c.id, c.secret ?? '') } : {}
    const creds: Record<string, string> = basic ? {} : { client_id: c.id, client_secret: c.secret ?? '' }
    const post = (fields: Record<string, string>) => flow.token(fields, c)
    const { code } = await flow.code(c)
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: c.redirectUri }
    const viaGet = await ctx.request.get(`${flow.url(api.endpoints.token)}?${new URLSearchParams({ ...exchange, ...creds })}`, { headers: auth, maxRedirects: 0 })
    const router = api.tokenErrors.methodRefusal
    if (router) {
      // Answered by the router, not as an OAuth error (a declared difference): the method is what is refused.
      const h = viaGet.headers()
      v.rule('TOKEN-POST-ONLY', 'GET with the parameters in the query: 405 from the router', { status: viaGet.status(), type: h['content-type'], body: await viaGet.text(), allow: h.allow }, { status: api.tokenErrors.methodStatus, type: router.contentType, body: router.body, allow: 'POST' })
    } else await judgeTokenRefusal(v, 'TOKEN-POST-ONLY', 'GET with the parameters in the query', viaGet, 'invalid_request', { basic, secrets: [code], status: api.tokenErrors.methodStatus })
    const twice = await flow.rawForm(api.endpoints.token, `${new URLSearchParams({ ...exchange, ...creds })}&code=${encodeURIComponent(code)}`, auth)
    let still = code
    if (api.duplicates === 'first') {
      // Read as its first value (a declared difference): the code is exchanged, so the next case takes another.
      v.rule('TOKEN-DUPLICATE-PARAM', 'code twice: read as its first value', twice.status(), 200)
      still = (await flow.code(c)).code
    } else await judgeTokenRefusal(v, 'TOKEN-DUPLICATE-PARAM', 'code twice', twice, 'invalid_request', { basic, secrets: [code] })
    await grantedExchange(ctx, ['TOKEN-UNKNOWN-PARAM', 'TOKEN-POST-ONLY', 'TOKEN-DUPLICATE-PARAM'], 'then, by POST with extra state, scope and foo: the code still works', c, still, { extra: { state: 'state-12345678', scope: api.scopes.ask, foo: 'bar' } })
    const junk = `not-a-code-${randomBytes(12).toString('base64url')}`
    const refused = async (rule: Rule, name: string, fields: Record<string, string>, error: string, secrets: string[] = []) => judgeTokenRefusal(v, rule, name, await post(fields), error, { basic, secrets })
    // Each grant request is otherwise complete (a redirect_uri, which some servers require with every grant).
    await refused('TOKEN-UNSUPPORTED-GRANT', 'grant_type=urn:example:foo', { grant_type: 'urn:example:foo', redirect_uri: c.redirectUri }, 'unsupported_grant_type')
    const user = flow.user
    const password = await post({ grant_type: 'password', username: user.email ?? user.username ?? '', password: user.password ?? '', scope: api.scopes.ask, redirect_uri: c.redirectUri })
    v.rule('TOKEN-NO-PASSWORD-GRANT', "grant_type=password with the user's real credentials: no token", { status: password.status(), token: typeof ((await jsonOf(password)) as { access_token?: unknown }).access_token }, { status: api.tokenErrors.status('unsupported_grant_type'), token: 'undefined' })
    if (api.clientCredentials === 'refused') await refused('TOKEN-UNAUTHORIZED-CLIENT', 'grant_type=client_credentials, which the client is not registered for', { grant_type: 'client_credentials' }, 'unauthorized_client')
    else {
      const cc = (await jsonOf(await post({ grant_type: 'client_credentials', redirect_uri: c.redirectUri }))) as Record<string, unknown>
      v.rule('TOKEN-CC-NO-REFRESH', 'a client_credentials token: no refresh token', { token: typeof cc.access_token, refresh: cc.refresh_token }, { token: 'string', refresh: undefined })
    }
    await refused('TOKEN-MISSING-PARAM', 'no grant_type', { code: junk, redirect_uri: c.redirectUri }, 'invalid_request', [junk])
    await refused('TOKEN-MISSING-PARAM', 'authorization_code without code', { grant_type: 'authorization_code', redirect_uri: c.redirectUri }, 'invalid_request')
    if (api.refresh) await refused('TOKEN-MISSING-PARAM', 'refresh_token without refresh_token', { grant_type: 'refresh_token' }, 'invalid_request')
    await refused('TOKEN-EMPTY-PARAM', 'code= (as if omitted: missing, not invalid)', { grant_type: 'authorization_code', code: '', redirect_uri: c.redirectUri }, 'invalid_request')
    await refused('TOKEN-NO-SECRET-ECHO', 'a code the server never issued', { grant_type: 'authorization_code', code: junk, redirect_uri: c.redirectUri }, 'invalid_grant', [junk])
  })
}
