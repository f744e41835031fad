/**
 * The shared OAuth 2.0 authorization server (RFC 6749, 6750, 7009, 7636, 9700), built with Frame.io and reused by
 * GoToSocial. An API supplies its policy (values: lifetimes, scopes, refresh, code reuse) and composes the rest:
 * its authorize check table, its grants, its pages and envelopes (see context.ts, policy.ts).
 */
export { createAuthorizationServer, guarded, type AuthorizationServer } from './server.ts'
export type { AuthorizationServerConfig, AuthorizeCheck, AuthorizeRequest, GrantModule, ServerContext } from './context.ts'
export { exactScopes, prefixScopes, type OAuth2Policy, type ScopeRules } from './policy.ts'
export type { OAuthClient, OAuthUser, UserDirectory, GrantType, ClientAuthMethod, AccessRecord, IssuedTokens } from './types.ts'
export { oauthError, type OAuthErrorCode } from './errors.ts'
export { OAUTH2_MUTANTS, sharedMutants, type OAuth2Mutant, type OAuth2Mutants } from './mutants.ts'
// authorize checks, in the order an API usually lists them
export { checkClient } from './authorize/check-client.ts'
export { checkRedirectUri } from './authorize/check-redirect-uri.ts'
export { checkDuplicates, checkResponseType } from './authorize/check-parameters.ts'
export { checkScope } from './authorize/check-scope.ts'
export { checkPkce } from './authorize/check-pkce.ts'
export { checkState } from './authorize/check-state.ts'
export { redirectError } from './authorize/authorize.ts'
// grants
export { authorizationCodeGrant } from './grants/authorization-code.ts'
export { refreshTokenGrant } from './grants/refresh-token.ts'
export { clientCredentialsGrant } from './grants/client-credentials.ts'
// the token side
export { tokenErrorEnvelope } from './token/envelope.ts'
export { rfc6749TokenBody } from './issue.ts'
export { findAccessToken, covers } from './bearer.ts'
export { page, securityHeaders, CSRF_FIELD } from './interaction/pages.ts'
export { formOf } from './interaction/login.ts'
export { maskCsrf } from './interaction/session.ts'
export { randomValue } from './state.ts'
