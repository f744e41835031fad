import { json } from '../core/http.ts'
import { tokenCheck } from './authenticate.ts'
import { bind, type GoStruct } from './body.ts'
import { apiError, requireOffer } from './errors.ts'
import { ulid, uuid } from './ids.ts'
import { JSON_TYPE } from './negotiate.ts'
import { permitsAny } from './scopes.ts'
import type { App, GtsState } from './state.ts'
import { OOB, parseError } from './urls.ts'

/**
 * `POST /api/v1/apps` (`internal/api/client/apps/appcreate.go:80-155`, `internal/processing/application/create.go`):
 * 1. v0.19: a *valid* bearer token must permit `write:applications` (403), and makes the app the user's; an
 *    unknown token is ignored. v0.18 ignores any token.
 * 2. Accept must allow JSON (406). 3. Bind (form, multipart, JSON; URL query too for forms).
 * 4. `client_name` required (v0.18: `redirect_uris` too) — the validator's text, one line per field.
 * 5. Lengths in runes: client_name, scopes, website ≤ 1024, redirect_uris ≤ 2056.
 * 6. v0.19: redirect_uris split on `\n`, trimmed, parsed, de-duplicated; none given → the OOB URI. v0.18 keeps the
 *    raw string. 7. scopes stored verbatim, default `read`.
 * 8. 200 with the client secret (`Cache-Control: no-store`, the /api group's).
 */
export const VAPID_KEY = 'BEx1k3qsX0mW2pXGkQkR1yJpQe7wQm8uR0H9n8KcTt3nq0m8kqk2r2J3bS0u9D0q3m6fM1x2dZ3pQ4vR5sT6uW7='

const STRUCT: GoStruct = {
  name: 'ApplicationCreateRequest',
  type: 'model.ApplicationCreateRequest',
  fields: ['client_name', 'redirect_uris', 'scopes', 'website'],
}

const LIMITS = [
  ['client_name', 1024],
  ['redirect_uris', 2056],
  ['scopes', 1024],
  ['website', 1024],
] as const

export async function createApplication(request: Request, state: GtsState): Promise<Response> {
  const { traits, mutants } = state
  const caller = tokenCheck(request, state)
  if (traits.currentApps && caller.token && !mutants.has('app-token-scope-unchecked') && !permitsAny(caller.token.record.scopes, ['write:applications'])) {
    throw apiError(403, ['token has insufficient scope permission'])
  }
  requireOffer(request, JSON_TYPE)
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (mutants.has('app-json-only') && type !== 'application/json') throw apiError(400, ['only JSON bodies are accepted'])
  const bound = await bind(request, mutants.has('redirect-uris-array-accepted') ? { ...STRUCT, arrays: ['redirect_uris'] } : STRUCT)
  if (!bound.ok) throw apiError(400, [bound.message])
  const f = bound.fields
  const required = [['client_name', 'ClientName'], ...(traits.currentApps ? [] : [['redirect_uris', 'RedirectURIs']])] as const
  const missing = required.filter(([field]) => !f.get(field) && !(field === 'client_name' && mutants.has('app-name-optional')))
  if (missing.length) throw apiError(400, [missing.map(([, go]) => `Key: 'ApplicationCreateRequest.${go}' Error:Field validation for '${go}' failed on the 'required' tag`).join('\n')])
  for (const [field, max] of LIMITS) {
    const length = [...(f.get(field) ?? '')].length
    if (length > max) throw apiError(400, [`${field} must be less than ${max} characters, provided ${field} was ${length} characters`])
  }
  const raw = f.get('redirect_uris') ?? ''
  let redirectUris: string[]
  if (traits.currentApps) {
    redirectUris = []
    for (const line of raw === '' ? [OOB] : raw.split('\n')) {
      const uri = line.trim()
      if (!uri) continue
      const error = parseError(uri)
      if (error) throw apiError(400, [`error parsing redirect URI: ${error}`])
      if (!redirectUris.includes(uri)) redirectUris.push(uri)
    }
    if (redirectUris.length === 0) throw apiError(400, ['no redirect URIs left after trimming space'])
  } else {
    redirectUris = [raw]
  }
  const now = state.clock.now()
  const app: App = {
    id: ulid(now),
    clientId: ulid(now),
    clientSecret: uuid(),
    name: f.get('client_name') || 'unnamed',
    website: f.get('website') || undefined,
    redirectRaw: traits.currentApps ? redirectUris.join('\n') : raw,
    redirectUris,
    scopes: f.get('scopes') || (mutants.has('app-default-scope-write') ? 'read write' : 'read'),
    createdAt: now,
    managedBy: traits.currentApps ? caller.user?.id : undefined,
  }
  state.apps.set(app.clientId, app)
  return json(applicationJson(app, state), 200, { 'content-type': JSON_TYPE, ...(mutants.has('app-secret-cacheable') ? { 'cache-control': 'public, max-age=600' } : {}) })
}

/** The Application as registration answers it (`internaltofrontend.go:645-668`; v0.18: `:619-634`). */
export function applicationJson(app: App, state: GtsState): Record<string, unknown> {
  const current = state.traits.currentApps
  return {
    id: app.id,
    ...(current ? { created_at: new Date(app.createdAt).toISOString() } : {}),
    name: app.name,
    ...(app.website ? { website: app.website } : {}),
    ...(state.mutants.has('app-singular-redirect-dropped') ? {} : { redirect_uri: app.redirectRaw }),
    ...(current ? { redirect_uris: app.redirectUris } : {}),
    client_id: app.clientId,
    client_secret: app.clientSecret,
    vapid_key: VAPID_KEY,
    ...(current ? { scopes: app.scopes.split(' ') } : {}),
  }
}
