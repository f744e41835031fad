import type { Target } from '../../../harness/index.ts'
import type { Answer, Transport } from '../transport.ts'
import { RULES, type Difference, type Rule } from './rules.ts'

/** What a refusal at the resource server must be, exactly: status, `WWW-Authenticate` (null: absent) and body. */
export interface ResourceRefusal {
  status: number
  /** The `WWW-Authenticate` header (null: none); expected, exactly, or as a pattern (`bearerChallenge`: compared parsed). */
  challenge: string | RegExp | null
  /** The body byte for byte, parsed as JSON when it is JSON (key order free). */
  body: unknown
}

/** A client as targets.yaml describes it, or as the suite registered it (`secret` absent: a public client). */
export interface Client {
  id: string
  secret?: string
  redirectUri: string
}

/** The roles a suite's clients play (`OAuth2Api.roles`, the user aside). */
export type ClientRole = 'confidential' | 'public' | 'other' | 'tenant' | 'loopback'

/** The transports and URLs of a test's flow, as the API's hooks see them (by shape: flow.ts imports this file). */
export interface FlowView {
  recorded: Transport
  prep: Transport
  target: Target
  /** A plain transport with a cookie jar of its own (a fresh browser), outside the evidence. */
  fresh(): Transport
  url(path: string): string
  readonly user: Record<string, string>
}

/**
 * How an API answers an authorization request where it departs from the RFC (a declared difference): the request
 * is `accepted` (a code reaches the requested redirect URI), an error goes by `redirect` (to the registered or the
 * requested redirect URI), or a `page` with its status is shown.
 */
export type Outcome = { accepted: true } | { redirect: string; to: 'registered' | 'requested' } | { page: number }

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
  /**
   * Parameters that differ between the API's profiles (release lines): merged over the others for a test that runs
   * under that profile. Requirements that do not hold in a profile (the catalogue's `profiles`) are not judged there.
   */
  byProfile?: Record<string, Partial<Omit<OAuth2Api, 'byProfile' | 'prefix'>>>
  /**
   * An API whose clients register themselves (GoToSocial's POST /api/v1/apps): the clients of a test, registered
   * through `flow.prep`, instead of targets.yaml's roles.
   */
  register?(flow: FlowView): Promise<Partial<Record<ClientRole, Client>>>
  /** A parameter sent twice: refused (RFC 6749 §3.1, §3.2: the default), or read as its first value (a declared difference). */
  duplicates?: 'refused' | 'first'
  /** redirect_uri is required at the authorization endpoint even for a client with one registered URI (AUTHZ-REDIRECT-OMITTED departs). */
  redirectUriRequired?: boolean
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
    /** A client registered with a loopback redirect URI (RFC 8252 §7.3), where it is not the public one. */
    loopback?: string
  }
  /** How a target names a role's client where it may not (the variables to set): part of the skip reason without it. */
  roleHints?: Partial<Record<ClientRole, string>>
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
    /**
     * The statuses the authorization endpoint's own redirects (its GET, back to the client with an error) may have,
     * where more than `redirectStatus` keeps the rule (RFC 6749 §4.1.2.1's own example answers 302).
     */
    authorizeStatuses?: readonly number[]
    /** An out-of-band page that shows the code (GoToSocial's `/oauth/oob`): its path and the code's selector. */
    oob?: { path: string; selector: string }
    /** The session ends with each flow: a second authorization request signs in again (then the same rules hold). */
    signInEveryFlow?: boolean
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
    answer?(query: string, flow: FlowView): Promise<Answer>
    /** How the API answers a case where it departs (its declared difference), by rule and case name; undefined: as the RFC says. */
    departure?(rule: Rule, caseName: string): Outcome | undefined
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
  /**
   * PKCE (RFC 7636). Without it, declare the PKCE rules skipped: the suite then sends no PKCE parameter — unless the
   * server `ignored` them (drops the parameters: every misuse is accepted, a declared difference the suite checks).
   */
  pkce: { supported: boolean; requiredForPublic: boolean; ignored?: boolean }
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
  own?: { refreshIff?: string; publicNoSecret?: string; publicNoHeader?: string; callbackScope?: string; revokeForeign?: string }
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
    /** The `Cache-Control` refusals carry where it is not `no-store` (a refusal holds no credential: a declared difference). */
    errorCacheControl?: string
    /** A GET on the token endpoint answered by the router, not as an OAuth error: its content type and body (Allow: POST). */
    methodRefusal?: { contentType: string; body: string }
  }
  /** RFC 7009, or null without a revocation endpoint; how a wrong secret is refused there (RFC: invalid_client). */
  revocation: {
    foreignToken: 'ignored' | 'refused'
    revokes: 'grant' | 'token'
    wrongSecret: { status: number; error: string }
    /** The 200's body and Cache-Control, where they are not empty and `no-store`. */
    ok?: { body: string; cacheControl: string }
  } | null
  /** The resource server: an identity call, a call the flows' scope allows, one it does not, and the refusals. */
  resource: {
    identity: string
    /** Whether an identity answer is about this user (the role's fields). */
    isUser(json: unknown, user: Record<string, string>): boolean
    granted(target: Target): string
    /** An operation needing `scope`, which `scopes.ask` lacks. */
    scoped(target: Target): { path: string; scope: string }
    refusals: { unauthenticated: ResourceRefusal; invalidToken: ResourceRefusal; insufficientScope(scope: string): ResourceRefusal }
    /** `exact`: the scheme is matched case-sensitively, so `bearer <token>` is an invalid token (BEARER-SCHEME-CASE departs). */
    schemeCase?: 'insensitive' | 'exact'
    /** Headers every answer of the resource server carries (Frame.io's rate-limit headers). */
    everyAnswer?: Record<string, RegExp>
  }
}

/** The parameters of an API under one profile: `byProfile`'s entry merged over the rest. */
export function forProfile(api: OAuth2Api, profile: string): OAuth2Api {
  const own = api.byProfile?.[profile]
  return own ? { ...api, ...own } : api
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
