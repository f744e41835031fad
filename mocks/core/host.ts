import { createClock, type Clock } from './clock.ts'
import type { MockDefinition, MockInstance } from './definition.ts'
import { MockError, renderError } from './errors.ts'
import { json, pathOf } from './http.ts'
import { SESSION_HEADER } from '../apis.ts'

const CONTROL_PREFIX = '/__mock/'
/** Sessions kept; the least recently used goes first (a test run leaves its sessions to this). */
const MAX_SESSIONS = 2_000
/** What a client may choose as a session id (a UUID, say). */
const SESSION_ID = /^[\w-]{8,128}$/

export interface HostOptions {
  /** Serve the `/__mock/*` control surface (sessions, clock). Off for `npm run mock` unless asked for. */
  control?: boolean
  /** Answer CORS preflights and expose auth headers, so a browser app on another origin can log in. */
  cors?: boolean
  /** Mutants switched on for the default instance. */
  mutants?: readonly string[]
  /** Fixtures for every instance; the API's committed defaults otherwise. */
  fixtures?: unknown
}

interface Live {
  instance: MockInstance
  clock: Clock
}

export interface MockHost {
  name: string
  /** A Response, or a promise of one when the API's handler is asynchronous (await works for both). */
  fetch(request: Request): Response | Promise<Response>
  sweep(): void
}

/**
 * Wraps one API's mock with what is not the API: isolated sessions for parallel tests (each with its own
 * state, clock and mutants), the `/__mock/*` control surface, CORS, and last-resort error rendering.
 *
 * Control surface (only with `control: true`):
 * - `x-authconform-session: <id>` on any request: that session's state, clock and mutants. An id the mock has not
 *   seen (8–128 of `[A-Za-z0-9_-]`, a random UUID say) opens a fresh session without mutants, so a client needs
 *   no round trip to get one; the least recently used sessions beyond 2,000 are dropped.
 * - `POST /__mock/sessions` `{"mutants": [...]}` → 201 `{"id"}`: a session with mutants switched on.
 * - `DELETE /__mock/sessions/{id}` → 204.
 * - `POST /__mock/clock` `{"advanceSeconds": n}` → 200 `{"now"}`, on the session named by the header (or the default).
 * - `POST /__mock/preload` `{"count": n}` → adds n live tokens (benchmark of store size).
 * - `POST /__mock/reset`, `GET /__mock/health`, `GET /__mock/mutants`.
 */
export function createMockHost<F>(definition: MockDefinition<F>, options: HostOptions = {}): MockHost {
  const fixtures = definition.parseFixtures(options.fixtures ?? definition.defaultFixtures)
  const sessions = new Map<string, Live>()

  const spawn = (mutants: readonly string[]): Live => {
    for (const m of mutants) {
      if (!(m in definition.mutants)) {
        throw new MockError(`unknown mutant "${m}" for ${definition.name}; known: ${Object.keys(definition.mutants).join(', ')}`, 400)
      }
    }
    const clock = createClock()
    return { clock, instance: definition.create({ clock, fixtures, mutants: new Set(mutants) }) }
  }
  let main = spawn(options.mutants ?? [])

  const keep = (id: string, live: Live): Live => {
    sessions.delete(id)
    sessions.set(id, live)
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!)
    return live
  }

  const pick = (request: Request): Live => {
    const id = options.control ? request.headers.get(SESSION_HEADER) : null
    if (id === null) return main
    const live = sessions.get(id)
    if (live) return keep(id, live)
    if (!SESSION_ID.test(id)) throw new MockError(`session ids are 8–128 letters, digits, "-" or "_" (a random UUID, say); got "${id.slice(0, 40)}"`, 400)
    return keep(id, spawn([]))
  }

  const control = async (request: Request, path: string): Promise<Response> => {
    const route = `${request.method} ${path.slice(CONTROL_PREFIX.length - 1)}`
    if (route === 'GET /health') return json({ api: definition.name, sessions: sessions.size })
    if (route === 'GET /mutants') return json(definition.mutants)
    if (route === 'POST /reset') {
      main = spawn(options.mutants ?? [])
      sessions.clear()
      return json({ reset: true })
    }
    if (route === 'POST /sessions') {
      const body = (await request.json().catch(() => ({}))) as { mutants?: unknown }
      const mutants = Array.isArray(body.mutants) ? body.mutants.map(String) : []
      const id = crypto.randomUUID()
      keep(id, spawn(mutants))
      return json({ id, mutants }, 201)
    }
    if (request.method === 'DELETE' && path.startsWith('/__mock/sessions/')) {
      sessions.delete(path.slice('/__mock/sessions/'.length))
      return new Response(null, { status: 204 })
    }
    if (route === 'POST /preload') {
      const body = (await request.json().catch(() => ({}))) as { count?: unknown }
      const count = Number(body.count)
      const live = pick(request)
      if (!live.instance.preload || !Number.isInteger(count) || count < 0) throw new MockError('POST /__mock/preload needs {"count": <integer>} and an API that supports it', 400)
      live.instance.preload(count)
      return json({ preloaded: count })
    }
    if (route === 'POST /clock') {
      const body = (await request.json().catch(() => ({}))) as { advanceSeconds?: unknown }
      const seconds = Number(body.advanceSeconds)
      if (!Number.isFinite(seconds) || seconds < 0) throw new MockError('POST /__mock/clock needs {"advanceSeconds": <non-negative number>}', 400)
      const live = pick(request)
      live.clock.advance(seconds * 1000)
      return json({ now: new Date(live.clock.now()).toISOString() })
    }
    throw new MockError(`no control route ${request.method} ${path}`, 404)
  }

  /** The response as sent: with CORS headers when asked for; a fault rendered like any other. */
  const finish = (request: Request, response: Response): Response => {
    if (!options.cors) return response
    try {
      return withCors(request, response)
    } catch (error) {
      return renderError(error, request)
    }
  }

  /**
   * Answers one request. Stays synchronous when the API's handler is, and otherwise adds no async frame of
   * its own: the node adapter writes a synchronous response at once, without its promise path.
   */
  const fetch = (request: Request): Response | Promise<Response> => {
    try {
      if (options.cors && request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
        return preflight(request)
      }
      const path = pathOf(request.url)
      const answer = options.control && path.startsWith(CONTROL_PREFIX) ? control(request, path) : pick(request).instance.fetch(request)
      return isPromise(answer)
        ? answer.then(
            (response) => finish(request, response),
            (error) => renderError(error, request),
          )
        : finish(request, answer)
    } catch (error) {
      return renderError(error, request)
    }
  }

  return {
    name: definition.name,
    fetch,
    sweep() {
      main.instance.sweep?.()
      for (const live of sessions.values()) live.instance.sweep?.()
    },
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>).then === 'function'
}

const EXPOSED = 'www-authenticate, location, link, cache-control, pragma, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset'

function preflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': request.headers.get('origin') ?? '*',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  })
}

function withCors(request: Request, response: Response): Response {
  const origin = request.headers.get('origin')
  if (!origin) return response
  const headers = new Headers(response.headers)
  headers.set('access-control-allow-origin', origin)
  headers.set('access-control-allow-credentials', 'true')
  headers.set('access-control-expose-headers', EXPOSED)
  headers.append('vary', 'Origin')
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}
