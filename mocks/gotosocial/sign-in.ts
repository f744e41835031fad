import { safeEqual } from '../core/random.ts'
import { consent } from './authorize.ts'
import { bind, type GoStruct } from './body.ts'
import { ADVICE, apiError, requireOffer } from './errors.ts'
import { accountStatePage, redirect, sessionError } from './flow.ts'
import { HTML_TYPE } from './negotiate.ts'
import { oobBody, pageResponse, signInBody } from './pages.ts'
import { clearSession, readSession, saveSession } from './session.ts'
import type { GtsState } from './state.ts'

/**
 * `GET /auth/sign_in` (only text/html, 406 otherwise) and `POST /auth/sign_in` (`internal/api/auth/signin.go`):
 * - the form's `username` carries the e-mail; a JSON body binds nothing (form tags only);
 * - a field missing: v0.19 400 `Bad Request: <advice>` (session cleared), v0.18 401 as a wrong password;
 * - unknown e-mail or wrong password: 401, one text for both (no enumeration), session kept;
 * - success: `userid` in the session, 302 to /oauth/authorize. Account state is checked on the next page.
 */
const STRUCT: GoStruct = { name: 'signIn', type: 'auth.signIn', fields: ['username', 'password'], json: {} }

export function signInGet(request: Request, state: GtsState): Response {
  requireOffer(request, HTML_TYPE)
  return pageResponse(state.fixtures.instance.title, 'Sign in', signInBody(state.traits.current))
}

export async function signInPost(request: Request, state: GtsState): Promise<Response> {
  const { mutants, traits } = state
  const bound = await bind(request, STRUCT)
  if (!bound.ok) throw apiError(400, [bound.message])
  const email = bound.fields.get('username') ?? ''
  const password = bound.fields.get('password') ?? ''
  const session = readSession(request, state)
  if (!email || !password) {
    if (traits.current) throw apiError(400, [ADVICE], { headers: { 'set-cookie': clearSession(request, state, session) } })
    throw apiError(401, ['password/email combination was incorrect', ADVICE])
  }
  const account = state.byEmail.get(email)
  if (!account || !safeEqual(password, account.password)) {
    const help = !account && mutants.has('signin-enumeration') ? 'no account is registered with this email address' : 'password/email combination was incorrect'
    const echo = mutants.has('signin-error-echoes-password') ? [`password ${password} does not match`] : []
    throw apiError(401, [help, ...echo, ADVICE])
  }
  session.values.userid = account.id
  const cookie = saveSession(request, state, session)
  if (mutants.has('consent-skipped') && session.values.redirect_uri) {
    const issued = consent(request, state, session)
    if (!issued.headers.has('set-cookie')) issued.headers.set('set-cookie', cookie)
    return issued
  }
  return redirect(request, mutants.has('consent-307') ? 307 : 302, '/oauth/authorize', { 'set-cookie': cookie })
}

/**
 * `GET /oauth/oob?code=…` (`internal/api/auth/oob.go:30-73`): no `code` → 400 (session cleared; v0.18 adds the
 * advice); no signed-in user or scope in the session → the session error; else the session is cleared and the
 * page shows the code (not checked: any string, escaped) in `section.oob-token code`. No Accept negotiation.
 */
export function oobGet(request: Request, state: GtsState): Response {
  const code = new URL(request.url).searchParams.get('code')
  const session = readSession(request, state)
  if (!code) {
    const headers = { 'set-cookie': clearSession(request, state, session) }
    throw apiError(400, ["no 'code' query value provided in callback redirect", ...(state.traits.current ? [] : [ADVICE])], { headers })
  }
  const v = session.values
  if (state.traits.current) {
    if (!v.userid) throw withText(sessionError(request, state, session, ['userid']), 'neither userid nor userid_awaiting_2fa keys found in session')
    if (!v.scope) throw sessionError(request, state, session, ['scope'])
  } else {
    const missing = ['scope', 'userid'].filter((k) => !v[k])
    if (missing.length) throw sessionError(request, state, session, missing)
  }
  const account = state.accounts.get(v.userid!)
  if (!account || accountStatePage(account, state)) throw sessionError(request, state, session, ['userid'])
  const cookie = clearSession(request, state, session)
  return pageResponse(state.fixtures.instance.title, 'Out of band token', oobBody({ username: account.username, scope: v.scope!, code }), 200, { 'set-cookie': cookie })
}

function withText(error: ReturnType<typeof sessionError>, help: string) {
  return apiError(error.status, [help, ADVICE], { headers: error.headers })
}
