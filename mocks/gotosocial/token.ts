import { decodeBasic } from '../core/authorization.ts'
import { json } from '../core/http.ts'
import { bind, type GoStruct } from './body.ts'
import { ADVICE, oauthFailure, requireOffer } from './errors.ts'
import { authorizationCodeGrant, clientCredentialsGrant, passwordGrant, type GtsGrant, type Issued } from './grants.ts'
import { JSON_TYPE } from './negotiate.ts'
import type { GtsState } from './state.ts'

/**
 * `POST /oauth/token` (`internal/api/auth/token.go`, `internal/oauth/server.go:148-199`), in upstream's order:
 * 1. Accept must allow JSON (406, an API error).
 * 2. Bind form, multipart or JSON (`tokenRequestForm`: grant_type, code, redirect_uri, client_id, client_secret,
 *    scope — nothing else survives, so `code_verifier` is dropped and HTTP Basic is never read).
 * 3. Presence, every failure listed: grant_type, client_id, client_secret, redirect_uri (both grants), code for
 *    authorization_code (and not with another grant). A field sent empty counts as present.
 * 4. grant_type other than authorization_code and client_credentials → unsupported_grant_type.
 * 5. client_id empty → invalid_client; authorization_code with code or redirect_uri empty → invalid_request.
 * 6. The grant (grants.ts). 200 `{access_token, created_at, [expires_in], [scope], token_type: "Bearer"}` with
 *    `Cache-Control: no-store` and `Pragma: no-cache` (error answers keep the group's `private, max-age=120`).
 */
const STRUCT: GoStruct = {
  name: 'tokenRequestForm',
  type: 'auth.tokenRequestForm',
  fields: ['grant_type', 'code', 'redirect_uri', 'client_id', 'client_secret', 'scope'],
}

const GRANTS: readonly GtsGrant[] = [authorizationCodeGrant, clientCredentialsGrant]

const GRANT_ADVICE =
  'If you arrived at this error during a sign in/oauth flow, your client is trying to use an unsupported OAuth grant type. Supported grant types are: authorization_code, client_credentials; please reach out to developer of your client'

export async function tokenEndpoint(request: Request, state: GtsState): Promise<Response> {
  const { mutants } = state
  requireOffer(request, JSON_TYPE)
  const bound = await bind(request, mutants.has('password-grant-accepted') ? { ...STRUCT, fields: [...STRUCT.fields, 'username', 'password'] } : STRUCT)
  if (!bound.ok) throw oauthFailure(400, 'invalid_request', [bound.message])
  const fields = bound.fields
  if (mutants.has('basic-client-auth')) fromBasic(request, fields)
  const grantType = fields.get('grant_type')
  const help: string[] = []
  if (grantType === undefined) help.push('grant_type was not set in the token request form, but must be set to authorization_code or client_credentials')
  if (!fields.has('client_id')) help.push('client_id was not set in the token request form')
  if (!fields.has('client_secret')) help.push('client_secret was not set in the token request form')
  if (!fields.has('redirect_uri') && !mutants.has('token-redirect-optional')) help.push('redirect_uri was not set in the token request form')
  if (fields.has('code')) {
    if (grantType !== 'authorization_code') help.push('a code was provided in the token request form, but grant_type was not set to authorization_code')
  } else if (grantType === 'authorization_code') help.push('code was not set in the token request form, but must be set since grant_type is authorization_code')
  if (help.length) throw oauthFailure(400, 'invalid_request', help)
  if (!fields.has('redirect_uri')) fields.set('redirect_uri', '')

  const grant = GRANTS.find((g) => g.type === grantType) ?? (grantType === 'password' && mutants.has('password-grant-accepted') ? passwordGrant : undefined)
  if (!grant) throw oauthFailure(400, 'unsupported_grant_type', ['could not validate token request', 'unsupported_grant_type', GRANT_ADVICE])
  if (fields.get('client_id') === '') throw oauthFailure(400, 'invalid_client', ['could not validate token request', 'invalid_client', ADVICE])
  if (grant.type === 'authorization_code' && (fields.get('code') === '' || fields.get('redirect_uri') === '')) {
    throw oauthFailure(400, 'invalid_request', ['could not validate token request', 'invalid_request', ADVICE])
  }
  const issued = await grant.handle(fields, state)
  const headers: Record<string, string> = { 'content-type': JSON_TYPE }
  if (!mutants.has('token-response-cacheable')) Object.assign(headers, { 'cache-control': 'no-store', pragma: 'no-cache' })
  return json(tokenBody(issued), 200, headers)
}

/** The body in Go's map order (keys sorted); `expires_in` only when positive, `scope` only when not empty. */
export function tokenBody(issued: Issued): Record<string, unknown> {
  return {
    access_token: issued.accessToken,
    created_at: Math.floor(issued.issuedAt / 1000),
    ...(issued.expiresIn ? { expires_in: issued.expiresIn } : {}),
    ...(issued.scope ? { scope: issued.scope } : {}),
    token_type: 'Bearer',
  }
}

/** The `basic-client-auth` defect: client credentials read from an HTTP Basic header too. */
function fromBasic(request: Request, fields: Map<string, string>): void {
  const header = request.headers.get('authorization') ?? ''
  const decoded = header.startsWith('Basic ') ? decodeBasic(header.slice(6), { percentDecode: true }) : undefined
  if (decoded && !fields.has('client_id')) fields.set('client_id', decoded.user)
  if (decoded && !fields.has('client_secret')) fields.set('client_secret', decoded.password)
}
