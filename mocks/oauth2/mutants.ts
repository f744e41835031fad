import type { Mutant } from '../core/definition.ts'

/**
 * Defects of the shared authorization server, each one switch in the core (search for `mutants.has('…')`).
 * A defect lives once, here; each API that runs the core names, in its own `mutants.ts`, the requirement of its
 * own catalogue that must catch it (`sharedMutants({ 'code-reusable': ['FIO-OAUTH2-CODE-SINGLE-USE'] })`).
 */
export const OAUTH2_MUTANTS = {
  // authorization endpoint
  'redirect-prefix-match': 'a redirect URI that starts with a registered one is accepted',
  'loopback-port-strict': 'a loopback redirect URI must repeat the registered port',
  'redirect-query-dropped': "the registered redirect URI's own query is dropped from the redirect",
  'error-to-unregistered-redirect': 'an unregistered redirect URI receives the error by redirect instead of a page',
  'state-dropped': '`state` is not returned on the redirect',
  'state-length-unchecked': 'a state shorter than the minimum (or none) is accepted',
  'scope-unchecked': 'unknown scopes and scopes not registered for the client are granted',
  'response-type-unchecked': 'any response_type is treated as code',
  'duplicate-params-accepted': 'a repeated parameter is read as its first value instead of refused',
  'pkce-plain-accepted': 'code_challenge_method=plain (or no method) is accepted',
  'public-without-pkce': 'a public client may start a flow without a code_challenge',
  'auto-consent': 'a signed-in user is not asked for consent',
  'csrf-unchecked': "the pages' anti-CSRF value is not compared",
  'framing-allowed': 'the login and consent pages may be framed (no X-Frame-Options, no frame-ancestors)',
  'redirect-307': 'the sign-in and consent POSTs are answered with 307, which re-posts the password',
  'session-fixation': 'the session id is kept across sign-in',
  'login-enumeration': 'an unknown email gets a different message from a wrong password',
  'unknown-client-page-200': 'the error page for a missing or unknown client_id is answered 200',
  'redirect-fragment-stripped': 'a redirect_uri with a #fragment is matched without it',
  'redirect-scheme-ignored': 'redirect URIs are compared without their scheme (http matches a registered https)',
  'redirect-uri-required': 'redirect_uri is required even from a client with one registered URI',
  'loopback-port-dropped': 'a loopback redirect URI on another port is accepted, but the code goes to the registered one (port dropped)',
  'authorize-unknown-param-refused': 'an authorization request with a parameter the server does not know is refused',
  'empty-params-kept': 'a parameter sent without a value is read as present and empty (code_challenge=, code=)',
  'error-description-quotes': "an authorization error's error_description quotes the scope it refused (\"…\")",
  'scope-default-all': 'an authorization request without scope is granted every scope the client registered',
  'pkce-method-default-s256': 'a code_challenge without code_challenge_method is taken as S256',
  'login-forgets-request': 'signing in forgets the pending authorization request (it lands on the home page)',
  'consent-scopes-hidden': 'the consent page names the app but not the scopes it asks for',
  'deny-drops-state': 'Deny redirects with error=access_denied but without the state',
  'redirect-302': "the authorization server's redirects are 302, the framework's default, not 303",
  'code-short': 'codes are 8 random characters (48 bits)',
  // token endpoint
  'code-reusable': 'a redeemed code can be redeemed again',
  'code-reuse-keeps-tokens': 'a second redemption is refused but the tokens of the first stay valid',
  'code-await-race': 'the code is read, then marked redeemed after an await: concurrent redemptions all win',
  'code-client-unbound': 'a code is redeemable by any authenticated client',
  'code-redirect-unbound': 'redirect_uri at the token endpoint is not compared with the one sent to authorize',
  'failed-exchange-burns-code': 'a refused exchange uses the code up',
  'code-never-expires': 'codes do not expire',
  'pkce-verifier-ignored': 'code_verifier is not checked against the challenge',
  'pkce-downgrade-accepted': 'a code_verifier for a code issued without a challenge is accepted',
  'refresh-without-offline': 'a refresh token is issued whatever the scopes',
  'refresh-not-rotated': 'a refresh returns the same refresh token, which stays valid',
  'refresh-replay-keeps-family': 'a replayed refresh token is refused but its family stays valid',
  'refresh-client-unbound': 'a refresh token is usable by any authenticated client',
  'refresh-scope-widened': 'a refresh grants whatever scope it asks for',
  'access-token-never-expires': 'access tokens do not expire',
  'invalid-client-400': 'invalid_client after a Basic header is 400 without a WWW-Authenticate challenge',
  'two-auth-methods-accepted': 'Basic and client_secret in the body together are accepted',
  'basic-not-urldecoded': 'Basic credentials are not form-urldecoded after base64',
  'auth-method-unchecked': "a client's registered authentication methods are not checked (a public client may send a secret)",
  'credentials-from-query': 'client_id and client_secret are read from the URL query',
  'token-via-get': 'GET on the token endpoint with the parameters in the query issues tokens',
  'token-cacheable': 'token responses lack Cache-Control: no-store and Pragma: no-cache',
  'refresh-cacheable': 'refresh_token grant answers lack Cache-Control: no-store and Pragma: no-cache (code grant answers keep them)',
  'token-error-echoes-secret': 'a token endpoint error repeats the secret, code or token it refused',
  'password-grant': 'grant_type=password issues a token for a user name and password',
  'form-body-unparsed': 'only JSON bodies are parsed: a form-encoded request reads as empty',
  'form-content-type-exact': 'a form whose Content-Type has parameters (;charset=UTF-8) is not read as a form',
  'token-unknown-param-refused': 'a token request with a parameter its grant does not read (state, scope, foo) is refused',
  'unknown-grant-as-code': 'an unknown grant_type is handled as authorization_code (invalid_grant, not unsupported_grant_type)',
  'grant-type-unchecked': 'a client may use any grant the server offers, not only those it registered',
  'missing-param-invalid-grant': 'a missing code or refresh_token is looked up like any other (invalid_grant, not invalid_request)',
  'basic-auth-unsupported': 'the Basic header is not read: only credentials in the body authenticate',
  'body-credentials-unsupported': 'client_id and client_secret in the body do not authenticate: only Basic does',
  'secret-checked-only-when-sent': "a confidential client's secret is compared only when one is sent: its client_id alone authenticates",
  'public-client-from-code': 'an exchange without client authentication is taken for the public client the code was issued to',
  'refresh-unauthenticated': 'a refresh without client authentication is served for the client the refresh token was issued to',
  'token-response-form-encoded': "the token response is application/x-www-form-urlencoded (GitHub's default), not JSON",
  'expires-in-milliseconds': 'expires_in is in milliseconds (3600000)',
  'scope-response-from-request': "the token response's scope repeats the request's scope parameter, not what was granted",
  'code-scope-from-request': "the exchange's scope parameter, when sent, replaces the consented scope",
  'token-error-extra-fields': "token endpoint errors carry error_hint and status_code too (Hydra's legacy format)",
  'tokens-short': 'access and refresh tokens are 16 hex characters (64 bits)',
  'token-carries-client-scopes': 'access tokens carry every scope the client registered (the response names the consented ones)',
  'pkce-s256-padded': 'the S256 challenge is computed with standard, padded base64 (not base64url)',
  'pkce-challenge-per-client': "the code challenge is kept per client and user (the latest authorization request's), not with each code",
  'pkce-verifier-format-unchecked': 'a code_verifier of the wrong length or alphabet is accepted when its hash matches',
  'refresh-public-refused': 'a public client may not refresh (unauthorized_client)',
  'refresh-scope-narrowed': 'a refresh narrows the new access token to its scope parameter',
  'refresh-scope-narrows-grant': 'a refresh narrows the rotated refresh token too: the original scope is lost',
  'refresh-keeps-old-access': 'a refresh leaves the access token it replaces valid',
  'refresh-token-never-expires': 'refresh tokens do not expire',
  // revocation endpoint
  'revoke-token-only': 'revoking a token leaves the other tokens of its grant valid',
  'revoke-foreign-token': "a client may revoke another client's token",
  'revoke-unauthenticated': 'revocation does not authenticate the client',
  'revoke-refresh-only': 'revocation looks up refresh tokens only: an access token is answered 200 and stays valid',
  'revoke-unknown-refused': 'an unknown or already revoked token is refused (400) instead of answered 200',
  'revoke-via-get': 'GET on the revocation endpoint with the token in the query revokes it',
  'revoke-hint-trusted': 'token_type_hint limits the search: an access token sent as refresh_token is not found',
} as const

export type OAuth2Mutant = keyof typeof OAUTH2_MUTANTS

/** The part of an instance's mutant set the core reads (an API's set of its own, wider, names fits). */
export type OAuth2Mutants = { has(name: OAuth2Mutant): boolean }

/** Shared mutants with the requirements of one API's catalogue that must catch each. */
export function sharedMutants<K extends OAuth2Mutant>(expect: Readonly<Record<K, readonly string[]>>): Record<K, Mutant> {
  const out = {} as Record<K, Mutant>
  for (const name of Object.keys(expect) as K[]) out[name] = { description: OAUTH2_MUTANTS[name], expect: expect[name] }
  return out
}
