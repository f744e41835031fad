import { json } from '../core/http.ts'
import { requireUser, tokenCheck } from './authenticate.ts'
import { apiError, requireOffer } from './errors.ts'
import { ulid } from './ids.ts'
import { accountJson, instanceJson, NODEINFO_SCHEMA, nodeinfoJson, originOf, statusJson } from './model.ts'
import { JSON_TYPE } from './negotiate.ts'
import type { GtsState, StatusRecord } from './state.ts'

/**
 * The first calls a Mastodon client makes, with the token and without:
 * - `GET /api/v1/accounts/verify_credentials` (`accountverify.go:57-80`): a user token permitting `profile` or
 *   `read:accounts` (v0.19), then Accept JSON; the token's account with `source`.
 * - `POST /api/v1/statuses` (`statuscreate.go:263-442`): `write:statuses` (v0.19); JSON, form or multipart only —
 *   anything else, none included, is 406; no text (nor media, nor poll) → 400; over 5000 characters → 400; 200
 *   (not 201) with the Status.
 * - `GET /api/v1/instance`, `/.well-known/nodeinfo`, `/nodeinfo/{2.0,2.1}`: public (any credential or none).
 */
export function verifyCredentials(request: Request, state: GtsState): Response {
  const caller = requireUser(tokenCheck(request, state), ['profile', 'read:accounts'], state)
  requireOffer(request, JSON_TYPE)
  const account = state.mutants.has('verify-wrong-user') ? state.fixtures.accounts[0]! : caller.account
  return json(accountJson(account, state, originOf(request), true), 200, { 'content-type': JSON_TYPE })
}

const STATUS_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']

export async function createStatus(request: Request, state: GtsState): Promise<Response> {
  const caller = requireUser(tokenCheck(request, state), ['write:statuses'], state)
  requireOffer(request, JSON_TYPE)
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  let fields: Record<string, unknown>
  if (STATUS_TYPES.includes(type)) fields = await statusFields(request, type)
  else if (state.mutants.has('status-query-accepted')) fields = Object.fromEntries(new URL(request.url).searchParams)
  else throw apiError(406, [`content-type ${type} not supported for this endpoint; supported content-types are ${STATUS_TYPES.join(', ')}`])
  const text = typeof fields.status === 'string' ? fields.status : ''
  const spoiler = typeof fields.spoiler_text === 'string' ? fields.spoiler_text : ''
  if (!text && !spoiler) throw apiError(400, ['status contains no text, media or poll'])
  if ([...text].length + [...spoiler].length > 5000) throw apiError(400, ['text with spoiler exceed max chars (5000)'])
  const visibility = ['public', 'unlisted', 'private', 'mutuals_only', 'direct'].includes(String(fields.visibility)) ? String(fields.visibility) : 'public'
  const now = state.clock.now()
  const status: StatusRecord = {
    id: ulid(now),
    accountId: caller.account.id,
    text,
    spoilerText: spoiler,
    sensitive: fields.sensitive === true || fields.sensitive === 'true',
    visibility,
    language: typeof fields.language === 'string' && fields.language ? fields.language : 'en',
    createdAt: now,
    applicationId: caller.app.id,
  }
  state.statuses.set(status.id, status)
  return json(statusJson(status, state, originOf(request)), 200, { 'content-type': JSON_TYPE })
}

async function statusFields(request: Request, type: string): Promise<Record<string, unknown>> {
  if (type === 'application/json') {
    const text = await request.text().catch(() => '')
    try {
      const value: unknown = JSON.parse(text)
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
    } catch {
      throw apiError(400, [text.trim() ? 'unexpected EOF' : 'EOF'])
    }
    throw apiError(400, ['json: cannot unmarshal into Go value of type model.StatusCreateRequest'])
  }
  const form = type === 'multipart/form-data' ? await request.formData().catch(() => undefined) : new URLSearchParams(await request.text().catch(() => ''))
  if (!form) throw apiError(400, ['multipart: NextPart: EOF'])
  const out: Record<string, unknown> = {}
  for (const [k, v] of form) if (typeof v === 'string' && !(k in out)) out[k] = v
  return out
}

export function instanceGet(request: Request, state: GtsState): Response {
  // TokenCheck runs on every /api request (the route group's middleware); this route needs nothing of it.
  const caller = tokenCheck(request, state)
  if (state.mutants.has('instance-needs-token')) requireUser(caller, ['read'], state)
  requireOffer(request, JSON_TYPE)
  return json(instanceJson(state, originOf(request)), 200, { 'content-type': JSON_TYPE })
}

/** `/.well-known/nodeinfo`: absolute links on the instance's origin (megalodon's `detector` follows them). */
export function nodeinfoLinks(request: Request, state: GtsState): Response {
  requireOffer(request, JSON_TYPE)
  const base = state.mutants.has('nodeinfo-relative-links') ? '' : originOf(request).origin
  const links = ['2.0', '2.1'].map((v) => ({ rel: `${NODEINFO_SCHEMA}${v}`, href: `${base}/nodeinfo/${v}` }))
  return json({ links }, 200, { 'content-type': JSON_TYPE })
}

export function nodeinfoGet(request: Request, state: GtsState, version: string): Response {
  requireOffer(request, JSON_TYPE)
  if (version !== '2.0' && version !== '2.1') throw apiError(404, ['only nodeinfo 2.0 and 2.1 are supported'])
  return json(nodeinfoJson(version, state), 200, { 'content-type': `application/json; profile="${NODEINFO_SCHEMA}${version}#"` })
}
