import { expect, type Target } from '../../harness/index.ts'
import type { Client, OAuth2Api, ResourceRefusal, Rule } from '../shared/oauth2/index.ts'
import { BROWSER_ACCEPT, FORBIDDEN_SCOPE, NO_ROWS, OOB, registerApp, TOKEN_NOT_SUPPLIED, sessionCookieOf, SIGN_IN, VERIFY } from './gotosocial.ts'

const CURRENT = 'gotosocial@0.19'
/** The suite's web app: an https redirect URI with a query of its own (the query must come back with the code). */
export const WEB_REDIRECT = 'https://app.example.test/callback?tenant=7'
/** A second URI of the web app (v0.19 registers several): the code's own URI, not any registered one, must come back. */
const ELSEWHERE = 'https://app.example.test/callback/elsewhere'
/** A native app's loopback redirect URI, registered without a port (RFC 8252 §7.3). */
const NATIVE_REDIRECT = 'http://127.0.0.1/callback'

const UNAUTHENTICATED: ResourceRefusal = { status: 401, challenge: null, body: TOKEN_NOT_SUPPLIED }
/** Redirect URI checks: v0.19 an error redirect to the URI asked for (server_error), never a page. */
const SERVER_ERROR = { redirect: 'server_error', to: 'requested' } as const
const DEPARTED_REDIRECTS: readonly Rule[] = ['AUTHZ-BAD-REDIRECT-PAGE', 'AUTHZ-REDIRECT-EXACT', 'AUTHZ-REDIRECT-FRAGMENT', 'AUTHZ-LOOPBACK-PORT', 'AUTHZ-REDIRECT-HTTP-SCHEME']

const n_a = (skip: string) => ({ skip, notCatalogued: true }) as const
const NO_REFRESH = n_a('GoToSocial issues no refresh tokens (grant_type=refresh_token is unsupported_grant_type)')

/**
 * GoToSocial's authorization server as the shared OAuth 2.0 suite sees it (suites/gotosocial/requirements.yaml,
 * the GTS-OAUTH2-* rules): the suite registers its own apps (POST /api/v1/apps); the browser part is GoToSocial's
 * sign-in and authorize pages (302s, no CSRF token, a session that ends with each flow); errors before the redirect
 * URI is used are its 400/401 pages; the token endpoint reads the body only and answers in its own words. Where
 * the two release lines differ (scopes, redirect URI matching, revocation), `byProfile` says what v0.19 answers.
 */
export const gotosocialOAuth2: OAuth2Api = {
  prefix: 'GTS',
  alsoDecides: {
    'CODE-REUSE-REVOKES': ['GTS-CODE-REUSE-KEEPS-TOKEN'],
    'PKCE-VERIFIER-REQUIRED': ['GTS-PKCE-IGNORED'],
    'PKCE-MISMATCH': ['GTS-PKCE-IGNORED'],
    'BEARER-HEADER': ['GTS-AUTH-BEARER'],
    'BEARER-NO-QUERY': ['GTS-AUTH-QUERY-IGNORED'],
    'BEARER-CHALLENGE': ['GTS-AUTH-NO-CHALLENGE'],
  },
  differences: {
    'AUTHZ-ACCESS-DENIED': n_a('the authorize page has only Allow'),
    'PKCE-PUBLIC-REQUIRED': n_a('every app has a client secret'),
    'TOKEN-BASIC-ENCODING': n_a('client credentials are read from the body only'),
    'TOKEN-ONE-AUTH-METHOD': n_a('client credentials are read from the body only'),
    'TOKEN-INVALID-CLIENT-401': n_a('client credentials are read from the body only (no Basic, no challenge)'),
    'TOKEN-UNAUTHORIZED-CLIENT': n_a('every app may use both grants'),
    'REFRESH-GRANT': NO_REFRESH,
    'REFRESH-CLIENT-AUTH': NO_REFRESH,
    'REFRESH-CLIENT-BOUND': NO_REFRESH,
    'REFRESH-NO-ESCALATION': NO_REFRESH,
    'REFRESH-SAME-SCOPE': NO_REFRESH,
    'REFRESH-ROTATION': NO_REFRESH,
    'REFRESH-REPLAY-REVOKES': NO_REFRESH,
    'REFRESH-EXPIRY': NO_REFRESH,
    'REVOKE-REFRESH': NO_REFRESH,
    'BEARER-EXPIRED': n_a('user tokens never expire (GTS-TOKEN-NO-EXPIRY)'),
    'AUTHZ-BAD-REDIRECT-PAGE': { departs: 'the error is redirected to the unregistered URI (server_error), not shown' },
    'AUTHZ-REDIRECT-EXACT': { departs: 'a variant is refused at Allow by a server_error redirect to it' },
    'AUTHZ-REDIRECT-FRAGMENT': { departs: 'refused at Allow by a server_error redirect to it' },
    'AUTHZ-LOOPBACK-PORT': { departs: 'loopback URIs are matched exactly, port included: a server_error redirect' },
    'AUTHZ-REDIRECT-HTTP-SCHEME': { departs: 'registration accepts http URIs; v0.18 matches by host, so the http twin gets a code' },
    'AUTHZ-REDIRECT-OMITTED': { departs: 'redirect_uri is required (binding:"required")' },
    'AUTHZ-RESPONSE-TYPE': { departs: 'response_type=token is refused at Allow with 401, not redirected' },
    'AUTHZ-ERROR-REDIRECT': { departs: 'only invalid_scope is redirected (302); other refusals are pages' },
    'AUTHZ-INVALID-SCOPE': { departs: 'v0.19 redirects invalid_scope after Allow; v0.18 does not check scopes' },
    'AUTHZ-DUPLICATE-PARAM': { departs: 'gin reads the first value' },
    'AUTHZ-CSRF': { departs: 'no CSRF token; the session cookie is SameSite=Lax' },
    'AUTHZ-303': { departs: 'gin redirects with 302' },
    'CODE-SINGLE-USE': { departs: 'a used code is "sql: no rows in result set"' },
    'CODE-REUSE-REVOKES': { departs: 'the code is deleted on use; nothing links a reuse to its token' },
    'CODE-REDIRECT-MATCH': { departs: 'v0.19 answers an unregistered URI 403 "invalid redirect uri"; none at all is invalid_request' },
    'CODE-ENTROPY': { departs: '122 random bits (UUIDv4-based)' },
    'PKCE-SUPPORTED': { departs: 'the parameters are dropped, not checked' },
    'PKCE-VERIFIER-REQUIRED': { departs: 'PKCE is ignored' },
    'PKCE-MISMATCH': { departs: 'PKCE is ignored' },
    'PKCE-DOWNGRADE': { departs: 'PKCE is ignored' },
    'PKCE-METHOD': { departs: 'PKCE is ignored' },
    'PKCE-METHOD-DEFAULT': { departs: 'PKCE is ignored' },
    'PKCE-BOUND': { departs: 'PKCE is ignored' },
    'PKCE-VERIFIER-FORMAT': { departs: 'PKCE is ignored' },
    'TOKEN-POST-ONLY': { departs: "gin's 405 in plain text" },
    'TOKEN-BASIC': { departs: 'HTTP Basic is not read: invalid_request, client_id and client_secret "not set"' },
    'TOKEN-CREDS-NOT-IN-URI': { departs: "gin's form binding reads the URL query too" },
    'TOKEN-INVALID-CLIENT': { departs: 'missing credentials are invalid_request; an unknown client is "sql: no rows in result set"' },
    'TOKEN-DUPLICATE-PARAM': { departs: 'gin reads the first value' },
    'TOKEN-NO-STORE': { departs: "refusals keep the /oauth group's private, max-age=120" },
    'TOKEN-EXPIRES-IN': { departs: 'user tokens never expire: no expires_in' },
    'TOKEN-ERROR-SHAPE': { departs: 'error may be a phrase ("sql: no rows in result set", "invalid redirect uri"); 403 for invalid_scope and an unregistered redirect URI' },
    'TOKEN-ENTROPY': { departs: '122 random bits (UUIDv4-based)' },
    'REVOKE-CLIENT-AUTH': { departs: '403 unauthorized_client, not invalid_client' },
    'BEARER-SCHEME-CASE': { departs: 'the prefix "Bearer " is compared case-sensitively' },
    'BEARER-QUERY-NO-RESCUE': { departs: '?access_token= is read behind a non-Bearer header (GTS-AUTH-QUERY-FALLBACK)' },
    'BEARER-CHALLENGE': { departs: 'no WWW-Authenticate anywhere' },
    'BEARER-NO-CREDS-NO-ERROR': { departs: 'no challenge at all' },
    'BEARER-INVALID-TOKEN': { departs: 'no challenge' },
    'BEARER-INSUFFICIENT-SCOPE': { departs: 'v0.18 enforces no scope; v0.19 answers 403 without a challenge' },
    'SCOPE-LEAST-PRIVILEGE': { departs: 'v0.18 enforces no scope' },
  },
  authOrigin: () => '',
  endpoints: { authorize: '/oauth/authorize', token: '/oauth/token', revoke: '/oauth/revoke' },
  roles: { user: 'user', confidential: 'app', other: 'otherApp', loopback: 'nativeApp' },
  register: async (flow) => {
    const current = flow.target.profile === CURRENT
    const app = async (redirectUri: string, also = ''): Promise<Client> => {
      const a = await registerApp(flow.prep, flow.url(''), { client_name: 'authconform', redirect_uris: `${redirectUri}${also}`, scopes: 'read write' })
      return { id: a.client_id, secret: a.client_secret, redirectUri }
    }
    // The second app shares the redirect URI: what decides a code's client is then the client, not the URI. v0.19
    // registers the web app's second URI (the one the binding check meets); v0.18 matches by host, a list breaks it.
    return { confidential: await app(WEB_REDIRECT, current ? `\n${ELSEWHERE}` : ''), other: await app(WEB_REDIRECT), ...(current ? { loopback: await app(NATIVE_REDIRECT) } : {}) }
  },
  duplicates: 'first',
  redirectUriRequired: true,
  interaction: {
    login: { path: SIGN_IN, fields: { username: 'email', password: 'password' } },
    consent: { path: '/oauth/authorize', allow: 'Allow' },
    redirectStatus: 302,
    oob: { path: '/oauth/oob', selector: 'section.oob-token code' },
    signInEveryFlow: true,
  },
  authorizeErrors: authorizeErrors(false),
  stateMinLength: 0,
  scopes: { ask: 'read:accounts', wider: 'write', unknown: 'no.such.scope', unregistered: 'push', defaultGranted: 'read' },
  pkce: { supported: false, requiredForPublic: false, ignored: true },
  clientAuth: { basic: false, body: true, default: 'body' },
  clientCredentials: 'granted',
  codeReuseRevokes: false,
  refresh: null,
  // Stored for 600 s, refused after half of it (GTS-CODE-EXPIRY); user tokens never expire.
  lifetimes: { code: 300 },
  tokenResponse: { tokenType: 'Bearer', keys: () => ['access_token', 'created_at', 'scope', 'token_type'] },
  tokenErrors: tokenErrors(false),
  revocation: null,
  resource: resource(false),
  byProfile: {
    [CURRENT]: {
      authorizeErrors: authorizeErrors(true),
      tokenErrors: tokenErrors(true),
      revocation: { foreignToken: 'refused', revokes: 'token', wrongSecret: { status: 403, error: 'unauthorized_client' }, ok: { body: '{}', cacheControl: 'private, max-age=120' } },
      resource: resource(true),
    },
  },
}

function authorizeErrors(current: boolean): OAuth2Api['authorizeErrors'] {
  return {
    after: 'page',
    pageStatus: 400,
    pageHeaders: { 'x-frame-options': 'DENY' },
    // GoToSocial looks at the client only after sign-in, and at the rest at Allow: a fresh browser walks there.
    answer: async (query, flow) => {
      const html = { accept: BROWSER_ACCEPT }
      const start = await flow.recorded.get(`${flow.url('/oauth/authorize')}?${query}`, { ...html, cookie: '' })
      const cookie = sessionCookieOf(start.headers['set-cookie'])
      if (start.status !== 303 || !cookie) return start
      await flow.fresh().post(flow.url(SIGN_IN), { username: flow.user.email ?? '', password: flow.user.password ?? '' }, { cookie })
      const page = await flow.recorded.get(flow.url('/oauth/authorize'), { ...html, cookie })
      return page.status === 200 ? flow.recorded.post(flow.url('/oauth/authorize'), {}, { ...html, cookie }) : page
    },
    departure: (rule, name) => departure(rule, name, current),
  }
}

function tokenErrors(current: boolean): OAuth2Api['tokenErrors'] {
  const forbidden = current ? ['invalid_scope', 'invalid redirect uri', 'unauthorized_client'] : ['unauthorized_client']
  return {
    status: (error) => (forbidden.includes(error) ? 403 : 400),
    basicChallenge: null,
    errorPragma: false,
    methodStatus: 405,
    errorFor,
    errorCacheControl: 'private, max-age=120',
    methodRefusal: { contentType: 'text/plain', body: '405 method not allowed' },
  }
}

function resource(current: boolean): OAuth2Api['resource'] {
  return {
    identity: VERIFY,
    isUser: (json, user) => (json as { username?: unknown } | undefined)?.username === user.username,
    granted: () => VERIFY,
    scoped: () => ({ path: '/api/v1/notifications', scope: 'read:notifications' }),
    // v0.18 refuses nothing for a scope (a declared difference): the user's notifications come back.
    refusals: { unauthenticated: UNAUTHENTICATED, invalidToken: UNAUTHENTICATED, insufficientScope: () => (current ? { status: 403, challenge: null, body: FORBIDDEN_SCOPE } : { status: 200, challenge: null, body: expect.any(Array) }) },
    schemeCase: 'exact',
  }
}

/** How GoToSocial answers the authorization cases where it departs (v0.19 `current`, or v0.18). */
function departure(rule: Rule, name: string, current: boolean): ReturnType<NonNullable<OAuth2Api['authorizeErrors']['departure']>> {
  if (rule === 'AUTHZ-RESPONSE-TYPE') return name === 'response_type=token' ? { page: 401 } : undefined
  if (rule === 'PKCE-METHOD' || rule === 'PKCE-METHOD-DEFAULT') return { accepted: true }
  if (rule === 'AUTHZ-INVALID-SCOPE') return current ? { redirect: 'invalid_scope', to: 'registered' } : { accepted: true }
  // v0.18 matches the host only: the http twin of the registered URI gets a code; another host the server_error.
  if (rule === 'AUTHZ-REDIRECT-HTTP-SCHEME' && !current) return { accepted: true }
  return DEPARTED_REDIRECTS.includes(rule) ? SERVER_ERROR : undefined
}

/** The error GoToSocial answers where RFC 6749 names `rfc`, by rule and case. */
function errorFor(rule: Rule, rfc: string, name: string): string | undefined {
  if (rule === 'TOKEN-BASIC' || (rule === 'TOKEN-INVALID-CLIENT' && /without its secret|no client authentication/.test(name))) return 'invalid_request'
  if (rule === 'CODE-REDIRECT-MATCH') return name.startsWith('no redirect_uri') ? 'invalid_request' : undefined
  // The code looked up and not found: an unknown or used one, or any code once the credentials in the URL were read.
  if (rule === 'TOKEN-CREDS-NOT-IN-URI' || (rule === 'TOKEN-INVALID-CLIENT' && name.startsWith('an unknown client'))) return NO_ROWS
  if (rfc === 'invalid_grant' && ['CODE-SINGLE-USE', 'CODE-ATOMIC', 'TOKEN-NO-SECRET-ECHO'].includes(rule)) return NO_ROWS
  return undefined
}

/** The profile a target's GoToSocial runs. */
export const isCurrent = (target: Target) => target.profile === CURRENT
export { CURRENT, FORBIDDEN_SCOPE, OOB }
