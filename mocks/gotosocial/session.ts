import { readCookie } from '../core/cookies.ts'
import { randomValue } from '../oauth2/state.ts'
import type { GtsState } from './state.ts'

/**
 * The browser flow's session (`internal/middleware/session.go`, gin-contrib memstore):
 * - cookie `gotosocial-<host without port>` (IDN as punycode): `Path=/`, `Expires` and `Max-Age=120`, `HttpOnly`,
 *   `SameSite=Lax`, `Secure` over https. The mock leaves out `Domain=<host>` (a host-only cookie reaches the same
 *   host, and browsers refuse `Domain=localhost`): declared in the catalogue.
 * - the cookie holds an id; the values live in server memory, which accepts the id for 30 days: a session
 *   "expires" when the client drops the 120-second cookie, not on the server. Each save encodes the id afresh (as
 *   securecookie's timestamped encoding does), so an answer never repeats the cookie the request carried.
 * - every save re-sends the cookie with a fresh Max-Age; clearing empties the values and keeps the id. The id is
 *   not rotated at sign-in (as upstream).
 */
export const COOKIE_MAX_AGE = 120
const SERVER_TTL = 30 * 24 * 3600

export interface Session {
  id: string
  values: Record<string, string>
}

export function cookieName(request: Request): string {
  return `gotosocial-${new URL(request.url).hostname.replace(/[[\]]/g, '')}`
}

/** The request's session, or a new empty one (stored only when saved). */
export function readSession(request: Request, state: GtsState): Session {
  const id = readCookie(request, cookieName(request))?.split('.')[0]
  const values = id ? state.sessions.find(id) : undefined
  return id && values ? { id, values: { ...values } } : { id: randomValue(), values: {} }
}

/** Stores the session and returns the `Set-Cookie` value that (re-)arms the cookie. */
export function saveSession(request: Request, state: GtsState, session: Session): string {
  state.sessions.upsert(session.id, session.values, SERVER_TTL)
  const persistent = state.mutants.has('session-cookie-persistent')
  const maxAge = persistent ? SERVER_TTL : COOKIE_MAX_AGE
  const expires = new Date(state.clock.now() + maxAge * 1000).toUTCString()
  const parts = [`${cookieName(request)}=${session.id}.${randomValue().slice(0, 16)}`, 'Path=/', `Expires=${expires}`, `Max-Age=${maxAge}`]
  if (!persistent) parts.push('HttpOnly')
  if (request.url.startsWith('https:')) parts.push('Secure')
  parts.push('SameSite=Lax')
  return parts.join('; ')
}

/** Empties the session's values (upstream `session.Clear()` + `Save()`), keeping its id. */
export function clearSession(request: Request, state: GtsState, session: Session): string {
  session.values = {}
  return saveSession(request, state, session)
}
