import type { Mutant } from '../core/definition.ts'

/** Realistic defects, each one switch in the real Exceptionless mock (search for `mutants.has('…')`). */
export const exceptionlessMutants = {
  'query-over-header': { description: 'a query-string token wins over (or rescues) the Authorization header', expect: ['EXL-AUTH-PRECEDENCE'] },
  'query-token-ignored': { description: '?access_token= / ?api_key= are not read', expect: ['EXL-AUTH-QUERY'] },
  'query-cacheable': { description: 'responses to query-authenticated requests are shared-cacheable', expect: ['EXL-AUTH-QUERY-NOCACHE'] },
  'api-key-manages-tokens': { description: 'an API key (even client-scoped) may create and manage tokens', expect: ['EXL-TOKEN-KEY-CANNOT-CREATE'] },
  'no-scope-implication': { description: 'global/user do not imply user/client', expect: ['EXL-SCOPE-IMPLY'] },
  'plain-text-errors': { description: 'errors are text/plain instead of ProblemDetails', expect: ['EXL-PROBLEM-DETAILS'] },
  'client-reads-events': { description: 'a client key may read events (what the docs say, not what the server does)', expect: ['EXL-CLIENT-NO-EVENT-READ'] },
  'no-login-rate-limit': { description: 'unlimited login attempts per email', expect: ['EXL-LOGIN-RATE-LIMIT'] },
  'disabled-key-accepted': { description: 'a disabled API key still authenticates', expect: ['EXL-TOKEN-DISABLED'] },
  'deleted-key-accepted': { description: 'a deleted API key still authenticates', expect: ['EXL-TOKEN-DELETED'] },
  'login-enumeration': { description: 'unknown email answers "User not found." instead of "Login failed."', expect: ['EXL-LOGIN-FAILED'] },
  'unknown-scope-accepted': { description: 'token creation accepts any scope string', expect: ['EXL-SCOPE-UNKNOWN'] },
  'basic-client-ignored': { description: 'Basic client:<key> is read as an email login', expect: ['EXL-AUTH-BASIC'] },
  'config-ignores-version': { description: 'client configuration never answers 304 for a current ?v=', expect: ['EXL-CLIENT-CONFIG'] },
  'cross-org-tokens': { description: 'tokens can be created for projects of other organizations', expect: ['EXL-TOKEN-ORG-ISOLATION'] },
  'relative-location': { description: 'the 201 Location of a new token is relative', expect: ['EXL-TOKEN-CREATE'] },
  'echo-password': { description: 'a validation error echoes the submitted password', expect: ['EXL-LOGIN-NOECHO'] },
  'lockout-after-password': { description: 'the per-email limit is checked only after a failed password, so the right password always gets in', expect: ['EXL-LOGIN-RATE-LIMIT'] },
  'scope-case-kept': { description: 'scopes are stored as given (["CLIENT"]), not lower-cased, so the key has no client role', expect: ['EXL-SCOPE-CASE'] },
  'expired-key-accepted': { description: 'expires_utc is checked for login tokens only: an API key past it still authenticates', expect: ['EXL-TOKEN-EXPIRED'] },
  'foreign-scheme-blocks-query': { description: 'an unrecognised Authorization scheme stops the query-string token from being read', expect: ['EXL-AUTH-QUERY'] },
  'lockout-case-sensitive': { description: 'login attempts are counted per email as typed, so changing its letter case resets the lockout', expect: ['EXL-LOGIN-RATE-LIMIT'] },
  'foreign-project-events': { description: "another organization's project events can be read by id", expect: ['EXL-EVENTS-ORG-ISOLATION'] },
  'bad-json-500': { description: 'a login body that is not JSON answers 500 with the exception text', expect: ['EXL-LOGIN-VALIDATION'] },
} as const satisfies Record<string, Mutant>
