import type { ApiError, Envelope } from '../core/errors.ts'
import type { Params } from './params.ts'
import type { OAuth2State } from './state.ts'
import type { GrantType, IssuedTokens, OAuthClient } from './types.ts'

/**
 * How an API assembles its authorization server from the core's parts. The policy (state.policy) holds the
 * values; these are the parts that differ in shape between Frame.io and GoToSocial.
 */
export interface AuthorizationServerConfig {
  /** Shown on the login, consent and error pages. */
  brand: string
  paths: { login: string; consent: string; logout: string; afterLogin: string }
  cookies: { session: string; csrf: string }
  /** The authorization endpoint's checks; their order is the error precedence (see authorize/authorize.ts). */
  authorizeChecks: readonly AuthorizeCheck[]
  /** Where an authorization error goes once the redirect URI is known good: `redirectError` (RFC 6749 §4.1.2.1) or a page. */
  authorizeError(error: ApiError, request: AuthorizeRequest, ctx: ServerContext): Response
  /** The grant registry: the token endpoint dispatches on `grant_type` and never changes when one is added. */
  grants: readonly GrantModule[]
  /** Also read a JSON body at the token and revocation endpoints (GoToSocial). */
  acceptJson?: boolean
  /** The RFC 6749 §5.1 body in the API's spelling (`rfc6749TokenBody` for Frame.io). */
  tokenBody(issued: IssuedTokens): Record<string, unknown>
  /** Renders token and revocation endpoint errors (RFC 6749 §5.2 JSON: `tokenErrorEnvelope`). */
  tokenEnvelope: Envelope
  /** Another client's token: 200 and nothing revoked (RFC 7009 as Hydra reads it) or 403 `unauthorized_client`. */
  revocation: { foreignToken: 'ignore' | 'refuse'; revokes: 'grant' | 'token' }
}

export interface ServerContext {
  state: OAuth2State
  config: AuthorizationServerConfig
}

/** An authorization request as the checks fill it in. */
export interface AuthorizeRequest {
  params: Params
  client?: OAuthClient
  /** Set by the redirect URI check: from here on errors are redirected. */
  redirectUri?: string
  scopes: readonly string[]
  challenge?: string
  challengeMethod?: 'S256' | 'plain'
}

export interface AuthorizeCheck {
  name: string
  /** `page`: the redirect URI is not known good yet, so the error is shown, never redirected (RFC 6749 §4.1.2.1). */
  kind: 'page' | 'redirect'
  /** Throws the refusal (an `oauthError`). */
  run(request: AuthorizeRequest, ctx: ServerContext): void
}

export interface GrantModule {
  type: GrantType | 'password'
  /** The parameters it reads (documentation; unknown ones are ignored, RFC 6749 §3.2). */
  params: readonly string[]
  handle(params: Params, client: OAuthClient, ctx: ServerContext): IssuedTokens | Promise<IssuedTokens>
}
