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
  'token-error-echoes-secret': 'a token endpoint error repeats the secret, code or token it refused',
  'password-grant': 'grant_type=password issues a token for a user name and password',
  // revocation endpoint
  'revoke-token-only': 'revoking a token leaves the other tokens of its grant valid',
  'revoke-foreign-token': "a client may revoke another client's token",
  'revoke-unauthenticated': 'revocation does not authenticate the client',
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
