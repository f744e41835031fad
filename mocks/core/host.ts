import { CONTROL_PREFIX, CONTROL_ROUTES, PROFILE_HEADER, SESSION_HEADER, SESSION_ID } from '../control/protocol.ts'
import type { AnyMockDefinition, MockInstance } from './definition.ts'
import { MockError, renderError } from './errors.ts'
import { json, pathOf } from './http.ts'
import { createMockClock, type MockClock } from './mock-clock.ts'

/** Sessions kept; the least recently used goes first (a test run leaves its sessions to this). */
const MAX_SESSIONS = 2_000

export interface HostOptions {
  /** Serve the `/__mock/*` control surface (sessions, clock). Off for `npm run mock` unless asked for. */
  control?: boolean
  /** Answer CORS preflights and expose auth headers, so a browser app on another origin can log in. */
  cors?: boolean
  /** Mutants switched on for the default instance. */
  mutants?: readonly string[]
  /** Fixtures for every instance; the API's committed defaults otherwise. */
  fixtures?: unknown
  /** The profile of the default instance and of sessions that name none; the API's first profile otherwise. */
  profile?: string
}

interface Live {
  instance: MockInstance
  clock: MockClock
}

export interface MockHost {
  name: string
  /** Settles once the definition's `prepare` step has run (at once for an API without one). */
  ready: Promise<void>
  /** A Response, or a promise of one when the API's handler is asynchronous (await works for both). */
  fetch(request: Request): Response | Promise<Response>
  purgeExpired(): void
}

/**
 * Wraps one API's mock with what is not the API: isolated sessions for parallel tests (each with its own
 * state, clock and mutants), the `/__mock/*` control surface (`mocks/control/protocol.ts`; only with
 * `control: true`), CORS, and last-resort error rendering. A session id the mock has not seen opens a fresh
 * session, so a client needs no round trip to get one; the least recently used beyond 2,000 are dropped.
 *
 * The definition's `prepare` runs once, at creation; until it settles, requests wait for it. After that the
 * response path stays synchronous wherever the API's handler is.
 */
export function createMockHost(definition: AnyMockDefinition, options: HostOptions = {}): MockHost {
  const fixtures = definition.parseFixtures(options.fixtures ?? definition.defaultFixtures)
  const sessions = new Map<string, Live>()
  let prepared: unknown
  let main: Live | undefined

  const profiles: readonly string[] = definition.profiles
  const checkProfile = (profile: string): string => {
    if (!profiles.includes(profile)) throw new MockError(`unknown profile "${profile}" for ${definition.name}; known: ${profiles.join(', ')}`, 400)
    return profile
  }
  const defaultProfile = checkProfile(options.profile ?? profiles[0]!)
  // The mutants the host was started with hold in every session too: a session adds its own, never removes them.
  const spawn = (extra: readonly string[], profile = defaultProfile): Live => {
    const mutants = [...new Set([...(options.mutants ?? []), ...extra])]
    for (const m of mutants) {
      if (!(m in definition.mutants)) {
        throw new MockError(`unknown mutant "${m}" for ${definition.name}; known: ${Object.keys(definition.mutants).join(', ')}`, 400)
      }
    }
    const clock = createMockClock()
    return { clock, instance: definition.create({ clock, fixtures, prepared, profile: checkProfile(profile), mutants: new Set(mutants) }) }
  }
  const ready = (definition.prepare ? definition.prepare(fixtures) : Promise.resolve(undefined)).then((value) => {
    prepared = value
    main = spawn([])
  })

  const keep = (id: string, live: Live): Live => {
    sessions.delete(id)
    sessions.set(id, live)
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!)
    return live
  }

  const pick = (request: Request): Live => {
    const id = options.control ? request.headers.get(SESSION_HEADER) : null
    if (id === null) return main!
    const live = sessions.get(id)
    if (live) return keep(id, live)
    if (!SESSION_ID.test(id)) throw new MockError(`session ids are 8–128 letters, digits, "-" or "_" (a random UUID, say); got "${id.slice(0, 40)}"`, 400)
    return keep(id, spawn([], request.headers.get(PROFILE_HEADER) ?? defaultProfile))
  }

  const control = async (request: Request, path: string): Promise<Response> => {
    const route = `${request.method} ${path}`
    const R = CONTROL_ROUTES
    if (route === `GET ${R.health}`) return json({ api: definition.name, sessions: sessions.size })
    if (route === `GET ${R.mutants}`) return json(definition.mutants)
    if (route === `GET ${R.profiles}`) return json({ default: defaultProfile, profiles, notes: definition.profileNotes })
    if (route === `POST ${R.reset}`) {
      main = spawn([])
      sessions.clear()
      return json({ reset: true })
    }
    if (route === `POST ${R.sessions}`) {
      const body = (await request.json().catch(() => ({}))) as { mutants?: unknown; profile?: unknown }
      const mutants = Array.isArray(body.mutants) ? body.mutants.map(String) : []
      const profile = typeof body.profile === 'string' ? body.profile : defaultProfile
      const id = crypto.randomUUID()
      keep(id, spawn(mutants, profile))
      return json({ id, mutants, profile }, 201)
    }
    if (request.method === 'DELETE' && path.startsWith(`${R.sessions}/`)) {
      sessions.delete(path.slice(R.sessions.length + 1))
      return new Response(null, { status: 204 })
    }
    if (route === `POST ${R.preload}`) {
      const body = (await request.json().catch(() => ({}))) as { count?: unknown }
      const count = Number(body.count)
      const live = pick(request)
      if (!live.instance.preload || !Number.isInteger(count) || count < 0) throw new MockError('POST /__mock/preload needs {"count": <integer>} and an API that supports it', 400)
      live.instance.preload(count)
      return json({ preloaded: count })
    }
    if (route === `POST ${R.admin}`) {
      const { action, ...args } = (await request.json().catch(() => ({}))) as { action?: unknown; [k: string]: unknown }
      const live = pick(request)
      if (typeof action !== 'string' || !live.instance.admin) throw new MockError(`POST ${R.admin} needs {"action": "…"} and an API that takes operator actions (${definition.name} ${live.instance.admin ? 'does' : 'does not'})`, 400)
      return json({ action, result: live.instance.admin(action, args) ?? null })
    }
    if (route === `POST ${R.clock}`) {
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
    if (!options.cors || definition.ownCors) return response
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
    if (main === undefined) return ready.then(() => fetch(request), (error) => renderError(error, request))
    try {
      if (options.cors && !definition.ownCors && request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
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
    ready,
    fetch,
    purgeExpired() {
      main?.instance.purgeExpired?.()
      for (const live of sessions.values()) live.instance.purgeExpired?.()
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
