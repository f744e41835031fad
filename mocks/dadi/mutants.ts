import type { Mutant } from '../core/definition.ts'

/**
 * Realistic defects, each one switch in the real DADI mock (search for `mutants.has('…')`).
 * `npm run mutants` proves every one is caught by the requirements it names.
 */
export const dadiMutants = {
  'accept-unknown-token': { description: 'any Bearer token is accepted as the first client', expect: ['DADI-AUTH-UNKNOWN'] },
  'ignore-expiry': { description: 'tokens never expire', expect: ['DADI-AUTH-EXPIRED'] },
  'no-cache-control': { description: 'token response without Cache-Control: no-store / Pragma: no-cache', expect: ['DADI-TOKEN-NOSTORE'] },
  'snake-case-token': { description: 'token response fields renamed to access_token/token_type/expires_in', expect: ['DADI-TOKEN-SHAPE'] },
  'skip-secret-check': { description: 'the client secret is not compared', expect: ['DADI-CRED-SECRET'] },
  'nosql-injection': { description: 'credentials are not type-checked, so {"$ne": ""} matches any secret', expect: ['DADI-CRED-TYPES'] },
  'echo-secret': { description: 'the invalid-credentials error echoes the submitted secret', expect: ['DADI-CRED-NOECHO'] },
  'acl-not-enforced': { description: 'client permissions are ignored', expect: ['DADI-ACL-DENY', 'DADI-ACL-ISOLATION'] },
  'acl-denied-as-401': { description: 'a permission failure answers 401 invalid_token instead of 403 API-0006', expect: ['DADI-ACL-DENY'] },
  'tokens-cross': { description: 'a token resolves to the most recently authenticated client, not its own', expect: ['DADI-ACL-ISOLATION'] },
  'no-www-authenticate': { description: 'invalid-token 401s carry no WWW-Authenticate challenge', expect: ['DADI-AUTH-UNKNOWN', 'DADI-AUTH-EXPIRED'] },
  'query-token': { description: '?access_token= is read when no Authorization header is sent', expect: ['DADI-AUTH-HEADER-ONLY'] },
  'ttl-mismatch': { description: 'expiresIn says 3600 while tokens live 1800 s', expect: ['DADI-TOKEN-TTL'] },
  'sequential-tokens': { description: 'tokens come from a counter, not a CSPRNG', expect: ['DADI-TOKEN-RANDOM'] },
  'malformed-as-invalid': { description: 'a non-Bearer Authorization header is answered as invalid_token, not no_token', expect: ['DADI-AUTH-MALFORMED'] },
  'token-prefix-match': { description: 'tokens are matched on their first UUID group only, so a tampered token is accepted', expect: ['DADI-AUTH-UNKNOWN'] },
  'document-route-unguarded': { description: 'the single-document route skips the collection permission check', expect: ['DADI-ACL-PATHS'] },
  'acl-ignores-version': { description: 'a permission for one apiVersion is honoured at every version', expect: ['DADI-ACL-VERSION'] },
  'token-via-get': { description: 'GET /token with clientId and secret in the query string issues a token', expect: ['DADI-TOKEN-POST-ONLY'] },
  'unauthorized-text-body': { description: '401 bodies are plain text instead of {"statusCode":401}', expect: ['DADI-ERROR-BODY'] },
  'head-unauthenticated': { description: 'HEAD requests skip authentication', expect: ['DADI-AUTH-MISSING'] },
  'expiry-grace': { description: 'tokens are still accepted for 10 % of their lifetime after expiry', expect: ['DADI-AUTH-EXPIRED'] },
  'cache-control-from-request': { description: "the token response carries the request's Cache-Control instead of no-store", expect: ['DADI-TOKEN-NOSTORE'] },
  'acl-prefix-match': { description: 'a permission path matches as a prefix, so "books" also opens "booksellers"', expect: ['DADI-ACL-DENY'] },
  'acl-path-case': { description: 'routing ignores letter case but the permission check compares the path exactly', expect: ['DADI-ACL-PATHS'] },
} as const satisfies Record<string, Mutant>

export type DadiMutant = keyof typeof dadiMutants
