import { json } from '../core/http.ts'
import { safeEqual } from '../core/random.ts'
import { bind, type GoStruct } from './body.ts'
import { apiError, oauthFailure, requireOffer } from './errors.ts'
import { JSON_TYPE } from './negotiate.ts'
import type { GtsState } from './state.ts'

/**
 * `POST /oauth/revoke` — v0.19 only (`internal/api/auth/revoke.go:77-130`, `internal/oauth/server.go:344-414`):
 * 1. Accept must allow JSON (406). 2. Bind with form tags only: a JSON body binds `token` (encoding/json matches the
 *    Go field name `Token` case-insensitively) but never `client_id`/`client_secret`. A bind error is an API error.
 * 3. token, client_id, client_secret must be non-empty, in that order: 400 invalid_request `<field> not set`.
 * 4. An unknown, revoked or expired token: 200 `{}` (idempotent). 5. A token of another client, or a wrong
 *    secret: 403 unauthorized_client. 6. The access token only is deleted (user or app token alike): 200 `{}`.
 * In v0.18 the route does not exist (404).
 */
const STRUCT: GoStruct = {
  name: 'revokeForm',
  type: 'struct { ClientID string "form:\\"client_id\\""; ClientSecret string "form:\\"client_secret\\""; Token string "form:\\"token\\"" }',
  fields: ['client_id', 'client_secret', 'token'],
  json: { token: 'token', clientid: 'client_id', clientsecret: 'client_secret' },
}

export async function revokeEndpoint(request: Request, state: GtsState): Promise<Response> {
  const { mutants } = state
  requireOffer(request, JSON_TYPE)
  const bound = await bind(request, mutants.has('revoke-json-accepted') ? { ...STRUCT, json: undefined } : STRUCT)
  if (!bound.ok) throw apiError(400, [bound.message])
  for (const field of ['token', 'client_id', 'client_secret']) {
    if (!bound.fields.get(field)) throw oauthFailure(400, 'invalid_request', [`${field} not set`])
  }
  const token = bound.fields.get('token')!
  const record = state.oauth.accessTokens.find(token)
  const ok = () => json({}, 200, { 'content-type': JSON_TYPE })
  if (!record) return ok()
  const app = state.apps.get(record.clientId)
  const mine = record.clientId === bound.fields.get('client_id') && app !== undefined && safeEqual(bound.fields.get('client_secret')!, app.clientSecret)
  if (!mine && !mutants.has('revoke-foreign-allowed')) throw oauthFailure(403, 'unauthorized_client', ['You are not authorized to revoke this token'])
  if (!mutants.has('revoked-token-works')) state.oauth.accessTokens.destroy(token)
  return ok()
}
