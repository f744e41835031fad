import { json, NO_STORE, readBody } from '../core/http.ts'
import { randomString } from '../core/random.ts'
import { ROLES } from './fixtures.ts'
import type { Principal } from './model.ts'
import { expandScopes, requireRole } from './principal.ts'
import { forbidden, notFound, problem, validation } from './errors.ts'
import { viewToken, type ExceptionlessState, type TokenRecord } from './state.ts'

/**
 * Token endpoints (`Api/Endpoints/TokenEndpoints.cs`, `Api/Handlers/TokenHandler.cs`): all need the `user`
 * role AND a user principal — an API key, even one with `user` scope, gets 403 "Token authentication cannot
 * create tokens." (test `PreventAccessTokenForTokenActions`). Projects outside the caller's organizations are 404.
 */
export function requireTokenAdmin(principal: Principal, state: ExceptionlessState, action: 'access' | 'create' | 'update' | 'delete' = 'create'): void {
  if (state.mutants.has('api-key-manages-tokens') && principal.kind === 'token') return
  requireRole(principal, 'user')
  // 8.7+ names the action (`Api/Handlers/TokenHandler.cs`); 8.5's controller returns a bare Forbidden().
  if (principal.kind === 'token') throw forbidden(state.profile === 'exceptionless@8.5' ? 'Forbidden' : `Token authentication cannot ${action} tokens.`)
}

/** A project of the caller's organizations (or any, for a global admin); else 404 "Project not found." (GetProjectAsync). */
export function accessibleProject(projectId: string, principal: Principal, state: ExceptionlessState) {
  const project = state.projects.get(projectId)
  if (!project) throw notFound('Project not found.')
  if (!principal.organizationIds.includes(project.organization_id) && !principal.roles.has('global') && !state.mutants.has('cross-org-tokens')) throw notFound('Project not found.')
  return project
}

/** `CanAddAsync`: lower-case; unknown → 422; `global` needs a global caller; empty → `client`; implication applied. */
function checkScopes(raw: unknown, principal: Principal, state: ExceptionlessState): string[] {
  if (raw === undefined || raw === null) return expandScopes(['client'], state)
  if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string')) throw validation({ scopes: ['Invalid token scope requested.'] })
  const scopes = state.mutants.has('scope-case-kept') ? (raw as string[]) : (raw as string[]).map((s) => s.toLowerCase())
  if (scopes.length === 0) return expandScopes(['client'], state)
  // `source-maps:write` is a scope from 8.7 on (AuthorizationRoles.AllScopes).
  const known = new Set<string>(ROLES.filter((r) => r !== 'source-maps:write' || state.profile !== 'exceptionless@8.5'))
  const isKnown = (s: string) => known.has(state.mutants.has('scope-case-kept') ? s.toLowerCase() : s)
  if (!state.mutants.has('unknown-scope-accepted') && !scopes.every(isKnown)) throw validation({ scopes: ['Invalid token scope requested.'] })
  if (scopes.includes('global') && !principal.roles.has('global')) throw validation({ scopes: ['Invalid token scope requested.'] })
  return expandScopes(scopes, state)
}

async function objectBody(request: Request): Promise<Record<string, unknown>> {
  const body = await readBody(request)
  if (body.kind === 'empty') return {}
  if (body.kind === 'json' && body.value === null) return {}
  if (body.kind !== 'json' || typeof body.value !== 'object' || Array.isArray(body.value)) throw problem(400, 'A JSON object request body is required.')
  return body.value as Record<string, unknown>
}

/** Where a new key belongs: a project (and its organization), or an organization alone (an organization key). */
type Owner = { organization_id: string; project_id: string | null }

function create(request: Request, state: ExceptionlessState, principal: Principal, owner: Owner, fields: Record<string, unknown>, unexpanded = false): Response {
  // The `tokens-route-unexpanded` defect: one route stores the scopes as given, without their implication.
  const scopes = unexpanded && Array.isArray(fields.scopes) && fields.scopes.length ? (fields.scopes as string[]).map((s) => s.toLowerCase()) : checkScopes(fields.scopes, principal, state)
  if (scopes.includes('source-maps:write') && !owner.project_id && !state.mutants.has('source-maps-org-key')) throw validation({ project_id: ['The source-maps:write scope requires a project-scoped token.'] })
  // No expiry unless asked for (the `keys-expire-by-default` defect gives every key thirty days).
  const thirtyDays = state.mutants.has('keys-expire-by-default') ? new Date(state.clock.now() + 30 * 86_400_000).toISOString() : null
  const expires = typeof fields.expires_utc === 'string' && !Number.isNaN(Date.parse(fields.expires_utc)) ? new Date(fields.expires_utc).toISOString() : thirtyDays
  const now = new Date(state.clock.now()).toISOString()
  const token: TokenRecord = {
    id: randomString(40),
    type: 'access',
    user_id: null,
    organization_id: owner.organization_id,
    project_id: owner.project_id,
    default_project_id: null,
    scopes,
    notes: typeof fields.notes === 'string' ? fields.notes : null,
    expires_utc: expires,
    is_disabled: false,
    is_suspended: false,
    created_utc: now,
    updated_utc: now,
  }
  // Expired keys stay stored (the real server keeps them until cleanup); authentication refuses them.
  state.tokens.upsert(token.id, token)
  const path = `/api/v2/tokens/${token.id}`
  // A new key is a credential: not to be stored by caches (RFC 6749 §5.1; the server sets nothing — EXL-LOGIN-NOSTORE).
  return json(viewToken(token), 201, { location: state.mutants.has('relative-location') ? path : `${new URL(request.url).origin}${path}`, ...(state.mutants.has('login-cacheable') ? {} : NO_STORE) })
}

const ofProject = (project: { id: string; organization_id: string }): Owner => ({ organization_id: project.organization_id, project_id: project.id })

/** `POST /api/v2/projects/{projectId}/tokens` — body optional (`{"scopes":["client"]}` in the docs). */
export async function createForProject(request: Request, state: ExceptionlessState, principal: Principal, projectId: string): Promise<Response> {
  requireTokenAdmin(principal, state)
  const project = accessibleProject(projectId, principal, state)
  return create(request, state, principal, ofProject(project), await objectBody(request))
}

/**
 * `POST /api/v2/organizations/{organizationId}/tokens` (`CreateTokenByOrganization`) — an organization key: no
 * project, `["client"]` for an empty body; an organization the caller is not in is 400 "Invalid organization.".
 */
export async function createForOrganization(request: Request, state: ExceptionlessState, principal: Principal, organizationId: string): Promise<Response> {
  requireTokenAdmin(principal, state)
  if (!principal.organizationIds.includes(organizationId) && !state.mutants.has('cross-org-tokens')) throw problem(400, 'Invalid organization.')
  // The `organization-key-gets-project` defect: the organization's first project is given to the new key.
  const project = state.mutants.has('organization-key-gets-project') ? [...state.projects.values()].find((p) => p.organization_id === organizationId) : undefined
  return create(request, state, principal, { organization_id: organizationId, project_id: project?.id ?? null }, await objectBody(request))
}

/** `POST /api/v2/tokens` — `NewToken {organization_id, project_id, scopes, notes?, expires_utc?}`. */
export async function createToken(request: Request, state: ExceptionlessState, principal: Principal): Promise<Response> {
  requireTokenAdmin(principal, state)
  const fields = await objectBody(request)
  const errors: Record<string, string[]> = {}
  if (typeof fields.organization_id !== 'string' || !fields.organization_id) errors.organization_id = ['The organization_id field is required.']
  if (typeof fields.project_id !== 'string' || !fields.project_id) errors.project_id = ['The project_id field is required.']
  if (Object.keys(errors).length) throw validation(errors, 400)
  // CanAddAsync: a project the caller cannot reach is 422 on project_id; the organization is then the project's, whatever
  // the body said (the `token-org-from-body` defect insists on the body's).
  let project
  try {
    project = accessibleProject(fields.project_id as string, principal, state)
  } catch {
    throw validation({ project_id: ['Please specify a valid project id.'] }, 422)
  }
  if (state.mutants.has('token-org-from-body') && project.organization_id !== fields.organization_id) throw validation({ organization_id: ['Invalid organization id specified.'] }, 422)
  return create(request, state, principal, ofProject(project), fields, state.mutants.has('tokens-route-unexpanded'))
}

/** An API key the caller may see: only access tokens (never a login token), of its organizations; else 404 "Token not found.". */
function accessibleToken(id: string, principal: Principal, state: ExceptionlessState, anyOrganization = false): TokenRecord {
  const token = state.tokens.find(id)
  // The `login-token-visible` defect shows a login token like any key.
  if (!token || (token.type !== 'access' && !state.mutants.has('login-token-visible'))) throw notFound('Token not found.')
  const organization = token.project_id ? state.projects.get(token.project_id)?.organization_id : token.organization_id
  const reachable = organization !== undefined && organization !== null && (principal.organizationIds.includes(organization) || principal.roles.has('global') || state.mutants.has('cross-org-tokens') || anyOrganization)
  if (!reachable && !(token.type === 'authentication' && token.user_id === principal.user?.id)) throw notFound('Token not found.')
  return token
}

/**
 * `GET /api/v2/projects/{projectId}/tokens?page=&limit=` — one page (limit 1–100, default 10; page from 1),
 * oldest first, with `Link` rel="previous"/"next" as the real server's `OkWithResourceLinks` sends them.
 */
export function listForProject(request: Request, state: ExceptionlessState, principal: Principal, projectId: string): Response {
  requireTokenAdmin(principal, state, 'access')
  accessibleProject(projectId, principal, state)
  const url = new URL(request.url)
  const limit = clamp(url.searchParams.get('limit'), 10, 1, 100)
  const page = clamp(url.searchParams.get('page'), 1, 1, Number.MAX_SAFE_INTEGER)
  const tokens = [...state.tokens.entries()].map(([, t]) => t).filter((t) => t.type === 'access' && t.project_id === projectId)
  const links: string[] = []
  const pageUrl = (n: number) => {
    url.searchParams.set('page', String(n))
    url.searchParams.set('limit', String(limit))
    return `<${url}>`
  }
  if (page > 1) links.push(`${pageUrl(page - 1)}; rel="previous"`)
  if (page * limit < tokens.length) links.push(`${pageUrl(page + 1)}; rel="next"`)
  return json(tokens.slice((page - 1) * limit, page * limit).map(viewToken), 200, links.length ? { link: links.join(', ') } : {})
}

/**
 * `GET /api/v2/projects/{projectId}/tokens/default` (TokenHandler.GetDefaultToken): the project's oldest access key
 * with the client scope (TokenRepository.GetDefaultClientTokenAsync), created (201) when there is none — a GET with
 * a side effect. The `default-token-every-time` defect creates a new one on every call.
 */
export function defaultToken(request: Request, state: ExceptionlessState, principal: Principal, projectId: string): Response {
  requireTokenAdmin(principal, state, 'access')
  const project = accessibleProject(projectId, principal, state)
  const keys = [...state.tokens.entries()].map(([, t]) => t).filter((t) => t.type === 'access' && (t.project_id === projectId || t.default_project_id === projectId) && (t.scopes.length === 0 || t.scopes.includes('client')))
  const oldest = keys.sort((a, b) => a.created_utc.localeCompare(b.created_utc))[0]
  if (oldest && !state.mutants.has('default-token-every-time')) return json(viewToken(oldest))
  return create(request, state, principal, ofProject(project), {})
}

/** `GET /api/v2/organizations/{organizationId}/tokens` — the organization's API keys (every project's and its own), one page. */
export function listForOrganization(request: Request, state: ExceptionlessState, principal: Principal, organizationId: string): Response {
  requireTokenAdmin(principal, state, 'access')
  if (!principal.organizationIds.includes(organizationId) && !principal.roles.has('global')) throw notFound('Organization not found.')
  const url = new URL(request.url)
  const limit = clamp(url.searchParams.get('limit'), 10, 1, 100)
  const page = clamp(url.searchParams.get('page'), 1, 1, Number.MAX_SAFE_INTEGER)
  const tokens = [...state.tokens.entries()].map(([, t]) => t).filter((t) => t.type === 'access' && t.organization_id === organizationId)
  return json(tokens.slice((page - 1) * limit, page * limit).map(viewToken))
}

/** An integer query value, its default when absent or not a number, held within [min, max] (`GetLimit`, `GetPage`). */
function clamp(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? NaN : Number.parseInt(raw, 10)
  return Number.isNaN(n) ? fallback : Math.min(Math.max(n, min), max)
}

export function getToken(state: ExceptionlessState, principal: Principal, id: string): Response {
  requireTokenAdmin(principal, state, 'access')
  // The `token-by-id-cross-org` defect: reading or changing one key by id checks no organization (deleting still does).
  return json(viewToken(accessibleToken(id, principal, state, state.mutants.has('token-by-id-cross-org'))))
}

/** `PATCH|PUT /api/v2/tokens/{id}` — `UpdateToken {is_disabled, notes}`. */
export async function updateToken(request: Request, state: ExceptionlessState, principal: Principal, id: string): Promise<Response> {
  // The `key-updates-tokens` defect: updates and deletes are left unguarded against API keys.
  if (!(state.mutants.has('key-updates-tokens') && principal.kind === 'token')) requireTokenAdmin(principal, state, 'update')
  const token = accessibleToken(id, principal, state, state.mutants.has('token-by-id-cross-org'))
  const fields = await objectBody(request)
  if (fields.is_disabled !== undefined && typeof fields.is_disabled !== 'boolean') throw validation({ is_disabled: ['The is_disabled field must be a boolean.'] }, 400)
  // The `disable-is-final` defect: is_disabled false is ignored once a key is disabled; `put-ignored`: PUT changes nothing.
  const ignored = (request.method === 'PUT' && state.mutants.has('put-ignored')) || (fields.is_disabled === false && state.mutants.has('disable-is-final'))
  // UpdateToken has no organization_id (a Delta of it ignores the field); the `update-moves-organization` defect applies it.
  if (typeof fields.organization_id === 'string' && state.mutants.has('update-moves-organization')) token.organization_id = fields.organization_id
  if (ignored) return json(viewToken(token))
  if (typeof fields.is_disabled === 'boolean') token.is_disabled = fields.is_disabled
  else if (state.mutants.has('patch-reenables-key')) token.is_disabled = false // the defect: a missing field read as false
  if (typeof fields.notes === 'string' || fields.notes === null) token.notes = fields.notes as string | null
  token.updated_utc = new Date(state.clock.now()).toISOString()
  return json(viewToken(token))
}

/** `DELETE /api/v2/tokens/{ids}` — comma-separated; 202 `{"workers":[]}`; the keys stop working at once. */
export function deleteTokens(state: ExceptionlessState, principal: Principal, ids: string): Response {
  if (!(state.mutants.has('key-updates-tokens') && principal.kind === 'token')) requireTokenAdmin(principal, state, 'delete')
  const list = ids.split(',').map((id) => id.trim())
  // The `delete-checks-first-id` defect: only the first id is checked for access.
  const tokens = state.mutants.has('delete-checks-first-id')
    ? [accessibleToken(list[0]!, principal, state), ...list.slice(1).flatMap((id) => state.tokens.find(id) ?? [])]
    : list.map((id) => accessibleToken(id, principal, state))
  if (!state.mutants.has('deleted-key-accepted')) for (const t of tokens) state.tokens.destroy(t.id)
  return json({ workers: [] }, 202)
}
