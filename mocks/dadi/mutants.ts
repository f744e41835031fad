import type { Mutant } from '../core/definition.ts'

const BOTH = undefined
const V3 = ['dadi@3'] as const
const V6 = ['dadi@6'] as const

/**
 * Realistic defects, each one switch in the real DADI mock (search for `mutants.has('…')`), in the profiles where
 * it means something. `npm run mutants` proves every one is caught by the requirements it names.
 */
export const dadiMutants = {
  'accept-unknown-token': { description: 'any Bearer token is accepted as the first client', expect: ['DADI-AUTH-UNKNOWN'], profiles: BOTH },
  'ignore-expiry': { description: 'tokens never expire', expect: ['DADI-AUTH-EXPIRED'], profiles: BOTH },
  'no-cache-control': { description: 'token response without Cache-Control: no-store / Pragma: no-cache', expect: ['DADI-TOKEN-NOSTORE'], profiles: BOTH },
  'snake-case-token': { description: 'token response fields renamed to access_token/token_type/expires_in', expect: ['DADI-TOKEN-SHAPE'], profiles: BOTH },
  'skip-secret-check': { description: 'the client secret is not compared', expect: ['DADI-CRED-SECRET'], profiles: BOTH },
  'nosql-injection': { description: 'credentials are not type-checked, so {"$ne": ""} matches any secret', expect: ['DADI-CRED-TYPES'], profiles: BOTH },
  'echo-secret': { description: 'the invalid-credentials error echoes the submitted secret', expect: ['DADI-CRED-NOECHO', 'DADI-NO-ECHO'], profiles: BOTH },
  'acl-not-enforced': { description: 'client permissions are ignored', expect: ['DADI-ACL-DENY', 'DADI-ACL-ISOLATION'], profiles: BOTH },
  'acl-denied-as-401': { description: 'a permission failure answers 401 API-0005 instead of 403 API-0006', expect: ['DADI-ACL-DENY'], profiles: V6 },
  'realm-missing': { description: 'a permission failure answers 401 without the realm challenge naming the path', expect: ['DADI-ACL-DENY'], profiles: V3 },
  'realm-includes-query': { description: 'the realm of a permission failure names the URL with its query string, not the path (url.parse(req.url).pathname)', expect: ['DADI-ACL-DENY'], profiles: V3 },
  'tokens-cross': { description: 'a token resolves to the most recently authenticated client, not its own', expect: ['DADI-ACL-ISOLATION'], profiles: BOTH },
  'no-www-authenticate': { description: 'invalid-token 401s carry no WWW-Authenticate challenge', expect: ['DADI-AUTH-UNKNOWN', 'DADI-AUTH-EXPIRED'], profiles: V3 },
  'query-token': { description: '?access_token= is read when no Authorization header is sent', expect: ['DADI-AUTH-HEADER-ONLY'], profiles: BOTH },
  'ttl-mismatch': { description: 'expiresIn says 3600 while tokens live 1800 s', expect: ['DADI-TOKEN-TTL'], profiles: BOTH },
  'sequential-tokens': { description: 'tokens come from a counter, not a CSPRNG', expect: ['DADI-TOKEN-RANDOM'], profiles: V3 },
  'malformed-as-invalid': { description: 'a non-Bearer Authorization header is answered as invalid_token, not no_token', expect: ['DADI-AUTH-MALFORMED'], profiles: V3 },
  'token-prefix-match': { description: 'tokens are matched on their first UUID group only, so a tampered token is accepted', expect: ['DADI-AUTH-UNKNOWN'], profiles: V3 },
  'jwt-alg-none': { description: 'a JWT with alg "none" and no signature is accepted as its payload says', expect: ['DADI-AUTH-UNKNOWN'], profiles: V6 },
  'document-route-unguarded': { description: 'the single-document route skips the collection permission check', expect: ['DADI-ACL-PATHS'], profiles: BOTH },
  'acl-ignores-version': { description: 'a permission for one apiVersion is honoured at every version', expect: ['DADI-ACL-VERSION'], profiles: V3 },
  'token-via-get': { description: 'GET /token with clientId and secret in the query string issues a token', expect: ['DADI-TOKEN-POST-ONLY'], profiles: BOTH },
  'unauthorized-text-body': { description: '401 bodies are plain text instead of DADI’s JSON', expect: ['DADI-ERROR-BODY'], profiles: BOTH },
  'head-unauthenticated': { description: 'HEAD requests skip authentication', expect: ['DADI-HEAD'], profiles: V3 },
  'expiry-grace': { description: 'tokens are still accepted for 10 % of their lifetime after expiry', expect: ['DADI-AUTH-EXPIRED'], profiles: BOTH },
  'cache-control-from-request': { description: "the token response carries the request's Cache-Control instead of no-store", expect: ['DADI-TOKEN-NOSTORE'], profiles: BOTH },
  'acl-prefix-match': { description: 'a permission path matches as a prefix, so "books" also opens "booksellers"', expect: ['DADI-ACL-DENY'], profiles: BOTH },
  'acl-path-case': { description: 'routing ignores letter case but the permission check compares the path exactly', expect: ['DADI-ACL-PATHS'], profiles: V3 },
  'parse-error-echo': { description: 'the 400 for a body that is not JSON repeats the raw body, secret included (what both real lines do)', expect: ['DADI-CRED-JSON', 'DADI-CRED-NOECHO', 'DADI-NO-ECHO'], profiles: BOTH },
  'restricted-lists-all': { description: 'GET /api/collections lists every collection to a client that may read one', expect: ['DADI-ACL-LIST'], profiles: V6 },
  'token-query-exempt': { description: 'the token route is exempt from authentication whatever its query string, so POST /token?x=1 issues a token', expect: ['DADI-TOKEN-EXACT-ROUTE'], profiles: V3 },
  'hello-exempt-with-query': { description: '/hello with a query string skips authentication (the path compared, not the URL)', expect: ['DADI-EXEMPT-PATHS'], profiles: V3 },
  'authenticate-setting-ignored': { description: "a collection's settings.authenticate is ignored: every collection needs a token for every method", expect: ['DADI-COLLECTION-OPEN'], profiles: BOTH },
  'authenticate-case-insensitive': { description: 'settings.authenticate is compared with the method in lower case, so ["get"] protects GET', expect: ['DADI-COLLECTION-METHODS'], profiles: V3 },
  'authenticate-case-sensitive': { description: 'settings.authenticate is compared with the verb case-sensitively, so ["get"] protects nothing', expect: ['DADI-COLLECTION-METHODS'], profiles: V6 },
  'cache-before-acl': { description: 'the response cache keys on path and query and answers before any check, so a cached 200 reaches anyone (what 6.1.0 does)', expect: ['DADI-ACL-CACHE'], profiles: BOTH },
  'acl-after-lookup': { description: 'a document is looked up before the permission check, so a client without it learns which ids do not exist (404, not 403)', expect: ['DADI-ACL-ORDER'], profiles: V6 },
  'schema-entry-unguarded': { description: "GET /api/collections/{property}/{name} shows a collection's schema to a client that may not read it", expect: ['DADI-ACL-LIST'], profiles: V6 },
  'acl-ignores-database': { description: 'a grant matches the collection name alone, so it opens a same-named collection in another database', expect: ['DADI-ACL-DATABASE'], profiles: V6 },
  'forbidden-text-body': { description: '403 API-0006 is sent as text/plain "Forbidden"', expect: ['DADI-ERROR-BODY'], profiles: V6 },
  'count-unguarded': { description: "a collection's count and stats skip its permission check (3.2.2's lookup by substring finds no route key)", expect: ['DADI-ACL-PATHS'], profiles: BOTH },
  'refusal-cacheable': { description: 'a refused token request carries no Cache-Control no-store or Pragma no-cache', expect: ['DADI-TOKEN-NOSTORE'], profiles: V6 },
  'permissions-of-all': { description: "the token response's permissions list every collection as readable, not the client's own grants", expect: ['DADI-TOKEN-SHAPE'], profiles: V6 },
  'hex-tokens': { description: 'tokens are 32 random hex digits, not the UUID v4 the docs show', expect: ['DADI-TOKEN-RANDOM'], profiles: V3 },
  'jwt-accesstype-admin': { description: 'every JWT claims accessType "admin", whatever the client record says', expect: ['DADI-TOKEN-JWT'], profiles: V6 },
  'token-delete-ok': { description: 'DELETE /token answers 204, as if it revoked something', expect: ['DADI-TOKEN-POST-ONLY'], profiles: BOTH },
  'token-lockout': { description: 'five wrong secrets lock the client out of /token (429), the right secret included', expect: ['DADI-TOKEN-NO-LOCKOUT'], profiles: BOTH },
  'cookie-token': { description: 'an access_token cookie is read when no Authorization header is sent', expect: ['DADI-AUTH-HEADER-ONLY'], profiles: BOTH },
  'token-trimmed': { description: 'what follows "Bearer" is trimmed, so "Bearer  <token>" (two spaces) is accepted', expect: ['DADI-AUTH-MALFORMED'], profiles: BOTH },
  'collections-post-unauthenticated': { description: 'POST /api/collections answers 405 before authenticating', expect: ['DADI-COLLECTIONS-METHOD'], profiles: V3 },
  'private-collections': { description: 'collection answers carry Cache-Control: private', expect: ['DADI-RESOURCE-CACHE-HEADERS'], profiles: BOTH },
  'token-reads-live-client': { description: "a token is checked against today's client record, not the one it was issued with: an operator's change applies at once", expect: ['DADI-TOKEN-STALE'], profiles: V3 },
  'jwt-snapshot-permissions': { description: 'a JWT keeps the grants its client had at issue: a revoked grant still reads until exp', expect: ['DADI-TOKEN-STALE'], profiles: V6 },
  'email-login-ignored': { description: 'POST /token reads no e-mail in place of the clientId', expect: ['DADI-TOKEN-EMAIL'], profiles: V6 },
  'email-token-carries-client': { description: "an e-mail login's JWT names the client's id (6.x signs the clientId of the body, which has none)", expect: ['DADI-TOKEN-EMAIL-NOCLIENT'], profiles: V6 },
  'legacy-secret-accepted': { description: 'a client record whose secret was never hashed gets a token, not client_needs_upgrade', expect: ['DADI-CRED-UPGRADE'], profiles: V6 },
  'superuser-not-admin': { description: 'a superUser client is treated as a user without grants', expect: ['DADI-AUTH-ACCEPT'], profiles: V6 },
} as const satisfies Record<string, Mutant>

export type DadiMutant = keyof typeof dadiMutants
