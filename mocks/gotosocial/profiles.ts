/**
 * The two GoToSocial release lines the mock copies (helpers' profiles.md, from the source at 57cb4fe and v0.18.3):
 * - `gotosocial@0.18` (v0.18.0–v0.18.3, the line whose docs the seed quotes; the default): token scopes stored but
 *   never enforced, no `/oauth/revoke`, `redirect_uris` required, redirect URIs checked by host suffix (an OOB app
 *   accepts any URI), no scope check against the app, session errors are 400 with every missing key listed.
 * - `gotosocial@0.19` (v0.19.0 to 57cb4fe = v0.20.0-rc1+8): scopes enforced per endpoint, requested scopes capped
 *   by the app's, exact redirect URIs (several per app), `POST /oauth/revoke`, `write:applications` on registration.
 */
export const GTS_PROFILES = ['gotosocial@0.18', 'gotosocial@0.19'] as const
export type GtsProfile = (typeof GTS_PROFILES)[number]

export interface Traits {
  /** What nodeinfo and /api/v1/instance report. */
  version: string
  /** Handlers check the token's scopes (#3835). */
  scopesEnforced: boolean
  /** Authorize and client_credentials refuse scopes the app was not registered with (#3849). */
  appScopesBound: boolean
  /** Redirect URIs must equal a registered one; otherwise the host must end with the registered host. */
  exactRedirects: boolean
  /** Registration: `redirect_uris` optional, split on newlines; the answer has created_at, redirect_uris, scopes; a valid token needs write:applications (#3906). */
  currentApps: boolean
  /** `POST /oauth/revoke` exists (#3983). */
  revoke: boolean
  /** A literal `+` in the authorize `scope` separates scopes (#4028). */
  plusSeparates: boolean
  /** Error texts and statuses of the v0.19 handlers (sign-in, session, unknown client). */
  current: boolean
}

export const TRAITS: Readonly<Record<GtsProfile, Traits>> = {
  'gotosocial@0.18': {
    version: '0.18.3',
    scopesEnforced: false,
    appScopesBound: false,
    exactRedirects: false,
    currentApps: false,
    revoke: false,
    plusSeparates: false,
    current: false,
  },
  'gotosocial@0.19': {
    version: '0.19.2',
    scopesEnforced: true,
    appScopesBound: true,
    exactRedirects: true,
    currentApps: true,
    revoke: true,
    plusSeparates: true,
    current: true,
  },
}
