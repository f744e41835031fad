import type { Target } from '../../../harness/index.ts'
import type { Answer, Transport } from '../transport.ts'
import { RULES, type Difference, type Rule } from './rules.ts'

/** What a refusal at the resource server must be, exactly: status, `WWW-Authenticate` (null: absent) and body. */
export interface ResourceRefusal {
  status: number
  challenge: string | null
  /** The body byte for byte, parsed as JSON when it is JSON (key order free). */
  body: unknown
}

/**
 * Everything the shared OAuth 2.0 suite needs to know about one API: where its endpoints are, which clients and
 * user of targets.yaml to use, how a browser gets a code (the pages and their fields), what it answers (error
 * shapes, lifetimes, token body), and where it departs from the RFCs. `declareOAuth2Suite(api)` declares every
 * test from it; requirement IDs come from `prefix` (`FIO` → `FIO-OAUTH2-CODE-SINGLE-USE`).
 * suites/shared/oauth2-requirements.md lists what GoToSocial will supply.
 */
export interface OAuth2Api {
  /** The catalogue prefix: a rule's requirement is `${prefix}-OAUTH2-${rule}`. */
  prefix: string
  /** The API's own requirements that a shared rule's check, run with these parameters, decides too. */
  alsoDecides?: Partial<Record<Rule, readonly string[]>>
  /** Declared differences (n/a rules skipped with the reason; Δ rules checked with this API's expectation). */
  differences?: Partial<Record<Rule, Difference>>
  /** The origin of the authorization server for a target ('' when it is the target's own base URL). */
  authOrigin(target: Target): string
  endpoints: { authorize: string; token: string; revoke?: string }
  /** Roles of targets.yaml. Clients: `clientId`, `clientSecret` (absent for public clients), `redirectUri`. */
  roles: {
    /** The resource owner: `email`/`password` (or whatever `interaction.login.fields` reads). */
    user: string
    /** A client with a secret. */
    confidential: string
    /** A public client (no secret; PKCE) registered with a loopback redirect URI, if the API has them. */
    public?: string
    /** A second client with a secret (bindings: codes, refresh tokens, revocation). */
    other?: string
    /** A client with a secret that needs form-encoding in Basic and a registered redirect URI with a query. */
    tenant?: string
  }
  /** How a browser goes from the authorization request to the code. */
  interaction: {
    /** The sign-in page: its path and which role field fills which form field (`{ email: 'email' }`). */
    login: { path: string; fields: Record<string, string> }
    /** The consent page: its path and the labels of the buttons that allow and (if any) deny. */
    consent: { path: string; allow: string; deny?: string }
    /** The hidden anti-CSRF field the forms carry, if they carry one. */
    csrfField?: string
    /** The status of the pages' redirects (RFC 9700 §4.12 asks for 303). */
    redirectStatus: number
    /** An out-of-band page that shows the code (GoToSocial's `/oauth/oob`): its path and the code's selector. */
    oob?: { path: string; selector: string }
  }
  /**
   * Authorization errors once the redirect URI is known good: `redirect` (RFC 6749 §4.1.2.1) with `error=`, or
   * `page` (the API shows them). Errors before it (client, redirect URI) are pages with `pageStatus`.
   */
  authorizeErrors: {
    after: 'redirect' | 'page'
    pageStatus: number
    pageHeaders: Record<string, string | RegExp>
    /**
     * The answer an authorization request gets, for the rules that judge it; by default the authorization
     * endpoint's own answer to the GET. An API that looks at the request only after sign-in (GoToSocial) walks
     * there and returns the first answer after it (a fresh browser for each request).
     */
    answer?(query: string, flow: { recorded: Transport; prep: Transport; url(path: string): string }): Promise<Answer>
  }
  /** The `state` the API insists on (Hydra: 8 characters); the suite's states are longer. */
  stateMinLength: number
  scopes: {
    /** What the suite's flows ask for: every scope the resource operations below need, and the refresh scope. */
    ask: string
    /** A known scope outside `ask` (a refresh that asks for it must not get it). */
    wider: string
    /** A scope the server does not know. */
    unknown: string
    /** A known scope the tenant client did not register. */
    unregistered: string
    /** The scope granted when the authorization request names none (RFC 6749 §3.3), as the token response spells it. */
    defaultGranted: string
  }
  /** PKCE (RFC 7636). Without it, declare the PKCE rules skipped: the suite then sends no PKCE parameter. */
  pkce: { supported: boolean; requiredForPublic: boolean }
  /** How confidential clients authenticate at the token endpoint; `default` is what the suite's flows use. */
  clientAuth: { basic: boolean; body: boolean; default: 'basic' | 'body' }
  /** `grant_type=client_credentials` for the confidential client: refused (`unauthorized_client`) or granted. */
  clientCredentials: 'refused' | 'granted'
  /** A second redemption of a code revokes the tokens of the first (RFC 9700 §4.2.4 SHOULD). */
  codeReuseRevokes: boolean
  /**
   * The API's own requirements that particular cases of the shared tests decide (not a whole rule, so not
   * `alsoDecides`): the refresh token issued exactly when the refresh scope is granted; a public client's secret
   * refused; a public client's exchange without its client_id refused; the scope on the success redirect.
   */
  own?: { refreshIff?: string; publicNoSecret?: string; publicNoHeader?: string; callbackScope?: string }
  /**
   * Refresh tokens, or null when the API issues none: the scope that yields one, whether a refresh ignores its
   * `scope` parameter (Hydra: neither narrows nor widens), and whether it revokes the access token it replaces.
   */
  refresh: { scope: string; scopeIgnored: boolean; revokesPreviousAccess: boolean } | null
  /** Seconds; `accessToken` undefined: access tokens never expire (no `expires_in`). */
  lifetimes: { code: number; accessToken?: number; refreshToken?: number }
  /** The token response's `token_type` and exact keys. */
  tokenResponse: { tokenType: string; keys(withRefresh: boolean): readonly string[] }
  /** RFC 6749 §5.2 errors: the status of each code, the Basic challenge after a Basic header (null: none). */
  tokenErrors: {
    status(error: string): number
    basicChallenge: string | null
    errorPragma: boolean
    /** The status of a GET on the token endpoint (RFC 6749 §3.2: POST only). */
    methodStatus: number
    /** The error this API answers where the RFC's is `rfcError` (a declared difference), if it differs. */
    errorFor?(rule: Rule, rfcError: string, caseName: string): string | undefined
  }
  /** RFC 7009, or null without a revocation endpoint; how a wrong secret is refused there (RFC: invalid_client). */
  revocation: { foreignToken: 'ignored' | 'refused'; revokes: 'grant' | 'token'; wrongSecret: { status: number; error: string } } | null
  /** The resource server: an identity call, a call the flows' scope allows, one it does not, and the refusals. */
  resource: {
    identity: string
    /** Whether an identity answer is about this user (the role's fields). */
    isUser(json: unknown, user: Record<string, string>): boolean
    granted(target: Target): string
    /** An operation needing `scope`, which `scopes.ask` lacks. */
    scoped(target: Target): { path: string; scope: string }
    refusals: { unauthenticated: ResourceRefusal; invalidToken: ResourceRefusal; insufficientScope(scope: string): ResourceRefusal }
    /** Headers every answer of the resource server carries (Frame.io's rate-limit headers). */
    everyAnswer?: Record<string, RegExp>
  }
}

/** The requirement IDs a rule's check decides for an API: its own and the API's also-decided ones. */
export function idsOf(api: OAuth2Api, rule: Rule): string[] {
  return [`${api.prefix}-OAUTH2-${rule}`, ...(api.alsoDecides?.[rule] ?? [])]
}

/** The requirement IDs of several rules (a test's tags), skipped rules left out. */
export function tagsOf(api: OAuth2Api, rules: readonly Rule[]): string[] {
  return [...new Set(rules.filter((r) => !skipOf(api, r)).flatMap((r) => idsOf(api, r)))]
}

/** Why an API skips a rule (n/a), if it does. */
export function skipOf(api: OAuth2Api, rule: Rule): string | undefined {
  const d = api.differences?.[rule]
  return d && 'skip' in d ? `${api.prefix}-OAUTH2-${rule} (${RULES[rule]}) does not apply: ${d.skip}` : undefined
}

/** A check's name with the API's declared difference, where it departs from the RFC. */
export function named(api: OAuth2Api, rule: Rule, name: string): string {
  const d = api.differences?.[rule]
  return d && 'departs' in d ? `${name} (departs from ${RULES[rule]}: ${d.departs})` : name
}
