import { ApiError, type ErrorFields } from '../core/errors.ts'

/**
 * The OAuth 2.0 error codes as data (`ApiError` values), named after the RFCs; where they go — a page, a
 * redirect with `error=`, a §5.2 JSON body — is decided by the endpoint and rendered by an envelope.
 * - RFC 6749 §4.1.2.1 (authorization endpoint) and §5.2 (token endpoint): 400, except `invalid_client`, which is
 *   401 here (§5.2: "MAY return an HTTP 401"; MUST with a `WWW-Authenticate` when the client used a header).
 * - RFC 7009 §2.2.1: `unsupported_token_type`. Hydra's `invalid_state` (state shorter than 8 characters).
 * - Descriptions are fixed ASCII text (§5.2: "%x20-21 / %x23-5B / %x5D-7E"): nothing the client sent is repeated.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_state'
  | 'unsupported_token_type'

/** Default descriptions, as fosite words them where it has one. */
const DESCRIPTIONS: Record<OAuthErrorCode, string> = {
  invalid_request: 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  invalid_client: 'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
  invalid_grant:
    'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unauthorized_client: 'The client is not authorized to request a token using this method.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  access_denied: 'The resource owner or authorization server denied the request.',
  unsupported_response_type: 'The authorization server does not support obtaining a token using this method.',
  invalid_state: 'The state is missing or does not have enough characters and is therefore considered too weak.',
  unsupported_token_type: 'The authorization server does not support the revocation of the presented token type.',
}

/**
 * @example throw oauthError('invalid_grant', 'The authorization code has already been used.')
 */
export function oauthError(code: OAuthErrorCode, hint?: string, extra: Partial<ErrorFields> = {}): ApiError {
  const detail = hint ? `${DESCRIPTIONS[code]} ${hint}` : DESCRIPTIONS[code]
  return new ApiError({ status: code === 'invalid_client' ? 401 : 400, code, detail, ...extra })
}
