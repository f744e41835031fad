import type { Mutant } from '../core/definition.ts'

/**
 * Realistic defects, each one switch in the real Basiq mock (search for `mutants.has('…')`), each expected to be
 * caught by the requirement it breaks. Several are what a server written from one source alone would do: the RFCs
 * (expired → 401, unknown key → 401, `{"error":…}` bodies), the v3 docs alone (a client token reaches only the
 * Consent UI), or an API gateway's defaults.
 */
export const basiqMutants = {
  // POST /token: the request
  'missing-auth-as-404': { description: 'a /token request without Authorization is answered as an unknown key (404)', expect: ['BASIQ-TOKEN-AUTH-MISSING'] },
  'malformed-auth-as-404': { description: 'an Authorization header that is not Basic <key> is looked up as a key (404) instead of 400', expect: ['BASIQ-TOKEN-AUTH-INVALID'] },
  'key-decoded-twice': { description: 'a key base64-encoded once more is decoded again and accepted', expect: ['BASIQ-TOKEN-KEY-VERBATIM'] },
  'version-header-ignored': { description: 'a /token request without basiq-version is issued a token', expect: ['BASIQ-TOKEN-VERSION-MISSING'] },
  'v3-only': { description: 'only basiq-version 3.0 is accepted; 2.0 and 2.1 are "no longer supported"', expect: ['BASIQ-TOKEN-VERSION-ACCEPTED'] },
  'any-version-accepted': { description: 'any basiq-version value is accepted', expect: ['BASIQ-TOKEN-VERSION-UNSUPPORTED'] },
  'version-check-after-key': { description: 'basiq-version is checked after the key lookup, so a bad key without a version is 404, not 400', expect: ['BASIQ-TOKEN-ORDER'] },
  'form-only': { description: 'only form bodies are read: a JSON or empty body is refused', expect: ['BASIQ-TOKEN-JSON', 'BASIQ-TOKEN-EMPTY-BODY', 'BASIQ-SDK-NODE'] },
  'form-charset-refused': { description: 'a form body whose Content-Type carries ;charset=UTF-8 is not read', expect: ['BASIQ-TOKEN-FORM'] },
  'extra-params-refused': { description: 'unknown token parameters (grant_type) are refused with 400', expect: ['BASIQ-TOKEN-EXTRA-PARAMS'] },
  'bad-body-as-server': { description: 'an unreadable token body is ignored and a SERVER_ACCESS token issued', expect: ['BASIQ-TOKEN-BODY-INVALID'] },
  'unknown-scope-as-server': { description: 'an unknown scope value gets a SERVER_ACCESS token', expect: ['BASIQ-TOKEN-SCOPE-UNKNOWN'] },
  'scope-case-confused': { description: 'a scope is validated in any letter case and with spaces, then enforced on the exact value: client_access gets an unbound token with server access', expect: ['BASIQ-TOKEN-SCOPE-EXACT'] },
  'default-scope-client': { description: 'a request without scope is taken as CLIENT_ACCESS', expect: ['BASIQ-TOKEN-DEFAULT-SCOPE'] },
  'scope-from-header': { description: 'a scope request header overrides the body', expect: ['BASIQ-SCOPE-HEADER-IGNORED'] },
  // POST /token: keys, users, limits
  'unknown-key-401': { description: 'an unknown or deleted key gets 401 (RFC 6749 invalid_client) instead of 404', expect: ['BASIQ-TOKEN-KEY-UNKNOWN'] },
  'deleted-key-accepted': { description: 'a deleted key is still issued tokens', expect: ['BASIQ-TOKEN-KEY-UNKNOWN'] },
  'key-id-only': { description: "a key is looked up by its id half alone, so the id with any secret is issued tokens", expect: ['BASIQ-TOKEN-KEY-UNKNOWN'] },
  'disabled-key-accepted': { description: 'a disabled key is still issued tokens', expect: ['BASIQ-TOKEN-KEY-DISABLED'] },
  'no-rate-limit': { description: 'token requests are never limited', expect: ['BASIQ-TOKEN-RATE-LIMIT'] },
  'rate-limit-never-resets': { description: 'the token request count never leaves its window, so a limited client stays limited', expect: ['BASIQ-TOKEN-RATE-LIMIT'] },
  'rate-limit-429': { description: 'past the token limit the answer is 429 Too Many Requests (RFC 6585), not the documented 403 "Invalid request"', expect: ['BASIQ-TOKEN-RATE-LIMIT'] },
  'rate-limit-per-key': { description: 'token requests are counted per API key, not per client: requests with another key or none do not count', expect: ['BASIQ-TOKEN-RATE-LIMIT'] },
  'unbound-client-token': { description: 'basiq-version 3.0 issues a CLIENT_ACCESS token without a userId', expect: ['BASIQ-TOKEN-CLIENT-USERID'] },
  'userid-required-all-versions': { description: 'basiq-version 2.x also refuses CLIENT_ACCESS without a userId', expect: ['BASIQ-TOKEN-CLIENT-USERID-2X'] },
  'unknown-user-token': { description: 'a CLIENT_ACCESS token is issued for a userId that does not exist', expect: ['BASIQ-TOKEN-CLIENT-USER-UNKNOWN'] },
  'token-as-key': { description: 'an issued access token is accepted on /token (Bearer) and re-issued', expect: ['BASIQ-TOKEN-NOT-BEARER'] },
  // POST /token: the answer
  'token-type-lowercase': { description: 'token_type is "bearer", not "Bearer"', expect: ['BASIQ-TOKEN-OK'] },
  'expires-in-string': { description: 'expires_in is the string "3600"', expect: ['BASIQ-TOKEN-OK'] },
  'opaque-tokens': { description: 'access tokens are random strings, not JWTs', expect: ['BASIQ-TOKEN-JWT'] },
  'refresh-token-issued': { description: 'the token response carries a refresh_token', expect: ['BASIQ-TOKEN-NO-REFRESH'] },
  'no-cache-control': { description: 'the token response has no Cache-Control: no-store', expect: ['BASIQ-TOKEN-NO-STORE'] },
  'ttl-mismatch': { description: 'tokens live 1800 s while expires_in says 3600', expect: ['BASIQ-TOKEN-TTL'] },
  // Bearer tokens
  'gateway-missing-token': { description: "a request without Authorization gets API Gateway's 403 {\"message\":\"Missing Authentication Token\"}", expect: ['BASIQ-BEARER-MISSING', 'BASIQ-ERROR-ENVELOPE'] },
  'scheme-not-checked': { description: 'any Authorization scheme (Basic, Token) carrying a valid JWT is accepted', expect: ['BASIQ-BEARER-MALFORMED'] },
  'bearer-case-sensitive': { description: 'only "Bearer" with a capital B is read', expect: ['BASIQ-BEARER-SCHEME-CASE'] },
  'signature-not-checked': { description: 'the JWT is decoded without verifying its signature', expect: ['BASIQ-JWT-SIGNATURE', 'BASIQ-JWT-CLAIMS'] },
  'alg-none-accepted': { description: 'a JWT with alg "none" and no signature is accepted', expect: ['BASIQ-JWT-ALG'] },
  'weak-signing-key': { description: 'tokens are signed with the well-known secret "secret"', expect: ['BASIQ-JWT-FOREIGN'] },
  'expired-as-401': { description: 'an expired token gets 401 invalid-authorization-token (RFC 6750) instead of 403 access-denied', expect: ['BASIQ-BEARER-EXPIRED'] },
  'expiry-unchecked-accounts': { description: 'GET /users/{userId}/accounts never checks the expiry (every other route does)', expect: ['BASIQ-TOKEN-TTL', 'BASIQ-BEARER-EXPIRED'] },
  'ignore-expiry': { description: 'tokens never expire', expect: ['BASIQ-TOKEN-TTL', 'BASIQ-BEARER-EXPIRED'] },
  'expiry-before-signature': { description: 'exp is read before the signature is checked, so a forged expired token gets 403, not 401', expect: ['BASIQ-BEARER-EXPIRED-TAMPERED'] },
  'query-token-accepted': { description: 'a request without Authorization is authenticated by a token in ?access_token= or ?token=', expect: ['BASIQ-BEARER-MISSING'] },
  'jobs-token-from-query': { description: 'GET /jobs/{jobId} reads the token from ?token= (as the Consent UI URL carries it), not from Authorization', expect: ['BASIQ-BEARER-OK', 'BASIQ-SCOPE-CLIENT-JOB'] },
  'version-required-later': { description: 'resource requests without basiq-version are refused', expect: ['BASIQ-VERSION-NOT-NEEDED-LATER'] },
  // Scopes and users
  'scope-not-enforced': { description: 'a CLIENT_ACCESS token reaches the server-only operations', expect: ['BASIQ-SCOPE-CLIENT-FORBIDDEN'] },
  'forbidden-as-401': { description: 'a CLIENT_ACCESS token on a server-only operation gets 401 invalid-authorization-token instead of 403', expect: ['BASIQ-SCOPE-CLIENT-FORBIDDEN'] },
  'cross-user-access': { description: "a CLIENT_ACCESS token reads another user's record", expect: ['BASIQ-SCOPE-CLIENT-OTHER-USER'] },
  'client-own-user-forbidden': { description: 'a CLIENT_ACCESS token may not read even its own user (the v3 docs read literally)', expect: ['BASIQ-SCOPE-CLIENT-OWN-USER'] },
  'client-institutions-forbidden': { description: 'a CLIENT_ACCESS token may not list institutions', expect: ['BASIQ-SCOPE-CLIENT-INSTITUTIONS'] },
  'client-jobs-forbidden': { description: 'a CLIENT_ACCESS token may not check even its own job status', expect: ['BASIQ-SCOPE-CLIENT-JOB'] },
  'client-reads-any-job': { description: "a CLIENT_ACCESS token reads another user's job", expect: ['BASIQ-SCOPE-CLIENT-JOB-OTHER'] },
  'ownership-for-server-tokens': { description: 'the user-binding check runs for SERVER_ACCESS tokens too, which are bound to no user', expect: ['BASIQ-SCOPE-SERVER-ALL'] },
  'cross-application-users': { description: "a SERVER_ACCESS token reads users of another application", expect: ['BASIQ-USER-APPLICATION-ISOLATION'] },
  'user-not-found-403': { description: 'an unknown user gets 403 forbidden-access instead of 404', expect: ['BASIQ-USER-NOT-FOUND'] },
  'deleted-user-cached': { description: 'GET /users/{userId} answers from a cache of its reads that DELETE /users/{userId} does not clear', expect: ['BASIQ-USER-DELETED'] },
  'create-user-unvalidated': { description: "POST /users creates a user with neither email nor mobile", expect: ['BASIQ-USER-CREATE'] },
  // The envelope
  'static-correlation-id': { description: 'every error carries the same correlationId', expect: ['BASIQ-ERROR-CORRELATION'] },
  'oauth-error-body': { description: '/token errors are RFC 6749 {"error":…} bodies, not the list envelope', expect: ['BASIQ-ERROR-ENVELOPE'] },
  'echo-api-key': { description: 'the /token errors repeat the API key that was sent', expect: ['BASIQ-TOKEN-NO-ECHO'] },
} as const satisfies Record<string, Mutant>

export type BasiqMutant = keyof typeof basiqMutants
