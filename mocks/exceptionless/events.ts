import { json, jsonText } from '../core/http.ts'
import { randomString } from '../core/random.ts'
import type { Principal } from './model.ts'
import { requireRole } from './principal.ts'
import { notFound, problem } from './errors.ts'
import { accessibleProject } from './tokens.ts'
import type { ExceptionlessState, StoredEvent } from './state.ts'

const objectId = () => randomString(24, '0123456789abcdef')
const MAX_EVENTS = 1000

/**
 * The project whose client configuration is asked for (`ProjectHandler.GetConfigAsync`): the one in the path, or
 * the key's own (its ProjectId claim); 404 "Project not found." when there is none or its organization is not the
 * caller's. Only the organization is checked: a project key reads every project's configuration in its
 * organization (the `config-own-project-only` defect refuses the others; `config-cross-org` skips the check).
 */
function configProject(projectId: string | undefined, principal: Principal, state: ExceptionlessState) {
  const project = state.projects.get(projectId ?? principal.projectId ?? '')
  const inOrganization = project !== undefined && (principal.organizationIds.includes(project.organization_id) || principal.roles.has('global') || state.mutants.has('config-cross-org'))
  if (!project || !inOrganization) throw notFound('Project not found.')
  if (state.mutants.has('config-own-project-only') && principal.kind === 'token' && principal.projectId && principal.projectId !== project.id) throw notFound('Project not found.')
  return project
}

/** The project a client call acts on: the key's own project (its ProjectId claim), else 404. */
function callerProject(principal: Principal, state: ExceptionlessState) {
  const project = principal.projectId ? state.projects.get(principal.projectId) : undefined
  if (!project) throw notFound('The project could not be found.')
  return project
}

/**
 * `POST /api/v2/events` (ClientPolicy) → 202. JSON objects become one event; plain text one log event per line.
 * Events are stored at once (the real server queues them; reads may lag there).
 */
export async function postEvents(request: Request, state: ExceptionlessState, principal: Principal, projectId?: string): Promise<Response> {
  requireRole(principal, 'client')
  const project = projectId === undefined ? callerProject(principal, state) : routeProject(projectId, principal, state)
  const text = await readText(request)
  const now = new Date(state.clock.now()).toISOString()
  const make = (fields: Record<string, unknown>): StoredEvent => ({
    id: objectId(),
    project_id: project.id,
    organization_id: project.organization_id,
    type: typeof fields.type === 'string' ? fields.type : 'log',
    message: typeof fields.message === 'string' ? fields.message : null,
    date: typeof fields.date === 'string' ? fields.date : now,
    data: fields,
  })
  if (!text.trim()) throw problem(400, 'No event data was submitted.')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const events =
    parsed && typeof parsed === 'object'
      ? [parsed].flat().filter((v) => v && typeof v === 'object').map((v) => make(v as Record<string, unknown>))
      : text.split('\n').filter((line) => line.trim()).map((line) => make({ type: 'log', message: line }))
  state.events.push(...events)
  state.eventsPosted += events.length
  if (state.events.length > MAX_EVENTS) state.events.splice(0, state.events.length - MAX_EVENTS)
  return accepted(project.configuration.version)
}

/**
 * The project in the path of `POST /api/v2/projects/{projectId}/events` (`EventHandler` SubmitEventByPost): a key
 * that names another project gets 404 "Project not found." (the `project-events-any-project` defect lets it post);
 * a user posts to any project of its organizations (user ⇒ client, although the docs advise against it).
 */
function routeProject(projectId: string, principal: Principal, state: ExceptionlessState) {
  const claim = principal.kind === 'token' ? principal.projectId : null
  if (claim && claim !== projectId && !state.mutants.has('project-events-any-project')) throw notFound('Project not found.')
  const project = state.projects.get(projectId)
  if (!project || !(principal.organizationIds.includes(project.organization_id) || principal.roles.has('global'))) throw notFound('Project not found.')
  return project
}

/** 202 with the configuration version, which Exceptionless clients read to know when to refresh their settings. */
const accepted = (version: number, status = 202) => new Response(null, { status, headers: { 'x-exceptionless-configversion': String(version) } })

/** `POST /api/v2/events/by-ref/{referenceId}/user-description` (ClientPolicy) → 202. */
export async function postUserDescription(request: Request, state: ExceptionlessState, principal: Principal): Promise<Response> {
  requireRole(principal, 'client')
  const project = callerProject(principal, state)
  const text = await readText(request)
  try {
    if (typeof JSON.parse(text) !== 'object') throw new Error('not an object')
  } catch {
    throw problem(400, 'Invalid user description.')
  }
  return accepted(project.configuration.version)
}

/** `GET /api/v2/events/session/heartbeat?id=&close=` (ClientPolicy) → 200; `id` is required. */
export function heartbeat(state: ExceptionlessState, principal: Principal, id: string | undefined): Response {
  requireRole(principal, 'client')
  const project = callerProject(principal, state)
  if (!id) throw problem(400, 'An id is required.')
  return accepted(project.configuration.version, 200)
}

/** The body as text, inflating `Content-Encoding: gzip | deflate` as the real server does. */
async function readText(request: Request): Promise<string> {
  const encoding = request.headers.get('content-encoding')?.toLowerCase()
  if (!request.body) return ''
  if (encoding !== 'gzip' && encoding !== 'deflate') return request.text()
  try {
    return await new Response(request.body.pipeThrough(new DecompressionStream(encoding))).text()
  } catch {
    throw problem(400, `The ${encoding} body could not be decompressed.`)
  }
}

/**
 * `GET /api/v2/events` — EventsReadPolicy: `user` or `events:read`. A pure `client` key gets 403, although the
 * docs say the client scope may "get events" (the server is followed; the catalogue records both).
 */
export function getEvents(state: ExceptionlessState, principal: Principal, limit: number, projectId?: string): Response {
  if (state.mutants.has('client-reads-events')) requireRole(principal, 'user', 'events:read', 'client')
  else requireRole(principal, 'user', 'events:read')
  // `GET /api/v2/projects/{projectId}/events`: a project outside the caller's organizations is 404, as for tokens.
  if (projectId !== undefined && !state.mutants.has('foreign-project-events')) accessibleProject(projectId, principal, state)
  const visible = state.events.filter(
    (e) => (projectId === undefined || e.project_id === projectId) && (projectId !== undefined || principal.organizationIds.includes(e.organization_id) || principal.roles.has('global')),
  )
  return json(
    visible
      .slice(-limit)
      .reverse()
      .map((e) => ({
        id: e.id,
        organization_id: e.organization_id,
        project_id: e.project_id,
        stack_id: e.id,
        is_first_occurrence: true,
        created_utc: e.date,
        type: e.type,
        message: e.message,
        date: e.date,
        data: e.data,
      })),
  )
}

/**
 * `GET /api/v2/projects/config[?v=]` and `GET /api/v2/projects/{projectId}/config[?v=]` (ClientPolicy): the
 * project configuration — the key's own project, or the one named if the caller may reach it; 304 when `v` is current.
 */
export function getConfig(state: ExceptionlessState, principal: Principal, v: string | undefined, projectId?: string): Response {
  requireRole(principal, 'client')
  const { configuration } = configProject(projectId, principal, state)
  if (v !== undefined && Number(v) === configuration.version && !state.mutants.has('config-ignores-version')) return new Response(null, { status: 304 })
  return json(configuration)
}

/** `GET /api/v2/organizations` (UserPolicy): the caller's organizations as `ViewOrganization`. */
export function getOrganizations(state: ExceptionlessState, principal: Principal): Response {
  requireRole(principal, 'user')
  const views = state.caches.organizationViews ??= organizationViews(state)
  const everyOrg = principal.roles.has('global') || (state.mutants.has('key-sees-all-orgs') && principal.kind === 'token') || (state.mutants.has('user-sees-all-orgs') && principal.kind === 'user')
  const orgs = state.fixtures.organizations.filter((o) => principal.organizationIds.includes(o.id) || everyOrg)
  const key = orgs.map((o) => o.id).join()
  let body = state.caches.organizationBodies.get(key)
  if (body?.events !== state.eventsPosted) {
    const text = JSON.stringify(orgs.map((o) => ({ ...views.get(o.id)!, event_count: state.events.filter((e) => e.organization_id === o.id).length })))
    state.caches.organizationBodies.set(key, (body = { events: state.eventsPosted, text }))
  }
  return jsonText(body.text)
}

/** Every organization's `ViewOrganization` but its event count, derived once from the fixtures (they never change). */
function organizationViews(state: ExceptionlessState): Map<string, Record<string, unknown>> {
  const now = state.seededAt
  return new Map(
    state.fixtures.organizations.map((o) => {
      const projects = state.fixtures.projects.filter((p) => p.organization_id === o.id)
      const view = {
        id: o.id,
        created_utc: now,
        updated_utc: now,
        name: o.name,
        plan_id: 'EX_FREE',
        plan_name: 'Free',
        plan_description: 'Free',
        billing_status: 1,
        billing_price: 0,
        max_events_per_month: 3000,
        bonus_events_per_month: 0,
        retention_days: 3,
        is_suspended: false,
        has_premium_features: false,
        features: [],
        max_users: 1,
        max_projects: 1,
        project_count: projects.length,
        stack_count: 0,
        event_count: 0,
        invites: [],
        usage_hours: [],
        usage: [],
        is_throttled: false,
        is_over_monthly_limit: false,
        is_over_request_limit: false,
      }
      return [o.id, view]
    }),
  )
}
