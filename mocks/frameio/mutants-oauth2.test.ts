import { describe } from 'node:test'
import type { OAuth2Mutant } from '../oauth2/mutants.ts'
import { s256 } from '../oauth2/pkce.ts'
import { probeEach, type Probe } from './mutant-probes.ts'
import {
  basic, bearerGet, Browser, CONFIDENTIAL, CONFIDENTIAL_BASIC, codeFor, consentedRedirect, follow, JANE, locationOf, oauthTokens, OTHER, PUBLIC, readForm, redeem, TENANT, token, type Instance,
} from './test-client.ts' // prettier-ignore

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const good = { response_type: 'code', client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, scope: 'asset.read', state: 'state-12345678' }
const authorize = (mock: Instance, params: Record<string, string> | string[][]) => mock.call(`/oauth2/auth?${new URLSearchParams(params)}`)
const errorOf = async (response: Response | Promise<Response>) => locationOf(await response).searchParams.get('error')
const status = async (response: Response | Promise<Response>) => (await response).status
const works = async (mock: Instance, accessToken: string) => (await bearerGet(mock, '/v2/me', accessToken)).status === 200
const refresh = (mock: Instance, rt: string, authorization = CONFIDENTIAL_BASIC, scope = 'offline asset.read') => token(mock, { grant_type: 'refresh_token', refresh_token: rt, scope }, authorization)
const revoke = (mock: Instance, value: string, authorization = CONFIDENTIAL_BASIC) =>
  mock.call('/oauth2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization }, body: new URLSearchParams({ token: value }) })
const pkceCode = async (mock: Instance) => (await consentedRedirect(new Browser(mock), { challenge: await s256(VERIFIER) })).searchParams.get('code')!
const exchange = (mock: Instance, code: string, extra: Record<string, string> = {}, authorization = CONFIDENTIAL_BASIC) =>
  token(mock, { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL.redirect_uri, ...extra }, authorization)

async function signedIn(mock: Instance) {
  const browser = new Browser(mock)
  await browser.signIn()
  return browser
}

const PROBES: Record<OAuth2Mutant, Probe> = {
  'redirect-prefix-match': async (m) => (await status(authorize(m, { ...good, redirect_uri: `${good.redirect_uri}/more` }))) === 400,
  'loopback-port-strict': async (m) => locationOf(await authorize(m, { ...good, client_id: PUBLIC.client_id, redirect_uri: 'http://127.0.0.1:50000/callback', code_challenge: await s256(VERIFIER), code_challenge_method: 'S256' })).pathname === '/login',
  'redirect-query-dropped': async (m) => locationOf(await authorize(m, { ...good, client_id: TENANT.client_id, redirect_uri: TENANT.redirect_uri, scope: 'team.read' })).searchParams.get('tenant') === '7',
  'error-to-unregistered-redirect': async (m) => (await authorize(m, { ...good, redirect_uri: 'https://evil.example/cb' })).headers.get('location') === null,
  'state-dropped': async (m) => (await consentedRedirect(new Browser(m), { state: 'keep-this-state' })).searchParams.get('state') === 'keep-this-state',
  'state-length-unchecked': async (m) => (await errorOf(authorize(m, { ...good, state: 'abc' }))) === 'invalid_state',
  'scope-unchecked': async (m) => (await errorOf(authorize(m, { ...good, scope: 'asset.admin' }))) === 'invalid_scope',
  'response-type-unchecked': async (m) => (await errorOf(authorize(m, { ...good, response_type: 'token' }))) === 'unsupported_response_type',
  'duplicate-params-accepted': async (m) => (await errorOf(authorize(m, [...Object.entries(good), ['scope', 'team.read']]))) === 'invalid_request',
  'pkce-plain-accepted': async (m) => (await errorOf(authorize(m, { ...good, code_challenge: VERIFIER, code_challenge_method: 'plain' }))) === 'invalid_request',
  'public-without-pkce': async (m) => (await errorOf(authorize(m, { ...good, client_id: PUBLIC.client_id, redirect_uri: PUBLIC.redirect_uri }))) === 'invalid_request',
  'auto-consent': async (m) => locationOf(await (await signedIn(m)).get(`/oauth2/auth?${new URLSearchParams(good)}`)).pathname === '/consent',
  'csrf-unchecked': async (m) => {
    const browser = await signedIn(m)
    const consent = readForm(await (await follow(browser, await browser.get(`/oauth2/auth?${new URLSearchParams(good)}`))).text())
    return (await status(browser.post(consent.action, { consent_challenge: consent.fields.consent_challenge!, decision: 'allow' }))) === 403
  },
  'framing-allowed': async (m) => (await m.call('/login')).headers.get('x-frame-options') === 'DENY',
  'redirect-307': async (m) => (await status(new Browser(m).signIn())) === 303,
  'session-fixation': async (m) => {
    const browser = await signedIn(m)
    const first = browser.jar.get('fio_session')
    await browser.signIn()
    return browser.jar.get('fio_session') !== first
  },
  'login-enumeration': async (m) => {
    const text = async (email: string) => (await (await new Browser(m).signIn(email, 'wrong-password')).text()).replace(/value="[\w-]{43,}"/g, '')
    return (await text('nobody@frame.io')) === (await text(JANE.email))
  },
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
  'refresh-without-offline': async (m) => (await oauthTokens(m, 'asset.read')).refresh_token === undefined,
  'refresh-not-rotated': async (m) => {
    const first = await oauthTokens(m)
    await refresh(m, first.refresh_token!)
    return (await status(refresh(m, first.refresh_token!))) === 400
  },
  'refresh-replay-keeps-family': async (m) => {
    const first = await oauthTokens(m)
    const second = (await (await refresh(m, first.refresh_token!)).json()) as { access_token: string }
    await refresh(m, first.refresh_token!)
    return !(await works(m, second.access_token))
  },
  'refresh-client-unbound': async (m) => (await status(refresh(m, (await oauthTokens(m)).refresh_token!, basic(OTHER.client_id, OTHER.client_secret!)))) === 400,
  'refresh-scope-widened': async (m) => ((await (await refresh(m, (await oauthTokens(m)).refresh_token!, CONFIDENTIAL_BASIC, 'offline asset.read team.read')).json()) as { scope: string }).scope === 'offline asset.read',
  'access-token-never-expires': async (m) => {
    const { access_token } = await oauthTokens(m)
    m.clock.advance(3600_000)
    return !(await works(m, access_token))
  },
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
  'revoke-token-only': async (m) => {
    const issued = await oauthTokens(m)
    await revoke(m, issued.access_token)
    return (await status(refresh(m, issued.refresh_token!))) === 400
  },
  'revoke-foreign-token': async (m) => {
    const issued = await oauthTokens(m)
    await revoke(m, issued.access_token, basic(OTHER.client_id, OTHER.client_secret!))
    return works(m, issued.access_token)
  },
  'revoke-unauthenticated': async (m) => {
    const issued = await oauthTokens(m)
    return (await status(revoke(m, issued.access_token, basic(CONFIDENTIAL.client_id, 'wrong')))) === 401 && (await works(m, issued.access_token))
  },
}

describe('shared OAuth2 mutants are real defects (Frame.io)', () => probeEach(PROBES))
