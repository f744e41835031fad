import { describe } from 'node:test'
import type { OAuth2Mutant } from '../oauth2/mutants.ts'
import { s256 } from '../oauth2/pkce.ts'
import { errorOf, probeEach, status, VERIFIER, type Probe, type RefreshSideMutant, type TokenSideMutant } from './mutant-probes.ts'
import { Browser, codeFor, CONFIDENTIAL, consentedRedirect, follow, JANE, locationOf, PUBLIC, readForm, redeem, TENANT, type Instance } from './test-client.ts'

const good = { response_type: 'code', client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, scope: 'asset.read', state: 'state-12345678' }
const authorize = (mock: Instance, params: Record<string, string> | string[][]) => mock.call(`/oauth2/auth?${new URLSearchParams(params)}`)
const toLogin = async (response: Promise<Response>) => locationOf(await response).pathname === '/login'

async function signedIn(mock: Instance) {
  const browser = new Browser(mock)
  await browser.signIn()
  return browser
}

/** The consent page of a signed-in browser for the good request. */
async function consentPage(mock: Instance) {
  const browser = await signedIn(mock)
  return { browser, page: await follow(browser, await browser.get(`/oauth2/auth?${new URLSearchParams(good)}`)) }
}

/** The shared mutants of the authorization endpoint and its pages (the token side: mutants-oauth2-token.test.ts, -refresh.test.ts). */
const PROBES: Record<Exclude<OAuth2Mutant, TokenSideMutant | RefreshSideMutant>, Probe> = {
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
  'unknown-client-page-200': async (m) => (await status(authorize(m, { ...good, client_id: 'no-such-app' }))) === 400,
  'redirect-fragment-stripped': async (m) => (await status(authorize(m, { ...good, redirect_uri: `${good.redirect_uri}#x` }))) === 400,
  'redirect-scheme-ignored': async (m) => (await status(authorize(m, { ...good, redirect_uri: good.redirect_uri.replace(/^https:/, 'http:') }))) === 400,
  'redirect-uri-required': async (m) => toLogin(authorize(m, Object.entries(good).filter(([k]) => k !== 'redirect_uri'))),
  'loopback-port-dropped': async (m) => {
    const landed = await consentedRedirect(new Browser(m), { client: { ...PUBLIC, redirect_uri: 'http://127.0.0.1:50000/callback' }, challenge: await s256(VERIFIER) })
    return landed.port === '50000' && landed.searchParams.has('code')
  },
  'authorize-unknown-param-refused': async (m) => toLogin(authorize(m, { ...good, nonce: 'n-1', foo: 'bar' })),
  'empty-params-kept': async (m) => toLogin(authorize(m, { ...good, code_challenge: '', code_challenge_method: '' })),
  'error-description-quotes': async (m) => !(locationOf(await authorize(m, { ...good, scope: 'asset.admin' })).searchParams.get('error_description') ?? '"').includes('"'),
  'scope-default-all': async (m) => {
    const code = (await consentedRedirect(new Browser(m), { scope: '' })).searchParams.get('code')!
    return ((await (await redeem(m, code)).json()) as { scope: string }).scope === ''
  },
  'pkce-method-default-s256': async (m) => (await errorOf(authorize(m, { ...good, code_challenge: await s256(VERIFIER) }))) === 'invalid_request',
  'login-forgets-request': async (m) => (await consentedRedirect(new Browser(m))).searchParams.has('code'),
  'consent-scopes-hidden': async (m) => (await (await consentPage(m)).page.text()).includes('<code>asset.read</code>'),
  'deny-drops-state': async (m) => {
    const { browser, page } = await consentPage(m)
    return locationOf(await browser.submit(page, { decision: 'deny' })).searchParams.get('state') === good.state
  },
  'redirect-302': async (m) => (await status(new Browser(m).signIn())) === 303,
  'code-short': async (m) => (await codeFor(m)).length >= 22,
}

describe('shared OAuth2 mutants of the authorization endpoint are real defects (Frame.io)', () => probeEach(PROBES))
