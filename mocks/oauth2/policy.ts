import type { OAuthClient } from './types.ts'

/**
 * What the authorization servers of the APIs differ in, as values. Behaviour that differs in shape (the
 * authorize checks, the grants offered, the pages, the token body, where authorize errors go) is composed from
 * parts instead: see `AuthorizationServerConfig` in server.ts.
 *
 * | Field | Frame.io | GoToSocial |
 * | --- | --- | --- |
 * | lifetimes.code | 600 s (Hydra `ttl.auth_code`) | 600 s (go-oauth2 `DefaultCodeExp`) |
 * | lifetimes.accessToken | 3600 s | undefined (never expires) |
 * | refreshIssued | `offline` granted | absent (no refresh tokens) |
 * | codeReuseRevokesGrant | true (RFC 9700 §4.2.4, fosite) | false |
 * | failedExchangeBurnsCode | false (fosite) | false |
 * | scopes.covers | exact | `read` ⊇ `read:*` |
 */
export interface OAuth2Policy {
  /** The realm of `WWW-Authenticate: Basic` on invalid_client (RFC 6749 §5.2). */
  realm: string
  /** Seconds. `accessToken` undefined: access tokens never expire and `expires_in` is not sent. */
  lifetimes: { code: number; accessToken: number | undefined; refreshToken: number; interaction: number; session: number }
  scopes: ScopeRules
  /** Whether a grant of these scopes to this client also gets a refresh token; absent: never. */
  refreshIssued?(scopes: readonly string[], client: OAuthClient): boolean
  /** A second redemption of a code revokes every token the first one issued (RFC 9700 §4.2.4 SHOULD). */
  codeReuseRevokesGrant: boolean
  /** A refused exchange uses the code up (GoToSocial upstream deletes before its last check; neither API does). */
  failedExchangeBurnsCode: boolean
  /** The success redirect carries the granted `scope` too (Hydra does; RFC 6749 §4.1.2 does not ask for it). */
  redirectCarriesScope: boolean
}

export interface ScopeRules {
  /** Every scope the server knows; anything else is `invalid_scope`. */
  known: readonly string[]
  /** What an authorization request without `scope` gets (RFC 6749 §3.3). */
  defaults: readonly string[]
  /** Whether the granted scopes allow an operation that needs `needed`. */
  covers(granted: readonly string[], needed: string): boolean
}

/** Scopes that imply nothing: `asset.create` is not `asset.read` (Frame.io's resource.action scopes). */
export const exactScopes = (granted: readonly string[], needed: string): boolean => granted.includes(needed)

/** `read` covers `read:accounts` (Mastodon's scopes, which GoToSocial follows); `write` does not cover `read`. */
export const prefixScopes = (granted: readonly string[], needed: string): boolean =>
  granted.some((g) => g === needed || (needed.startsWith(`${g}:`) && !g.includes(':')))
