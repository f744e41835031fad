/**
 * The shared OAuth 2.0 rules (suites/shared/oauth2-requirements.md), by name, with the section each comes from.
 * An API catalogues a rule as `<prefix>-OAUTH2-<rule>` (FIO-OAUTH2-CODE-SINGLE-USE, GTS-OAUTH2-CODE-SINGLE-USE).
 */
export const RULES = {
  // b.1 authorization endpoint
  'AUTHZ-GET': 'RFC 6749 §3.1',
  'AUTHZ-BAD-CLIENT-PAGE': 'RFC 6749 §4.1.2.1',
  'AUTHZ-BAD-REDIRECT-PAGE': 'RFC 6749 §3.1.2.4',
  'AUTHZ-REDIRECT-EXACT': 'RFC 9700 §2.1',
  'AUTHZ-LOOPBACK-PORT': 'RFC 9700 §4.1.3',
  'AUTHZ-REDIRECT-FRAGMENT': 'RFC 6749 §3.1.2',
  'AUTHZ-REDIRECT-QUERY-KEPT': 'RFC 6749 §3.1.2',
  'AUTHZ-REDIRECT-OMITTED': 'RFC 6749 §3.1.2.3',
  'AUTHZ-RESPONSE-TYPE': 'RFC 6749 §3.1.1',
  'AUTHZ-ERROR-REDIRECT': 'RFC 6749 §4.1.2.1',
  'AUTHZ-INVALID-SCOPE': 'RFC 6749 §4.1.2.1',
  'AUTHZ-SCOPE-DEFAULT': 'RFC 6749 §3.3',
  'AUTHZ-STATE-ECHO': 'RFC 6749 §4.1.2',
  'AUTHZ-ACCESS-DENIED': 'RFC 6749 §4.1.2.1',
  'AUTHZ-DUPLICATE-PARAM': 'RFC 6749 §3.1',
  'AUTHZ-EMPTY-PARAM': 'RFC 6749 §3.1',
  'AUTHZ-UNKNOWN-PARAM': 'RFC 6749 §3.1',
  'AUTHZ-CSRF': 'RFC 6749 §10.12',
  'AUTHZ-EXPLICIT-CONSENT': 'RFC 6749 §10.12',
  'AUTHZ-NO-FRAMING': 'RFC 9700 §4.16',
  'AUTHZ-NO-307': 'RFC 9700 §4.12',
  'AUTHZ-303': 'RFC 9700 §4.12',
  'AUTHZ-SESSION-PAGES': 'RFC 6749 §10.12',
  'AUTHZ-REDIRECT-HTTP-SCHEME': 'RFC 9700 §2.6',
  // b.2 authorization code
  'CODE-SHORT-LIVED': 'RFC 6749 §4.1.2',
  'CODE-SINGLE-USE': 'RFC 6749 §4.1.2',
  'CODE-REUSE-REVOKES': 'RFC 9700 §4.2.4',
  'CODE-ATOMIC': 'RFC 9700 §4.2.4',
  'CODE-CLIENT-BOUND': 'RFC 6749 §4.1.3',
  'CODE-REDIRECT-MATCH': 'RFC 6749 §4.1.3',
  'CODE-FAILED-KEEPS': 'fosite, GoToSocial (policy)',
  'CODE-ENTROPY': 'RFC 6749 §10.10',
  'CODE-BOUND-SCOPE-USER': 'RFC 6749 §4.1.2',
  // b.3 PKCE
  'PKCE-SUPPORTED': 'RFC 9700 §2.1.1',
  'PKCE-VERIFIER-REQUIRED': 'RFC 9700 §2.1.1',
  'PKCE-MISMATCH': 'RFC 7636 §4.6',
  'PKCE-DOWNGRADE': 'RFC 9700 §4.8.2',
  'PKCE-METHOD': 'RFC 7636 §4.4.1',
  'PKCE-METHOD-DEFAULT': 'RFC 7636 §4.3',
  'PKCE-PUBLIC-REQUIRED': 'RFC 9700 §2.1.1',
  'PKCE-BOUND': 'RFC 7636 §4.4',
  'PKCE-VERIFIER-FORMAT': 'RFC 7636 §4.1',
  // b.4 token endpoint and client authentication
  'TOKEN-POST-ONLY': 'RFC 6749 §3.2',
  'TOKEN-FORM': 'RFC 6749 §4.1.3',
  'TOKEN-BASIC': 'RFC 6749 §2.3.1',
  'TOKEN-BASIC-ENCODING': 'RFC 6749 §2.3.1',
  'TOKEN-BODY-CREDENTIALS': 'RFC 6749 §2.3.1',
  'TOKEN-CREDS-NOT-IN-URI': 'RFC 6749 §2.3.1',
  'TOKEN-ONE-AUTH-METHOD': 'RFC 6749 §2.3',
  'TOKEN-INVALID-CLIENT': 'RFC 6749 §5.2',
  'TOKEN-INVALID-CLIENT-401': 'RFC 6749 §5.2',
  'TOKEN-UNSUPPORTED-GRANT': 'RFC 6749 §5.2',
  'TOKEN-NO-PASSWORD-GRANT': 'RFC 9700 §2.4',
  'TOKEN-UNAUTHORIZED-CLIENT': 'RFC 6749 §5.2',
  'TOKEN-MISSING-PARAM': 'RFC 6749 §5.2',
  'TOKEN-DUPLICATE-PARAM': 'RFC 6749 §3.2',
  'TOKEN-EMPTY-PARAM': 'RFC 6749 §3.2',
  'TOKEN-UNKNOWN-PARAM': 'RFC 6749 §3.2',
  'TOKEN-RESPONSE': 'RFC 6749 §5.1',
  'TOKEN-NO-STORE': 'RFC 6749 §5.1',
  'TOKEN-EXPIRES-IN': 'RFC 6749 §5.1',
  'TOKEN-SCOPE-RESPONSE': 'RFC 6749 §3.3',
  'TOKEN-ERROR-SHAPE': 'RFC 6749 §5.2',
  'TOKEN-NO-SECRET-ECHO': 'RFC 6749 §10.3',
  'TOKEN-ENTROPY': 'RFC 6749 §10.10',
  'TOKEN-CC-NO-REFRESH': 'RFC 6749 §4.4.3',
  // b.5 refresh tokens
  'REFRESH-GRANT': 'RFC 6749 §6',
  'REFRESH-CLIENT-AUTH': 'RFC 6749 §6',
  'REFRESH-CLIENT-BOUND': 'RFC 6749 §10.4',
  'REFRESH-NO-ESCALATION': 'RFC 6749 §6',
  'REFRESH-SAME-SCOPE': 'RFC 6749 §6',
  'REFRESH-ROTATION': 'RFC 9700 §4.14.2',
  'REFRESH-REPLAY-REVOKES': 'RFC 9700 §4.14.2',
  'REFRESH-EXPIRY': 'RFC 9700 §4.14.2',
  // b.6 revocation
  'REVOKE-ACCESS': 'RFC 7009 §2',
  'REVOKE-REFRESH': 'RFC 7009 §2.1',
  'REVOKE-INVALID-200': 'RFC 7009 §2.2',
  'REVOKE-CLIENT-AUTH': 'RFC 7009 §2.1',
  'REVOKE-OTHER-CLIENT': 'RFC 7009 §2.1',
  'REVOKE-POST': 'RFC 7009 §2.1',
  'REVOKE-HINT-FALLBACK': 'RFC 7009 §2.1',
  // b.7 bearer tokens at the resource server
  'BEARER-HEADER': 'RFC 6750 §2.1',
  'BEARER-SCHEME-CASE': 'RFC 9110 §11.1',
  'BEARER-NO-QUERY': 'RFC 9700 §4.3.2',
  'BEARER-QUERY-NO-RESCUE': 'RFC 6750 §2',
  'BEARER-CHALLENGE': 'RFC 6750 §3',
  'BEARER-NO-CREDS-NO-ERROR': 'RFC 6750 §3',
  'BEARER-INVALID-TOKEN': 'RFC 6750 §3.1',
  'BEARER-INSUFFICIENT-SCOPE': 'RFC 6750 §3.1',
  'BEARER-EXPIRED': 'RFC 6750 §3.1',
  'BEARER-REVOKED': 'RFC 7009 §2; RFC 6750 §3.1',
  'SCOPE-LEAST-PRIVILEGE': 'RFC 9700 §2.3',
} as const

export type Rule = keyof typeof RULES

/**
 * How an API departs from a rule (its column in oauth2-requirements.md):
 * - `skip`: the feature does not exist there (n/a) — the rule's tests are declared and skipped with the reason;
 * - `departs`: a declared difference (Δ) — the check runs with the API's own expectation, which its parameters
 *   carry (an error page instead of a redirect, 200 instead of a refusal…), and its messages say so.
 * `notCatalogued`: the API's catalogue has no requirement for the rule at all (nothing is declared for it).
 */
export type Difference = { skip: string; notCatalogued?: true } | { departs: string }
