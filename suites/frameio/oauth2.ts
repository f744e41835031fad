import { bearerChallenge, type OAuth2Api, type ResourceRefusal } from '../shared/oauth2/index.ts'

/** FIO-401-BODY: every 401 on /v2 (C2C "How to: Manage Authorization"). */
export const UNAUTHORIZED_BODY = { code: 401, errors: [{ code: 401, detail: 'You are not allowed to access that resource', status: 401, title: 'Not Authorized' }], message: 'Not Authorized' }
/** FIO-403-BODY: a 403 (the API Error Codes page's words; the body shape is proposed). */
export const FORBIDDEN_BODY = { code: 403, errors: [{ code: 403, detail: 'You do not have access to that resource', status: 403, title: 'Forbidden' }], message: 'Forbidden' }
/**
 * RFC 6750 §3 challenges (Frame.io sends none that any source shows: follows the RFC, declared in the catalogue),
 * compared parsed: the realm and the error code (none without credentials, §3.1), the scope on insufficient_scope;
 * other auth-params (error_description, error_uri) are allowed, as §3's own example has one.
 */
export const REALM = 'api.frame.io'
export const UNAUTHENTICATED: ResourceRefusal = { status: 401, challenge: bearerChallenge({ realm: REALM, error: null }), body: UNAUTHORIZED_BODY }
export const INVALID_TOKEN: ResourceRefusal = { status: 401, challenge: bearerChallenge({ realm: REALM, error: 'invalid_token' }), body: UNAUTHORIZED_BODY }
export const insufficientScope = (scope: string): ResourceRefusal => ({ status: 403, challenge: bearerChallenge({ realm: REALM, error: 'insufficient_scope', scope }), body: FORBIDDEN_BODY })

const DAY = 24 * 3600

/**
 * Frame.io's authorization server (applications.frame.io) as the shared OAuth 2.0 suite sees it: Hydra's paths and
 * defaults where Frame.io's docs are silent (facts.md §9). Every value here is a Frame.io expectation with its
 * source in suites/frameio/requirements.yaml; `alsoDecides` names Frame.io's own requirements that a shared check,
 * run with these values, decides as well.
 */
export const frameioOAuth2: OAuth2Api = {
  prefix: 'FIO',
  alsoDecides: {
    'AUTHZ-GET': ['FIO-OAUTH-ENDPOINTS'],
    'AUTHZ-SESSION-PAGES': ['FIO-LOGIN-PAGE', 'FIO-CONSENT-PAGE'],
    'AUTHZ-ACCESS-DENIED': ['FIO-CONSENT-PAGE'],
    'TOKEN-RESPONSE': ['FIO-OAUTH-TOKEN-RESPONSE'],
    'TOKEN-EXPIRES-IN': ['FIO-OAUTH-TOKEN-RESPONSE'],
    'TOKEN-BASIC': ['FIO-OAUTH-CONFIDENTIAL-BASIC'],
    'TOKEN-UNKNOWN-PARAM': ['FIO-OAUTH-DOCS-EXTRA-PARAMS'],
    'TOKEN-UNAUTHORIZED-CLIENT': ['FIO-OAUTH-NO-CLIENT-CREDENTIALS'],
    'BEARER-EXPIRED': ['FIO-OAUTH-AT-3600'],
    'REFRESH-EXPIRY': ['FIO-OAUTH-RT-30-DAYS'],
    'REFRESH-GRANT': ['FIO-OAUTH-REFRESH-CALL'],
    'REFRESH-ROTATION': ['FIO-OAUTH-ROTATION'],
    'REFRESH-SAME-SCOPE': ['FIO-OAUTH-REFRESH-SCOPE-IGNORED'],
    'REFRESH-NO-ESCALATION': ['FIO-OAUTH-REFRESH-SCOPE-IGNORED'],
    'REVOKE-ACCESS': ['FIO-OAUTH-REVOKE'],
    'REVOKE-REFRESH': ['FIO-OAUTH-REVOKE'],
    'REVOKE-OTHER-CLIENT': ['FIO-OAUTH-REVOKE-OTHER-CLIENT'],
  },
  differences: {
    'TOKEN-CC-NO-REFRESH': { skip: 'Frame.io apps have no client_credentials grant (FIO-OAUTH-NO-CLIENT-CREDENTIALS)', notCatalogued: true },
  },
  authOrigin: (target) => target.settings.authURL ?? '',
  endpoints: { authorize: '/oauth2/auth', token: '/oauth2/token', revoke: '/oauth2/revoke' },
  roles: { user: 'user', confidential: 'confidential', public: 'public', other: 'otherClient', tenant: 'encodedSecret' },
  roleHints: { tenant: 'set FRAMEIO_ENCODED_CLIENT_ID, FRAMEIO_ENCODED_CLIENT_SECRET and FRAMEIO_ENCODED_REDIRECT_URI: an app whose secret has characters Basic must form-encode (e.g. ":", "%", " ", "+"), a registered redirect URI with a query, and no team.read' },
  interaction: {
    login: { path: '/login', fields: { email: 'email', password: 'password' } },
    consent: { path: '/consent', allow: 'Allow', deny: 'Deny' },
    csrfField: 'csrf_token',
    redirectStatus: 303,
    // The authorization endpoint's GET redirects back with 302 (RFC 6749 §4.1.2.1's example) as well as 303.
    authorizeStatuses: [302, 303],
  },
  authorizeErrors: { after: 'redirect', pageStatus: 400, pageHeaders: { 'x-frame-options': 'DENY', 'content-security-policy': /frame-ancestors 'none'/ } },
  stateMinLength: 8,
  scopes: { ask: 'offline asset.read', wider: 'team.read', unknown: 'no.such.scope', unregistered: 'team.read', defaultGranted: '' },
  pkce: { supported: true, requiredForPublic: true },
  clientAuth: { basic: true, body: true, default: 'basic' },
  clientCredentials: 'refused',
  codeReuseRevokes: true,
  own: { revokeForeign: 'FIO-OAUTH-REVOKE-OTHER-CLIENT', refreshIff: 'FIO-OAUTH-OFFLINE', publicNoSecret: 'FIO-OAUTH-PUBLIC-NO-SECRET', publicNoHeader: 'FIO-OAUTH-PUBLIC-NO-HEADER', callbackScope: 'FIO-OAUTH-CALLBACK-SCOPE' },
  refresh: { scope: 'offline', scopeIgnored: true, revokesPreviousAccess: true },
  lifetimes: { code: 600, accessToken: 3600, refreshToken: 30 * DAY },
  tokenResponse: { tokenType: 'bearer', keys: (refresh) => ['access_token', 'expires_in', ...(refresh ? ['refresh_token'] : []), 'scope', 'token_type'] },
  tokenErrors: { status: (error) => (error === 'invalid_client' ? 401 : 400), basicChallenge: 'Basic realm="applications.frame.io"', errorPragma: true, methodStatus: 405 },
  revocation: { foreignToken: 'ignored', revokes: 'grant', wrongSecret: { status: 401, error: 'invalid_client' } },
  resource: {
    identity: '/v2/me',
    isUser: (json, user) => (json as { email?: unknown } | undefined)?.email === user.email,
    granted: (target) => `/v2/assets/${target.settings.assetId}`,
    scoped: (target) => ({ path: `/v2/accounts/${target.settings.accountId}/teams`, scope: 'team.read' }),
    refusals: { unauthenticated: UNAUTHENTICATED, invalidToken: INVALID_TOKEN, insufficientScope },
  },
}
