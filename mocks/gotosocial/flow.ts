import type { ApiError } from '../core/errors.ts'
import { ADVICE, apiError } from './errors.ts'
import type { SeededAccount } from './fixtures.ts'
import { seeOtherBody } from './pages.ts'
import { clearSession, type Session } from './session.ts'
import type { GtsState } from './state.ts'

/**
 * What the browser steps share (`internal/api/auth/util.go`, `authorize.go:276-303`):
 * - a value the step needs is missing from the session (cookie dropped after 120 s, steps out of order): the
 *   session is cleared and the step refused. v0.18 answers 400 listing every missing key; v0.19 names the first and
 *   answers **500** — a server error for a client's mistake, which the mock declares instead of copying: it answers
 *   400 with v0.19's text (the mock never answers 5xx). Same for v0.19's 500 on an unknown client_id.
 * - account state after sign-in: unconfirmed e-mail, not approved, disabled or suspended → 303 to a page that
 *   upstream does not route (so the browser ends on a 404).
 */
export function sessionError(request: Request, state: GtsState, session: Session, missing: readonly string[]): ApiError {
  const cookie = clearSession(request, state, session)
  const help = state.traits.current ? [`key ${missing[0]} not found in session`] : missing.map((key) => `key ${key} was not found in session`)
  return apiError(400, [...help, ADVICE], { headers: { 'set-cookie': cookie } })
}

/** The client_id kept in the session names no app (noticed only after sign-in). */
export function unknownClient(request: Request, state: GtsState, session: Session, clientId: string): ApiError {
  const cookie = clearSession(request, state, session)
  const help = state.traits.current ? `db error getting app for clientID ${clientId}` : `application for client_id ${clientId} could not be retrieved`
  return apiError(400, [help, ADVICE], { headers: { 'set-cookie': cookie } })
}

/** Where `validateUser` sends a signed-in user who may not authorize, if anywhere. */
export function accountStatePage(account: SeededAccount, state: GtsState): string | undefined {
  if (account.state === 'unconfirmed') return '/auth/check_your_email'
  if (account.state === 'unapproved') return '/auth/wait_for_approval'
  if ((account.state === 'disabled' && !state.mutants.has('disabled-user-authorizes')) || account.state === 'suspended') return '/auth/account_disabled'
  return undefined
}

/** A redirect as gin writes it: a GET's carries Go's little HTML body, a POST's none. */
export function redirect(request: Request, status: number, location: string, headers: Record<string, string> = {}): Response {
  if (request.method === 'GET') return new Response(seeOtherBody(location), { status, headers: { ...headers, location, 'content-type': 'text/html; charset=utf-8' } })
  return new Response(null, { status, headers: { ...headers, location } })
}
