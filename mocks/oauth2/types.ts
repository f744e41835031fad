/**
 * The authorization server's records. Every token and code is linked to `grant:<id>` in its store, so revoking a
 * grant (code reuse, refresh replay, RFC 7009 revocation) is one `destroyLinked` per store.
 */

export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials'

/** RFC 7591 `token_endpoint_auth_method` names: Basic header, body secret, or none (a public client). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none'

export interface OAuthClient {
  id: string
  name: string
  /** Absent for a public client (RFC 6749 §2.1), which then authenticates with `none` only. */
  secret?: string
  /** Registered redirect URIs, compared as exact strings (RFC 9700 §2.1; loopback ports excepted, §4.1.3). */
  redirectUris: readonly string[]
  /** The scopes it may request. */
  scopes: readonly string[]
  grantTypes: readonly GrantType[]
  authMethods: readonly ClientAuthMethod[]
}

export interface OAuthUser {
  id: string
  name: string
  email: string
}

/** Who may sign in: the API's own user list (the core compares the password, in constant time). */
export interface UserDirectory {
  find(login: string): { user: OAuthUser; password: string } | undefined
  byId(id: string): OAuthUser | undefined
}

/** A validated authorization request waiting for sign-in and consent (Hydra's login/consent challenge). */
export interface Interaction {
  clientId: string
  /** The redirect URI the answer goes to (known good), and the value the client sent (RFC 6749 §4.1.3). */
  redirectUri: string
  redirectUriSent: string | undefined
  scopes: readonly string[]
  state: string | undefined
  /** The code challenge (RFC 7636 §4.4), when the client sent one; `plain` only under a defect. */
  challenge: string | undefined
  challengeMethod: 'S256' | 'plain' | undefined
  /** The sign-in session it belongs to, once known; consent from any other session is refused. */
  sessionId: string | undefined
}

export interface CodeRecord {
  grantId: string
  clientId: string
  userId: string
  /** Where the code was sent, and the `redirect_uri` the client sent for it (undefined when it omitted it). */
  redirectUri: string
  redirectUriSent: string | undefined
  scopes: readonly string[]
  challenge: string | undefined
  challengeMethod: 'S256' | 'plain' | undefined
  /** A redeemed code stays as a tombstone until it expires, so a second redemption finds its grant. */
  redeemed: boolean
}

export interface AccessRecord {
  grantId: string
  clientId: string
  /** null for a client's own token (`client_credentials`). */
  userId: string | null
  scopes: readonly string[]
  /** The refresh generation it was issued with; the next refresh revokes it (Hydra). */
  generation: string
}

export interface RefreshRecord {
  grantId: string
  clientId: string
  userId: string
  scopes: readonly string[]
  generation: string
  /** A used refresh token stays as a tombstone: presenting it again is a replay (RFC 9700 §4.14.2). */
  rotated: boolean
}

export interface SessionRecord {
  userId: string
  /** The session's anti-CSRF value: equal to the readable CSRF cookie, required on every state-changing POST. */
  csrf: string
}

/** What a successful grant hands the token endpoint's body builder. */
export interface IssuedTokens {
  accessToken: string
  /** Seconds; undefined when access tokens do not expire (GoToSocial). */
  expiresIn: number | undefined
  refreshToken: string | undefined
  scopes: readonly string[]
  /** When it was issued, on the instance clock (GoToSocial's `created_at`). */
  issuedAt: number
}
