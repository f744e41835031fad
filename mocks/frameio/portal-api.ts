import { json, NO_STORE, readBody } from '../core/http.ts'
import { createDeveloperToken, deleteDeveloperToken, listDeveloperTokens, tokenView } from './developer-tokens.ts'
import { frameioErrors } from './errors.ts'
import { portalUser } from './portal-auth.ts'
import type { FrameioState } from './state.ts'

/**
 * The Tokens screen as JSON (the mock's rendering of the portal; no public API exists):
 * - `GET /developer/api/tokens` → 200, the caller's tokens, descriptions and scopes only.
 * - `POST /developer/api/tokens {description, scopes}` → 201 with `token` (the only answer that ever has it),
 *   `Location`, `Cache-Control: no-store`; invalid → 422; nothing created.
 * - `DELETE /developer/api/tokens/{id}` → 204; another user's or unknown → 404.
 * The caller and CSRF: portal-auth.ts.
 */
export function listTokens(request: Request, state: FrameioState): Response {
  const user = portalUser(request, state, undefined)
  return json(listDeveloperTokens(state, user.id).map(tokenView), 200, NO_STORE)
}

export async function createToken(request: Request, state: FrameioState): Promise<Response> {
  const user = portalUser(request, state, { supplied: request.headers.get('x-csrf-token') ?? undefined })
  const body = await readBody(request)
  if (body.kind !== 'json' || !body.value || typeof body.value !== 'object' || Array.isArray(body.value)) throw frameioErrors.badRequest('The request body must be a JSON object.')
  const fields = body.value as Record<string, unknown>
  const { record, token } = createDeveloperToken(state, user.id, { description: fields.description, scopes: fields.scopes })
  // The `devtoken-create-cacheable` defect: the one answer that holds the token may be cached.
  return json({ ...tokenView(record), token }, 201, { ...(state.mutants.has('devtoken-create-cacheable') ? {} : NO_STORE), location: `/developer/api/tokens/${record.id}` })
}

export function deleteToken(request: Request, state: FrameioState, id: string): Response {
  const user = portalUser(request, state, { supplied: request.headers.get('x-csrf-token') ?? undefined })
  deleteDeveloperToken(state, user.id, id)
  return new Response(null, { status: 204 })
}
