import { ApiError } from '../../core/errors.ts'
import { readCookie, serializeCookie } from '../../core/cookies.ts'
import { safeEqual } from '../../core/random.ts'
import type { ServerContext } from '../context.ts'
import { randomValue } from '../state.ts'
import type { SessionRecord } from '../types.ts'

/**
 * Sign-in sessions and CSRF for the HTML pages (and an API's own session-bound routes, such as a portal):
 * - The session cookie holds a random id (258 bits) of a server-side record: `HttpOnly; SameSite=Lax; Path=/`;
 *   a new id at every sign-in (OWASP session fixation), gone at sign-out.
 * - CSRF (RFC 6749 §10.12 "MUST implement CSRF protection"): a readable `SameSite=Lax` cookie holds the expected
 *   value; a POST must repeat it (form field or `X-CSRF-Token`). Before sign-in it is a random double-submit
 *   value; after, the session's own, so another session's value is refused. Compared in constant time.
 */
export interface Session extends SessionRecord {
  id: string
}

export function currentSession(request: Request, ctx: ServerContext): Session | undefined {
  const id = readCookie(request, ctx.config.cookies.session)
  const record = id ? ctx.state.sessions.find(id) : undefined
  return record && id ? { id, ...record } : undefined
}

/** Starts a session for `userId` (ending `previous`): its id and the cookies to set. */
export function startSession(ctx: ServerContext, userId: string, previous: Session | undefined): { session: Session; cookies: string[] } {
  const { state, config } = ctx
  const keep = previous && state.mutants.has('session-fixation')
  if (previous && !keep) state.sessions.destroy(previous.id)
  const id = keep ? previous.id : randomValue()
  const record = { userId, csrf: keep ? previous.csrf : randomValue() }
  state.sessions.upsert(id, record, state.policy.lifetimes.session)
  const age = state.policy.lifetimes.session
  return {
    session: { id, ...record },
    cookies: [serializeCookie(config.cookies.session, id, { maxAge: age, httpOnly: true, sameSite: 'Lax', path: '/' }), serializeCookie(config.cookies.csrf, record.csrf, { maxAge: age, sameSite: 'Lax', path: '/' })],
  }
}

export function endSession(ctx: ServerContext, session: Session | undefined): string[] {
  if (session) ctx.state.sessions.destroy(session.id)
  const { cookies } = ctx.config
  return [serializeCookie(cookies.session, '', { maxAge: 0, httpOnly: true, sameSite: 'Lax', path: '/' }), serializeCookie(cookies.csrf, '', { maxAge: 0, sameSite: 'Lax', path: '/' })]
}

/** The CSRF value a page should carry, and the cookie to set when the browser has none yet. */
export function csrfFor(request: Request, ctx: ServerContext, session: Session | undefined): { value: string; cookie?: string } {
  if (session) return { value: session.csrf }
  const existing = readCookie(request, ctx.config.cookies.csrf)
  if (existing && /^[\w-]{43}$/.test(existing)) return { value: existing }
  const value = randomValue()
  return { value, cookie: serializeCookie(ctx.config.cookies.csrf, value, { sameSite: 'Lax', path: '/' }) }
}

/**
 * The CSRF value as a page's form carries it: masked afresh for every page (a random pad, then the value XOR the
 * pad, base64url), as Django and Rails do. A page never repeats the cookie it was sent (no credential echoed,
 * BREACH-safe), and two pages never carry the same string.
 */
export function maskCsrf(value: string): string {
  const bytes = new TextEncoder().encode(value)
  const pad = crypto.getRandomValues(new Uint8Array(bytes.length))
  return toBase64url(Uint8Array.from([...pad, ...bytes.map((b, i) => b ^ pad[i]!)]))
}

/** The value behind a masked form field, or undefined when it is not one. */
function unmask(masked: string): string | undefined {
  if (!/^[\w-]+$/.test(masked) || masked.length > 256) return undefined
  try {
    const raw = Uint8Array.from(atob(masked.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    if (raw.length % 2) return undefined
    const half = raw.length / 2
    return new TextDecoder().decode(raw.slice(half).map((b, i) => b ^ raw[i]!))
  } catch {
    return undefined
  }
}

function toBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Refuses (403) a state-changing request whose CSRF value is missing or not this browser's: the masked value of a
 * form, or the cookie's value itself (what a script sends as `X-CSRF-Token`), compared in constant time.
 */
export function checkCsrf(request: Request, ctx: ServerContext, session: Session | undefined, supplied: string | undefined): void {
  if (ctx.state.mutants.has('csrf-unchecked')) return
  const expected = session ? session.csrf : readCookie(request, ctx.config.cookies.csrf)
  if (!expected || !supplied) throw csrfRefused()
  const value = supplied.length === expected.length ? supplied : (unmask(supplied) ?? '')
  if (!safeEqual(value, expected)) throw csrfRefused()
}

export const csrfRefused = () =>
  new ApiError({ status: 403, code: 'csrf', title: 'Forbidden', detail: 'This form has expired or was not sent from this site. Go back, reload the page and try again.' })
