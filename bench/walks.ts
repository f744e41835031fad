import { createHash, randomBytes } from 'node:crypto'
import type { FrameioFixtures } from '../mocks/frameio/fixtures.ts'
import type { GtsFixtures } from '../mocks/gotosocial/fixtures.ts'
import { OOB } from '../mocks/gotosocial/urls.ts'
import { form, formAction, inputValue, jsonField, locationParam, locationPath, type BrowserWalk, type StepAnswer, type WalkStep } from './walk.ts'

const UA = 'authconform-bench'
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const FORM = 'application/x-www-form-urlencoded'

const userData = (last: StepAnswer, expected: Record<string, string>): boolean => {
  if (last.status !== 200) return false
  const body = JSON.parse(last.body) as Record<string, unknown>
  return Object.entries(expected).every(([k, v]) => body[k] === v)
}

/**
 * GoToSocial's out-of-band flow, the steps of the mock definition's `obtainToken` (mocks/gotosocial/obtain-token.ts)
 * with the two pages a browser also loads: register an app → GET /oauth/authorize (session cookie) → the sign-in page
 * → sign in with e-mail and password → the authorize page → Allow → the /oauth/oob page, the code read off its
 * `<section class="oob-token"> <code>` → POST /oauth/token → GET verify_credentials as the user. Every request carries a
 * User-Agent (418 without one); the pages ask for HTML as a browser does.
 */
export const gotosocialWalk: BrowserWalk<GtsFixtures> = {
  name: 'OOB flow',
  summary: 'POST /api/v1/apps → GET /oauth/authorize → sign-in page → POST /auth/sign_in → authorize page → POST Allow → /oauth/oob page (code) → POST /oauth/token → GET /api/v1/accounts/verify_credentials',
  steps(f): WalkStep[] {
    const user = f.accounts.find((a) => a.state === 'active' && a.role === 'user') ?? f.accounts[0]!
    const json = { 'content-type': 'application/json', 'user-agent': UA }
    const page = { accept: BROWSER_ACCEPT, 'user-agent': UA }
    return [
      {
        name: 'POST /api/v1/apps (register)',
        expect: 200,
        request: () => ({ method: 'POST', path: '/api/v1/apps', headers: json, body: JSON.stringify({ client_name: 'authconform-bench', redirect_uris: OOB, scopes: 'read write' }) }),
        reads: { clientId: jsonField('client_id'), clientSecret: jsonField('client_secret') },
      },
      {
        name: 'GET /oauth/authorize',
        expect: 303,
        request: (v) => ({ method: 'GET', path: `/oauth/authorize?${new URLSearchParams({ client_id: v.clientId!, redirect_uri: OOB, response_type: 'code', scope: 'read write' })}`, headers: page }),
        reads: { signInPage: locationPath },
      },
      { name: 'GET sign-in page', expect: 200, request: (v) => ({ method: 'GET', path: v.signInPage!, headers: page }), reads: { signInAction: formAction } },
      {
        name: 'POST sign-in (e-mail, password)',
        expect: 302,
        request: (v) => ({ method: 'POST', path: v.signInAction!, headers: { ...page, 'content-type': FORM }, body: form({ username: user.email, password: user.password }) }),
        reads: { authorizePage: locationPath },
      },
      { name: 'GET authorize page', expect: 200, request: (v) => ({ method: 'GET', path: v.authorizePage!, headers: page }), reads: { allowAction: formAction } },
      { name: 'POST Allow', expect: 302, request: (v) => ({ method: 'POST', path: v.allowAction!, headers: page }), reads: { oobPage: locationPath } },
      {
        name: 'GET /oauth/oob page',
        expect: 200,
        request: (v) => ({ method: 'GET', path: v.oobPage!, headers: page }),
        reads: { code: (a) => /<section class="oob-token">[\s\S]*?<code>([^<]+)<\/code>/.exec(a.body)?.[1] },
      },
      {
        name: 'POST /oauth/token (code)',
        expect: 200,
        request: (v) => ({ method: 'POST', path: '/oauth/token', headers: json, body: JSON.stringify({ grant_type: 'authorization_code', code: v.code, client_id: v.clientId, client_secret: v.clientSecret, redirect_uri: OOB }) }),
        reads: { accessToken: jsonField('access_token') },
      },
      {
        name: 'GET verify_credentials',
        expect: 200,
        request: (v) => ({ method: 'GET', path: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${v.accessToken}`, 'user-agent': UA } }),
      },
    ]
  },
  verify(last, f) {
    const user = f.accounts.find((a) => a.state === 'active' && a.role === 'user') ?? f.accounts[0]!
    return userData(last, { id: user.id, username: user.username })
  },
}

const base64url = (bytes: Buffer) => bytes.toString('base64url')

/**
 * Frame.io's authorization-code flow with PKCE, as the public client `frameio-pkce` runs it (the browser part as
 * mocks/frameio/test-client.ts `consentedRedirect` drives it): a fresh verifier, S256 challenge and state each
 * iteration → GET /oauth2/auth → the login page (CSRF cookie, token from the form) → sign in (session cookie) → the
 * consent page (CSRF token from its form) → Allow → the redirect to the client with the code → POST /oauth2/token
 * with the code_verifier → GET /v2/me.
 */
export const frameioWalk: BrowserWalk<FrameioFixtures> = {
  name: 'code flow with PKCE',
  summary: 'GET /oauth2/auth (S256 challenge) → login page → POST /login (CSRF) → consent page → POST Allow (CSRF) → redirect with code → POST /oauth2/token (code_verifier) → GET /v2/me',
  fresh() {
    const verifier = base64url(randomBytes(32))
    return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()), state: base64url(randomBytes(12)) }
  },
  steps(f): WalkStep[] {
    // The seeded public client (`frameio-pkce`): PKCE, no secret.
    const client = f.clients.find((c) => c.pkce)!
    const user = f.users[0]!
    const headers = { 'user-agent': UA }
    const post = { ...headers, 'content-type': FORM }
    return [
      {
        name: 'GET /oauth2/auth',
        expect: 303,
        request: (v) => {
          const query = { response_type: 'code', client_id: client.client_id, redirect_uri: client.redirect_uri, scope: 'asset.read', state: v.state!, code_challenge: v.challenge!, code_challenge_method: 'S256' }
          return { method: 'GET', path: `/oauth2/auth?${new URLSearchParams(query)}`, headers }
        },
        reads: { loginPage: locationPath },
      },
      {
        name: 'GET login page',
        expect: 200,
        request: (v) => ({ method: 'GET', path: v.loginPage!, headers }),
        reads: { loginAction: formAction, loginCsrf: inputValue('csrf_token'), loginChallenge: inputValue('login_challenge') },
      },
      {
        name: 'POST login (e-mail, password, CSRF)',
        expect: 303,
        request: (v) => ({ method: 'POST', path: v.loginAction!, headers: post, body: form({ csrf_token: v.loginCsrf!, email: user.email, password: user.password, login_challenge: v.loginChallenge! }) }),
        reads: { consentPage: locationPath },
      },
      {
        name: 'GET consent page',
        expect: 200,
        request: (v) => ({ method: 'GET', path: v.consentPage!, headers }),
        reads: { consentAction: formAction, consentCsrf: inputValue('csrf_token'), consentChallenge: inputValue('consent_challenge') },
      },
      {
        name: 'POST Allow (CSRF)',
        expect: 303,
        request: (v) => ({ method: 'POST', path: v.consentAction!, headers: post, body: form({ csrf_token: v.consentCsrf!, consent_challenge: v.consentChallenge!, decision: 'allow' }) }),
        reads: { code: locationParam('code') },
      },
      {
        name: 'POST /oauth2/token (code_verifier)',
        expect: 200,
        request: (v) => ({ method: 'POST', path: '/oauth2/token', headers: post, body: form({ grant_type: 'authorization_code', code: v.code!, redirect_uri: client.redirect_uri, client_id: client.client_id, code_verifier: v.verifier! }) }),
        reads: { accessToken: jsonField('access_token') },
      },
      { name: 'GET /v2/me', expect: 200, request: (v) => ({ method: 'GET', path: '/v2/me', headers: { ...headers, authorization: `Bearer ${v.accessToken}` } }) },
    ]
  },
  verify(last, f) {
    const user = f.users[0]!
    return userData(last, { id: user.id, email: user.email })
  },
}
