import { describe } from 'node:test'
import { s256 } from '../oauth2/pkce.ts'
import { exchange, pkceCode, probeEach, status, VERIFIER, works, type Probe, type TokenSideMutant } from './mutant-probes.ts'
import { basic, bearerGet, Browser, codeFor, CONFIDENTIAL, CONFIDENTIAL_BASIC, consentedRedirect, fixtures, JANE, oauthTokens, OTHER, PUBLIC, redeem, TENANT, token, type Instance } from './test-client.ts'

const TEAMS = `/v2/accounts/${fixtures.accounts[0]!.id}/teams`
const bodyOf = async (response: Response | Promise<Response>) => (await (await response).json()) as Record<string, unknown>
/** An exchange of the confidential app's code with client_id and client_secret in the body. */
const inBody = async (m: Instance, extra: Record<string, string> = {}) =>
  token(m, { grant_type: 'authorization_code', code: await codeFor(m), redirect_uri: CONFIDENTIAL.redirect_uri, client_id: CONFIDENTIAL.client_id, client_secret: CONFIDENTIAL.client_secret!, ...extra })

/** The shared mutants of the token endpoint: codes, PKCE, client authentication, the token response. */
const PROBES: Record<TokenSideMutant, Probe> = {
  'code-reusable': async (m) => {
    const code = await codeFor(m)
    await redeem(m, code)
    return (await status(redeem(m, code))) === 400
  },
  'code-reuse-keeps-tokens': async (m) => {
    const code = await codeFor(m)
    const first = (await (await redeem(m, code)).json()) as { access_token: string }
    await redeem(m, code)
    return !(await works(m, first.access_token))
  },
  'code-await-race': async (m) => {
    const code = await codeFor(m)
    const answers = await Promise.all(Array.from({ length: 20 }, () => redeem(m, code)))
    return answers.filter((r) => r.status === 200).length === 1
  },
  'code-client-unbound': async (m) => (await status(token(m, { grant_type: 'authorization_code', code: await codeFor(m), redirect_uri: CONFIDENTIAL.redirect_uri }, basic(OTHER.client_id, OTHER.client_secret!)))) === 400,
  'code-redirect-unbound': async (m) => (await status(exchange(m, await codeFor(m), { redirect_uri: OTHER.redirect_uri }))) === 400,
  'failed-exchange-burns-code': async (m) => {
    const code = await codeFor(m)
    await exchange(m, code, { redirect_uri: OTHER.redirect_uri })
    return (await status(redeem(m, code))) === 200
  },
  'code-never-expires': async (m) => {
    const code = await codeFor(m)
    m.clock.advance(601_000)
    return (await status(redeem(m, code))) === 400
  },
  'pkce-verifier-ignored': async (m) => (await status(exchange(m, await pkceCode(m), { code_verifier: VERIFIER.replace('d', 'e') }))) === 400,
  'pkce-downgrade-accepted': async (m) => (await status(exchange(m, await codeFor(m), { code_verifier: VERIFIER }))) === 400,
  'invalid-client-400': async (m) => {
    const refused = await redeem(m, 'x', basic(CONFIDENTIAL.client_id, 'wrong'))
    return refused.status === 401 && (refused.headers.get('www-authenticate') ?? '').startsWith('Basic ')
  },
  'two-auth-methods-accepted': async (m) => (await status(exchange(m, await codeFor(m), { client_secret: CONFIDENTIAL.client_secret! }))) === 400,
  'basic-not-urldecoded': async (m) => (await status(redeem(m, 'unknown', basic(TENANT.client_id, TENANT.client_secret!)))) === 400,
  'auth-method-unchecked': async (m) => (await status(token(m, { grant_type: 'authorization_code', code: 'x', client_id: PUBLIC.client_id, client_secret: 'made-up' }))) === 401,
  'credentials-from-query': async (m) => {
    const query = new URLSearchParams({ client_id: CONFIDENTIAL.client_id, client_secret: CONFIDENTIAL.client_secret! })
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: await codeFor(m), redirect_uri: CONFIDENTIAL.redirect_uri })
    return (await status(m.call(`/oauth2/token?${query}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }))) === 401
  },
  'token-via-get': async (m) => {
    const query = new URLSearchParams({ grant_type: 'authorization_code', code: await codeFor(m), redirect_uri: CONFIDENTIAL.redirect_uri })
    return (await status(m.call(`/oauth2/token?${query}`, { headers: { authorization: CONFIDENTIAL_BASIC } }))) === 405
  },
  'token-cacheable': async (m) => (await redeem(m, await codeFor(m))).headers.get('cache-control') === 'no-store',
  'token-error-echoes-secret': async (m) => !(await (await token(m, { grant_type: 'authorization_code', code: 'x', client_id: CONFIDENTIAL.client_id, client_secret: 'guess-secret-9' })).text()).includes('guess-secret-9'),
  'password-grant': async (m) => (await status(token(m, { grant_type: 'password', username: JANE.email, password: JANE.password }, CONFIDENTIAL_BASIC))) === 400,
  'access-token-never-expires': async (m) => {
    const { access_token } = await oauthTokens(m)
    m.clock.advance(3600_000)
    return !(await works(m, access_token))
  },
  'refresh-without-offline': async (m) => (await oauthTokens(m, 'asset.read')).refresh_token === undefined,
  'form-body-unparsed': async (m) => (await status(redeem(m, await codeFor(m)))) === 200,
  'form-content-type-exact': async (m) => {
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: await codeFor(m), redirect_uri: CONFIDENTIAL.redirect_uri })
    return (await status(m.call('/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', authorization: CONFIDENTIAL_BASIC }, body }))) === 200
  },
  'token-unknown-param-refused': async (m) => (await status(exchange(m, await codeFor(m), { state: 'state-12345678', scope: 'offline asset.read', foo: 'bar' }))) === 200,
  'unknown-grant-as-code': async (m) => (await bodyOf(token(m, { grant_type: 'urn:example:foo', code: 'x' }, CONFIDENTIAL_BASIC))).error === 'unsupported_grant_type',
  'grant-type-unchecked': async (m) => (await bodyOf(token(m, { grant_type: 'client_credentials' }, CONFIDENTIAL_BASIC))).error === 'unauthorized_client',
  'missing-param-invalid-grant': async (m) => (await bodyOf(token(m, { grant_type: 'authorization_code', redirect_uri: CONFIDENTIAL.redirect_uri }, CONFIDENTIAL_BASIC))).error === 'invalid_request',
  'basic-auth-unsupported': async (m) => (await status(redeem(m, await codeFor(m)))) === 200,
  'body-credentials-unsupported': async (m) => (await status(inBody(m))) === 200,
  'secret-checked-only-when-sent': async (m) => (await status(token(m, { grant_type: 'authorization_code', code: await codeFor(m), redirect_uri: CONFIDENTIAL.redirect_uri, client_id: CONFIDENTIAL.client_id }))) === 401,
  'public-client-from-code': async (m) => {
    const code = await pkceCode(m, VERIFIER, PUBLIC)
    return (await status(token(m, { grant_type: 'authorization_code', code, redirect_uri: PUBLIC.redirect_uri, code_verifier: VERIFIER }))) === 401
  },
  'token-response-form-encoded': async (m) => /^application\/json/.test((await redeem(m, await codeFor(m))).headers.get('content-type') ?? ''),
  'expires-in-milliseconds': async (m) => (await oauthTokens(m)).expires_in === 3600,
  'scope-response-from-request': async (m) => (await bodyOf(exchange(m, await codeFor(m), { scope: 'offline asset.read team.read' }))).scope === 'offline asset.read',
  'code-scope-from-request': async (m) => {
    const { access_token } = (await bodyOf(exchange(m, await codeFor(m), { scope: 'offline asset.read team.read' }))) as { access_token: string }
    return (await status(bearerGet(m, TEAMS, access_token))) === 403
  },
  'token-error-extra-fields': async (m) => Object.keys(await bodyOf(redeem(m, 'not-a-code'))).sort().join() === 'error,error_description',
  'tokens-short': async (m) => (await oauthTokens(m)).access_token.length >= 22,
  'token-carries-client-scopes': async (m) => (await status(bearerGet(m, TEAMS, (await oauthTokens(m, 'asset.read')).access_token))) === 403,
  'pkce-s256-padded': async (m) => (await status(exchange(m, await pkceCode(m), { code_verifier: VERIFIER }))) === 200,
  'pkce-challenge-per-client': async (m) => {
    const other = `${VERIFIER.slice(0, 42)}x`
    const first = await pkceCode(m)
    await pkceCode(m, other)
    return (await status(exchange(m, first, { code_verifier: VERIFIER }))) === 200
  },
  'pkce-verifier-format-unchecked': async (m) => {
    const short = VERIFIER.slice(0, 42)
    const code = (await consentedRedirect(new Browser(m), { challenge: await s256(short) })).searchParams.get('code')!
    return (await status(exchange(m, code, { code_verifier: short }))) === 400
  },
}

describe('shared OAuth2 mutants of the token endpoint are real defects (Frame.io)', () => probeEach(PROBES))
