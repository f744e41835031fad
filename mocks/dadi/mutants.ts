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
} as const satisfies Record<string, Mutant>

export type DadiMutant = keyof typeof dadiMutants
