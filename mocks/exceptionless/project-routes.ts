import { json, readBody } from '../core/http.ts'
import { randomString } from '../core/random.ts'
import { notFound, problem } from './errors.ts'
import type { Principal } from './model.ts'
import { requireRole } from './principal.ts'
import type { ExceptionlessState } from './state.ts'
import { accessibleProject } from './tokens.ts'

/**
 * The rest of the client and user routes the catalogue names (`Api/Endpoints/EventEndpoints.cs`,
 * `ProjectEndpoints.cs`): event counts and single events (EventsReadPolicy: user or events:read), the client's
 * GET submission (ClientPolicy), deleting events and changing a project's client configuration (UserPolicy).
 */

/** Query keys GET submission never takes as event data (the credentials among them). */
const IGNORED = new Set(['access_token', 'api_key', 'apikey', 'type'])

/** `GET /api/v2/events/submit?type=&…` (ClientPolicy): the query is the event; the key's own project. 200. */
export function submitByGet(request: Request, state: ExceptionlessState, principal: Principal): Response {
  // The `submit-get-refused` defect takes GET submission for a user route.
  requireRole(principal, state.mutants.has('submit-get-refused') ? 'user' : 'client')
  const url = new URL(request.url)
  const data = Object.fromEntries([...url.searchParams].filter(([k, v]) => v && !IGNORED.has(k)))
  const version = (project: { configuration: { version: number } }) => ({ 'x-exceptionless-configversion': String(project.configuration.version) })
  if (Object.keys(data).length === 0) return new Response(null, { status: 200 })
  const project = principal.projectId ? state.projects.get(principal.projectId) : undefined
  if (!project) throw problem(400, 'No project id specified and no default project was found')
  const now = new Date(state.clock.now()).toISOString()
  state.events.push({ id: randomString(24, '0123456789abcdef'), project_id: project.id, organization_id: project.organization_id, type: url.searchParams.get('type') || 'log', message: typeof data.message === 'string' ? data.message : null, date: now, data })
  state.eventsPosted++
  return new Response(null, { status: 200, headers: version(project) })
}

/** `GET /api/v2/projects/{projectId}/events/count` (EventsReadPolicy) → `CountResult` {total, aggregations} (no data: null is left out). */
export function countEvents(state: ExceptionlessState, principal: Principal, projectId: string): Response {
  // The `client-counts-events` defect lets a client key count events, as the docs say project tokens may.
  requireRole(principal, 'user', 'events:read', ...(state.mutants.has('client-counts-events') ? ['client'] : []))
  accessibleProject(projectId, principal, state)
  return json({ total: state.events.filter((e) => e.project_id === projectId).length, aggregations: {} })
}

/** `GET /api/v2/events/{id}` (EventsReadPolicy): an event of the caller's organizations, else 404 "Event not found.". */
export function eventById(state: ExceptionlessState, principal: Principal, id: string): Response {
  requireRole(principal, 'user', 'events:read')
  const event = state.events.find((e) => e.id === id && (principal.organizationIds.includes(e.organization_id) || principal.roles.has('global')))
  if (!event) throw notFound('Event not found.')
  return json({ id: event.id, organization_id: event.organization_id, project_id: event.project_id, stack_id: event.id, is_first_occurrence: true, created_utc: event.date, type: event.type, message: event.message, date: event.date, data: event.data })
}

/** `DELETE /api/v2/events/{ids}` (UserPolicy): the caller's events go (202); none of its own → 404 "No events found.". */
export function deleteEvents(state: ExceptionlessState, principal: Principal, ids: string): Response {
  requireRole(principal, 'user')
  const wanted = new Set(ids.split(','))
  const mine = state.events.filter((e) => wanted.has(e.id) && (principal.organizationIds.includes(e.organization_id) || principal.roles.has('global')))
  if (mine.length === 0) throw notFound('No events found.')
  state.events.splice(0, state.events.length, ...state.events.filter((e) => !mine.includes(e)))
  return json({ workers: [] }, 202)
}

/**
 * `POST /api/v2/projects/{id}/config?key=` with the value as a JSON string, and `DELETE …?key=` (UserPolicy,
 * ProjectHandler.SetProjectConfig / DeleteProjectConfig): the setting changes and the version goes up by one.
 */
export async function changeConfig(request: Request, state: ExceptionlessState, principal: Principal, projectId: string): Promise<Response> {
  // The `client-changes-config` defect lets a client key change its project's configuration.
  requireRole(principal, 'user', ...(state.mutants.has('client-changes-config') ? ['client'] : []))
  const key = new URL(request.url).searchParams.get('key')?.trim()
  const body = request.method === 'POST' ? await readBody(request) : undefined
  const value = body?.kind === 'json' && typeof body.value === 'string' ? body.value.trim() : undefined
  if (!key || (request.method === 'POST' && !value)) throw problem(400, request.method === 'POST' ? 'Invalid configuration value.' : 'Invalid key value.')
  const project = accessibleProject(projectId, principal, state)
  const settings = { ...project.configuration.settings }
  const changed = request.method === 'POST' ? ((settings[key] = value!), true) : delete settings[key] && key in project.configuration.settings
  if (changed) state.projects.set(project.id, { ...project, configuration: { version: project.configuration.version + 1, settings } })
  return new Response(null, { status: 200 })
}
