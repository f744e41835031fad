import type { Mutant } from '../core/definition.ts'
import { sharedMutants, type OAuth2Mutant } from '../oauth2/mutants.ts'

/**
 * The shared authorization server's defects (mocks/oauth2/mutants.ts), each with the requirement of this
 * catalogue that must catch it. Every shared defect is listed: Frame.io runs every part of the core.
 */
const SHARED = {
  'redirect-prefix-match': ['FIO-OAUTH2-AUTHZ-REDIRECT-EXACT'],
  'loopback-port-strict': ['FIO-OAUTH2-AUTHZ-LOOPBACK-PORT'],
  'redirect-query-dropped': ['FIO-OAUTH2-AUTHZ-REDIRECT-QUERY-KEPT'],
  'error-to-unregistered-redirect': ['FIO-OAUTH2-AUTHZ-BAD-REDIRECT-PAGE'],
  'state-dropped': ['FIO-OAUTH2-AUTHZ-STATE-ECHO'],
  'state-length-unchecked': ['FIO-OAUTH-STATE-8'],
  'scope-unchecked': ['FIO-OAUTH2-AUTHZ-INVALID-SCOPE'],
  'response-type-unchecked': ['FIO-OAUTH2-AUTHZ-RESPONSE-TYPE'],
  'duplicate-params-accepted': ['FIO-OAUTH2-AUTHZ-DUPLICATE-PARAM', 'FIO-OAUTH2-TOKEN-DUPLICATE-PARAM'],
  'pkce-plain-accepted': ['FIO-OAUTH2-PKCE-METHOD'],
  'public-without-pkce': ['FIO-OAUTH2-PKCE-PUBLIC-REQUIRED'],
  'auto-consent': ['FIO-OAUTH2-AUTHZ-EXPLICIT-CONSENT'],
  'csrf-unchecked': ['FIO-OAUTH2-AUTHZ-CSRF', 'FIO-PORTAL-CSRF'],
  'framing-allowed': ['FIO-OAUTH2-AUTHZ-NO-FRAMING'],
  'redirect-307': ['FIO-OAUTH2-AUTHZ-NO-307'],
  'session-fixation': ['FIO-SESSION-COOKIE'],
  'login-enumeration': ['FIO-LOGIN-NO-ENUMERATION'],
  'code-reusable': ['FIO-OAUTH2-CODE-SINGLE-USE'],
  'code-reuse-keeps-tokens': ['FIO-OAUTH2-CODE-REUSE-REVOKES'],
  'code-await-race': ['FIO-OAUTH2-CODE-ATOMIC'],
  'code-client-unbound': ['FIO-OAUTH2-CODE-CLIENT-BOUND'],
  'code-redirect-unbound': ['FIO-OAUTH2-CODE-REDIRECT-MATCH'],
  'failed-exchange-burns-code': ['FIO-OAUTH2-CODE-FAILED-KEEPS'],
  'code-never-expires': ['FIO-OAUTH2-CODE-SHORT-LIVED'],
  'pkce-verifier-ignored': ['FIO-OAUTH2-PKCE-VERIFIER-REQUIRED', 'FIO-OAUTH2-PKCE-MISMATCH'],
  'pkce-downgrade-accepted': ['FIO-OAUTH2-PKCE-DOWNGRADE'],
  'refresh-without-offline': ['FIO-OAUTH-OFFLINE'],
  'refresh-not-rotated': ['FIO-OAUTH2-REFRESH-ROTATION'],
  'refresh-replay-keeps-family': ['FIO-OAUTH2-REFRESH-REPLAY-REVOKES'],
  'refresh-client-unbound': ['FIO-OAUTH2-REFRESH-CLIENT-BOUND'],
  'refresh-scope-widened': ['FIO-OAUTH2-REFRESH-NO-ESCALATION'],
  'access-token-never-expires': ['FIO-OAUTH-AT-3600'],
  'invalid-client-400': ['FIO-OAUTH2-TOKEN-INVALID-CLIENT-401'],
  'two-auth-methods-accepted': ['FIO-OAUTH2-TOKEN-ONE-AUTH-METHOD'],
  'basic-not-urldecoded': ['FIO-OAUTH2-TOKEN-BASIC-ENCODING'],
  'auth-method-unchecked': ['FIO-OAUTH-PUBLIC-NO-SECRET'],
  'credentials-from-query': ['FIO-OAUTH2-TOKEN-CREDS-NOT-IN-URI'],
  'token-via-get': ['FIO-OAUTH2-TOKEN-POST-ONLY'],
  'token-cacheable': ['FIO-OAUTH2-TOKEN-NO-STORE'],
  'token-error-echoes-secret': ['FIO-OAUTH2-TOKEN-NO-SECRET-ECHO'],
  'password-grant': ['FIO-OAUTH2-TOKEN-NO-PASSWORD-GRANT'],
  'revoke-token-only': ['FIO-OAUTH2-REVOKE-REFRESH', 'FIO-OAUTH-REVOKE'],
  'revoke-foreign-token': ['FIO-OAUTH2-REVOKE-OTHER-CLIENT'],
  'revoke-unauthenticated': ['FIO-OAUTH2-REVOKE-CLIENT-AUTH'],
} as const satisfies Record<OAuth2Mutant, readonly string[]>

/** Frame.io's own defects, each one switch in mocks/frameio (search for `mutants.has('…')`). */
const OWN = {
  'devtoken-listed-with-secret': { description: 'the token list (JSON and page) shows each token string again', expect: ['FIO-DEVTOKEN-SHOWN-ONCE'] },
  'devtoken-all-scopes': { description: 'a developer token carries every scope, whatever was chosen', expect: ['FIO-DEVTOKEN-SCOPES-EXACT'] },
  'devtoken-sequential': { description: 'developer tokens come from a counter, not a CSPRNG', expect: ['FIO-DEVTOKEN-UNGUESSABLE'] },
  'devtoken-unvalidated': { description: 'a token without description or scopes, or with an unknown scope, is created', expect: ['FIO-DEVTOKEN-VALIDATION'] },
  'devtoken-expires': { description: 'developer tokens expire after 30 days like OAuth refresh tokens', expect: ['FIO-DEVTOKEN-NO-EXPIRY'] },
  'deleted-devtoken-works': { description: 'a deleted developer token still authenticates', expect: ['FIO-DEVTOKEN-DELETE'] },
  'devtoken-other-users': { description: "a user lists and deletes other users' tokens", expect: ['FIO-DEVTOKEN-OWNER-ONLY'] },
  'bearer-opens-portal': { description: 'a bearer token (developer or OAuth) is accepted by the portal as its user', expect: ['FIO-PORTAL-SESSION-ONLY'] },
  'query-token-honoured': { description: '?access_token= authenticates /v2 requests without an Authorization header', expect: ['FIO-BEARER-HEADER-ONLY', 'FIO-OAUTH2-BEARER-NO-QUERY'] },
  'v2-scope-unchecked': { description: 'the /v2 reads do not check the token scope', expect: ['FIO-SCOPE-TEAM-READ', 'FIO-SCOPE-ASSET-READ'] },
  'oauth-scope-unchecked': { description: 'OAuth access tokens are not scope-checked (developer tokens are)', expect: ['FIO-OAUTH-TOKEN-EQUALS-DEV'] },
  'scope-implication': { description: 'a scope covers every action on its resource (asset.create allows asset.read)', expect: ['FIO-SCOPE-FLAT'] },
  'me-needs-scope': { description: 'GET /v2/me needs account.read', expect: ['FIO-ME-ANY-SCOPE'] },
  'create-before-scope-check': { description: 'POST …/children creates the asset, then answers 403 for the missing scope', expect: ['FIO-SCOPE-ASSET-CREATE'] },
  'user-access-ignored': { description: "the scope is checked but not the user's access to the account", expect: ['FIO-403-USER-ACCESS'] },
  'unauthorized-body-drift': { description: '401 bodies are {"message":"Unauthorized"} instead of the HTTPError envelope', expect: ['FIO-401-BODY'] },
  'forbidden-body-drift': { description: '403 bodies lack the errors array and code', expect: ['FIO-403-BODY', 'FIO-ERROR-ENVELOPE'] },
  'no-bearer-challenge': { description: '/v2 401 and 403 answers carry no WWW-Authenticate', expect: ['FIO-OAUTH2-BEARER-CHALLENGE'] },
  'no-rate-limit-headers': { description: '/v2 answers lack the x-ratelimit-* headers', expect: ['FIO-RATE-LIMIT-HEADERS'] },
} as const satisfies Record<string, Mutant>

export const frameioMutants = { ...sharedMutants(SHARED), ...OWN }

export type FrameioMutant = keyof typeof frameioMutants
