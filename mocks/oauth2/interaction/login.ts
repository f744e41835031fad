import { ApiError } from '../../core/errors.ts'
import type { ServerContext } from '../context.ts'
import { safeEqual } from '../../core/random.ts'
import { paramsOf, queryParams, readForm, type Params } from '../params.ts'
import { seeOther } from '../redirect.ts'
import type { OAuthUser } from '../types.ts'
import { CSRF_FIELD, loginPage } from './pages.ts'
import { checkCsrf, csrfFor, currentSession, endSession, maskCsrf, startSession } from './session.ts'

/**
 * Sign-in (RFC 6749 §10.12: the resource owner authenticates with the authorization server itself):
 * - GET shows the form with a CSRF value (the cookie is set when the browser has none).
 * - POST checks CSRF first (403, nothing else looked at), then the credentials: an unknown email and a wrong
 *   password get the same 401 page (no enumeration; the password is never echoed).
 * - Success starts a new session (new id, new CSRF value) and answers 303 (RFC 9700 §4.12) to the consent page
 *   of the pending request (`login_challenge`), or to a same-origin `return_to`, or to the API's home.
 */
export function loginGet(request: Request, ctx: ServerContext): Response {
  const params = queryParams(request)
  const csrf = csrfFor(request, ctx, currentSession(request, ctx))
  const view = { action: ctx.config.paths.login, csrf: maskCsrf(csrf.value), loginChallenge: params.get('login_challenge'), returnTo: safeReturn(params.get('return_to')) }
  return loginPage(ctx.config.brand, ctx.state.mutants, view, { cookies: csrf.cookie ? [csrf.cookie] : [] })
}

export async function loginPost(request: Request, ctx: ServerContext): Promise<Response> {
  const form = await formOf(request)
  const previous = currentSession(request, ctx)
  checkCsrf(request, ctx, previous, form.get(CSRF_FIELD))
  const challenge = form.get('login_challenge')
  const returnTo = safeReturn(form.get('return_to'))
  const user = verifyUser(ctx, form.get('email'), form.get('password'))
  if (!user.ok) {
    const message = user.unknown && ctx.state.mutants.has('login-enumeration') ? 'No user with this email.' : 'Invalid email or password.'
    const csrf = csrfFor(request, ctx, previous)
    return loginPage(ctx.config.brand, ctx.state.mutants, { action: ctx.config.paths.login, csrf: maskCsrf(csrf.value), loginChallenge: challenge, returnTo, message }, { status: 401 })
  }
  const { session, cookies } = startSession(ctx, user.user.id, previous)
  const headers = new Headers()
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  // The `login-forgets-request` defect: the sign-in form's hidden login_challenge is never read.
  if (challenge && !ctx.state.mutants.has('login-forgets-request')) {
    const interaction = ctx.state.interactions.find(challenge)
    if (!interaction) throw expiredRequest()
    ctx.state.interactions.upsert(challenge, { ...interaction, sessionId: session.id }, ctx.state.policy.lifetimes.interaction)
    return seeOther(`${ctx.config.paths.consent}?consent_challenge=${encodeURIComponent(challenge)}`, ctx.state.mutants, headers)
  }
  return seeOther(returnTo ?? ctx.config.paths.afterLogin, ctx.state.mutants, headers)
}

export async function logoutPost(request: Request, ctx: ServerContext): Promise<Response> {
  const form = await formOf(request)
  const session = currentSession(request, ctx)
  checkCsrf(request, ctx, session, form.get(CSRF_FIELD))
  const headers = new Headers()
  for (const cookie of endSession(ctx, session)) headers.append('set-cookie', cookie)
  return seeOther(ctx.config.paths.login, ctx.state.mutants, headers)
}

/** A page form; anything that is not one reads as an empty form (and then fails CSRF). */
export async function formOf(request: Request): Promise<Params> {
  return readForm(request).catch(() => paramsOf(new URLSearchParams()))
}

/** The user these credentials belong to; an unknown login and a wrong password fail alike (constant-time compare). */
export function verifyUser(ctx: ServerContext, login: string | undefined, password: string | undefined): { ok: true; user: OAuthUser } | { ok: false; unknown: boolean } {
  const entry = login ? ctx.state.users.find(login) : undefined
  if (entry && password !== undefined && safeEqual(password, entry.password)) return { ok: true, user: entry.user }
  return { ok: false, unknown: entry === undefined }
}

/** Only a same-origin path (`/x`, never `//host` or `/\host`) may be returned to: no open redirect. */
function safeReturn(value: string | undefined): string | undefined {
  return value && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : undefined
}

export const expiredRequest = () =>
  new ApiError({ status: 400, code: 'invalid_request', detail: 'This authorization request is unknown or has expired. Go back to the application and start again.' })
