import type { Mutant } from '../core/definition.ts'
import { sharedMutants } from '../oauth2/mutants.ts'

/**
 * The shared core's defects in the parts GoToSocial runs (the code-binding check: mocks/oauth2/grants/code-binding.ts),
 * each with the requirement of this catalogue that must catch it. The other shared mutants live in core code
 * GoToSocial composes differently (its own pages, token endpoint, revocation): their GoToSocial counterparts are
 * its own mutants below.
 */
const SHARED = sharedMutants({
  'code-client-unbound': ['GTS-CODE-BOUND', 'GTS-OAUTH2-CODE-CLIENT-BOUND'],
  'code-redirect-unbound': ['GTS-CODE-BOUND', 'GTS-OAUTH2-CODE-REDIRECT-MATCH'],
})

const CURRENT = ['gotosocial@0.19'] as const
const m = (description: string, expect: readonly string[], profiles?: readonly string[]): Mutant => ({ description, expect, ...(profiles ? { profiles } : {}) })

/** GoToSocial's own defects, each one switch in mocks/gotosocial (search for `mutants.has('…')`). */
const OWN = {
  // every route
  'teapot-missing': m('a request without User-Agent is answered like any other', ['GTS-UA-REQUIRED']),
  'errors-always-json': m('browsers get JSON errors instead of the HTML error page', ['GTS-ERROR-NEGOTIATION']),
  'challenge-sent': m('401 answers carry a WWW-Authenticate challenge', ['GTS-AUTH-NO-CHALLENGE']),
  // registration
  'app-json-only': m('registration refuses form and multipart bodies', ['GTS-APP-BODIES']),
  'redirect-uris-array-accepted': m('redirect_uris as a JSON array is accepted', ['GTS-APP-REDIRECTS']),
  'app-secret-cacheable': m('the registration answer (with the client secret) may be cached publicly', ['GTS-APP-NOSTORE']),
  'app-name-optional': m('an app without client_name is registered', ['GTS-APP-NAME-REQUIRED']),
  'app-default-scope-write': m('an app registered without scopes gets "read write"', ['GTS-APP-SCOPE-DEFAULT'], CURRENT),
  'app-token-scope-unchecked': m('a token without write:applications may register an app', ['GTS-APP-TOKEN-SCOPE'], CURRENT),
  'app-singular-redirect-dropped': m('the registration answer lacks the singular redirect_uri', ['GTS-APP-REGISTER']),
  // browser steps
  'session-cookie-persistent': m('the session cookie lives 30 days and is readable by scripts', ['GTS-SESSION-COOKIE']),
  'scope-plus-kept': m('a literal + in the authorize scope is kept instead of separating scopes', ['GTS-AUTHZ-SCOPE-PLUS'], CURRENT),
  'signin-enumeration': m('an unknown e-mail gets a different message from a wrong password', ['GTS-SIGNIN-FAILED']),
  'signin-error-echoes-password': m('a failed sign-in repeats the password it refused', ['GTS-SIGNIN-FAILED', 'GTS-NO-ECHO']),
  'disabled-user-authorizes': m('a disabled account is shown the authorize page and gets a code', ['GTS-USER-STATE']),
  'consent-skipped': m('signing in issues the code at once, without the authorize page', ['GTS-AUTHZ-PAGE', 'GTS-OAUTH2-AUTHZ-EXPLICIT-CONSENT']),
  'consent-307': m('the sign-in and Allow posts are answered 307, which re-posts the password', ['GTS-OAUTH2-AUTHZ-NO-307']),
  'callback-state-dropped': m('state is not returned with the code', ['GTS-AUTHZ-REDIRECT', 'GTS-OAUTH2-AUTHZ-STATE-ECHO']),
  'authorize-scope-unchecked': m("a scope the app was not registered with is granted at authorize", ['GTS-AUTHZ-SCOPE-SUBSET', 'GTS-OAUTH2-AUTHZ-INVALID-SCOPE'], CURRENT),
  'redirect-unchecked': m('any redirect URI is accepted at authorize and token', ['GTS-AUTHZ-REDIRECT-CHECK', 'GTS-OAUTH2-AUTHZ-REDIRECT-EXACT', 'GTS-TOKEN-REDIRECT-UNREGISTERED'], CURRENT),
  // token endpoint
  'used-code-redeemable': m('a redeemed code can be redeemed again', ['GTS-CODE-SINGLE-USE', 'GTS-OAUTH2-CODE-SINGLE-USE']),
  'exchange-race': m('the code is read, then deleted after an await: concurrent redemptions all win', ['GTS-OAUTH2-CODE-ATOMIC']),
  'failed-exchange-burns': m('the code is deleted as soon as it is found, so an exchange refused after that (another client, another redirect URI, its half-life) uses it up', ['GTS-CODE-NOT-BURNED', 'GTS-OAUTH2-CODE-FAILED-KEEPS']),
  'code-no-expiry': m('codes never expire', ['GTS-CODE-EXPIRY', 'GTS-OAUTH2-CODE-SHORT-LIVED']),
  'exchange-scope-from-request': m("the token gets the exchange's scope parameter (read when none) instead of the code's", ['GTS-TOKEN-SCOPE-FROM-CODE', 'GTS-OAUTH2-CODE-BOUND-SCOPE-USER']),
  'basic-client-auth': m('client credentials are also read from an HTTP Basic header', ['GTS-TOKEN-BASIC-IGNORED']),
  'wrong-secret-accepted': m('the client secret is not compared', ['GTS-TOKEN-SECRET', 'GTS-OAUTH2-TOKEN-INVALID-CLIENT']),
  'secret-case-insensitive': m('the client secret is compared in any letter case', ['GTS-TOKEN-SECRET']),
  'token-response-cacheable': m('the token answer lacks Cache-Control: no-store and Pragma: no-cache', ['GTS-TOKEN-NOSTORE', 'GTS-OAUTH2-TOKEN-NO-STORE']),
  'user-token-expires': m('user tokens say expires_in 3600 and expire', ['GTS-TOKEN-NO-EXPIRY']),
  'token-error-echoes-code': m('token endpoint errors repeat the code or secret they refused', ['GTS-NO-ECHO', 'GTS-OAUTH2-TOKEN-NO-SECRET-ECHO']),
  'password-grant-accepted': m('grant_type=password issues a user token for an e-mail and password', ['GTS-TOKEN-GRANT', 'GTS-OAUTH2-TOKEN-NO-PASSWORD-GRANT']),
  'token-redirect-optional': m('a token request without redirect_uri is not refused as incomplete', ['GTS-TOKEN-MISSING', 'GTS-TOKEN-REDIRECT-REQUIRED']),
  'cc-scope-unchecked': m('client_credentials grants scopes the app was not registered with', ['GTS-CC-TOKEN'], CURRENT),
  'app-token-acts-as-admin': m('an app-only token is taken for the admin on user endpoints', ['GTS-CC-REFUSED']),
  // bearer tokens
  'query-token-read': m('?access_token= authenticates without an Authorization header', ['GTS-AUTH-QUERY-IGNORED', 'GTS-OAUTH2-BEARER-NO-QUERY']),
  'bearer-case-insensitive': m('"bearer <token>" (lower case) authenticates', ['GTS-AUTH-MISSING']),
  'token-case-insensitive': m('a token is looked up in any letter case', ['GTS-AUTH-MISSING']),
  // The echo is in the refusal of an app-only token on a user endpoint, whose exact body GTS-CC-REFUSED states.
  'unauthorized-echoes-token': m('a 401 repeats the token it refused', ['GTS-CC-REFUSED', 'GTS-NO-ECHO']),
  'disabled-user-token-works': m("a disabled user's token still works", ['GTS-AUTH-USER-STATE']),
  'scope-unenforced': m('token scopes are not checked', ['GTS-SCOPE-ENFORCED', 'GTS-OAUTH2-BEARER-INSUFFICIENT-SCOPE'], CURRENT),
  'write-implies-read': m('write permits read:* too', ['GTS-SCOPE-IMPLICATION'], CURRENT),
  'scope-children-refused': m('read does not permit read:notifications (exact scopes only)', ['GTS-SCOPE-IMPLICATION'], CURRENT),
  // revocation
  'revoked-token-works': m('revocation answers 200 and keeps the token', ['GTS-REVOKE', 'GTS-OAUTH2-REVOKE-ACCESS'], CURRENT),
  'revoke-foreign-allowed': m("a client may revoke another client's token", ['GTS-REVOKE-FOREIGN', 'GTS-OAUTH2-REVOKE-OTHER-CLIENT'], CURRENT),
  'revoke-json-accepted': m('a JSON revocation body binds client_id and client_secret', ['GTS-REVOKE-JSON'], CURRENT),
  // first calls
  'link-prev-since-id': m('the prev Link uses since_id', ['GTS-NOTIF-LINK']),
  'link-relative': m('Link URLs are relative', ['GTS-NOTIF-LINK']),
  'empty-page-link': m('an empty page still carries a Link header', ['GTS-NOTIF-LINK', 'GTS-NOTIF-PAGING']),
  'limit-unclamped': m('limit above 80 is not clamped', ['GTS-NOTIF-LIST']),
  'max-id-inclusive': m('max_id includes the notification it names (pages overlap)', ['GTS-NOTIF-PAGING']),
  'notifications-of-everyone': m("notifications of every account are listed, not the caller's", ['GTS-NOTIF-LIST']),
  'status-query-accepted': m('a status posted as query parameters without a body is created', ['GTS-STATUS-CREATE']),
  'nodeinfo-relative-links': m('/.well-known/nodeinfo links are relative', ['GTS-NODEINFO']),
  'instance-needs-token': m('/api/v1/instance needs a token', ['GTS-INSTANCE']),
  'verify-wrong-user': m("verify_credentials answers the first account, not the token's", ['GTS-VERIFY-ACCOUNT']),
} as const satisfies Record<string, Mutant>

export const gtsMutants = { ...SHARED, ...OWN }

export type GtsMutant = keyof typeof gtsMutants
