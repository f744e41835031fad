import { json, NO_STORE, readBody } from '../core/http.ts'
import { randomString, safeEqual } from '../core/random.ts'
import { loginTitle, problem, unauthorized, validation } from './errors.ts'
import { LOGIN_TOKEN_TTL_SECONDS, type ExceptionlessState, type TokenRecord } from './state.ts'

const WINDOW_MS = 15 * 60 * 1000
const MAX_ATTEMPTS_PER_EMAIL = 5

/**
 * `POST /api/v2/auth/login` (`Api/Handlers/AuthHandler.cs`), AllowAnonymous.
 * - Body `Login {email, password (6–100), invite_token? (40)}`; validation errors → 422 with an `errors` map
 *   (snake_case keys), before any attempt is counted; a body that is not a JSON object → 400.
 * - Every attempt counts against the email for the current 15-minute window; past 5 → 401 "Login denied."
 *   even with the right password; a successful login clears the count.
 * - Unknown email, inactive user, wrong password → 401 "Login failed." (one answer: no enumeration); like
 *   "Login denied." a handler result, not a challenge: no WWW-Authenticate in any version.
 * - Success → 200 `{"token"}`: the user's unexpired login token is reused, else a new 40-character one.
 * Not modelled: the 15-per-IP limit (a Fetch Request carries no peer address).
 */
export async function login(request: Request, state: ExceptionlessState): Promise<Response> {
  const body = await readBody(request)
  if (body.kind === 'invalid' && state.mutants.has('bad-json-500')) return developerExceptionPage(body.reason)
  const value = body.kind === 'json' ? body.value : undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem(400, 'A non-empty JSON request body is required.')
  const { email, password, invite_token: invite } = value as Record<string, unknown>
  if ((email !== undefined && typeof email !== 'string') || (password !== undefined && typeof password !== 'string')) {
    throw problem(400, 'The JSON value could not be converted to a string.')
  }

  const errors: Record<string, string[]> = {}
  if (!email) errors.email = ['The email field is required.']
  if (!password) errors.password = ['The password field is required.']
  else if (password.length < 6 || password.length > 100) errors.password = ['The field password must be a string with a minimum length of 6 and a maximum length of 100.']
  // The `invite-token-unchecked` defect takes an invite token of any length.
  if (invite !== undefined && invite !== null && (typeof invite !== 'string' || invite.length !== 40) && !state.mutants.has('invite-token-unchecked')) errors.invite_token = ['The field invite_token must be a string with a length of 40.']
  // What was sent goes with the error; only the `echo-password` defect of the envelope shows it.
  if (Object.keys(errors).length) throw validation(errors, 422, String(password))

  // Trimmed and lower-cased (AuthHandler.cs:46); the `login-email-exact` defect looks the address up as typed.
  const key = state.mutants.has('login-email-exact') ? (email as string) : (email as string).trim().toLowerCase()
  // The `lockout-case-sensitive` defect counts attempts per email as typed, so changing its case resets the count.
  const counter = state.mutants.has('lockout-case-sensitive') ? (email as string).trim() : key
  const locked = countAttempt(counter, state)
  // The `lockout-after-password` defect checks the limit only once the password has failed.
  if (locked && !state.mutants.has('lockout-after-password')) throw denied(request, state)

  const user = state.usersByEmail.get(key)
  if (!user || !user.is_active || !safeEqual(password as string, user.password)) {
    if (locked) throw denied(request, state)
    if (user && !user.is_active && state.mutants.has('inactive-login-distinct')) throw problem(401, 'The user is inactive.')
    const hint = !user && state.mutants.has('login-enumeration-detail') ? { detail: 'No user has that e-mail address.' } : {}
    throw problem(401, !user && state.mutants.has('login-enumeration') ? 'User not found.' : loginTitle(state.profile, 'Login failed.'), undefined, { ...challengeIf('login-failed-challenge', request, state), ...hint })
  }

  // A success clears its own email's count (AuthHandler.cs:113); `success-resets-counters` clears every email's,
  // `success-keeps-count` none.
  if (state.mutants.has('success-resets-counters')) state.loginAttempts.clear()
  else if (!state.mutants.has('success-keeps-count')) state.loginAttempts.delete(counter)
  // The token answer is a credential: not to be stored by caches (RFC 6749 §5.1; the server sets nothing — EXL-LOGIN-NOSTORE).
  return json({ token: loginToken(user.id, state).id }, 200, state.mutants.has('login-cacheable') ? {} : NO_STORE)
}

/**
 * Counts one login attempt for `key` in its 15-minute bucket (buckets end on quarter-hour boundaries, as
 * `Ceiling(15 min)` expiries do); true when the count is past the limit.
 */
export function countAttempt(key: string, state: ExceptionlessState): boolean {
  const now = state.clock.now()
  const attempts = state.loginAttempts.get(key)
  const current = attempts && attempts.resetAt > now ? attempts : { count: 0, resetAt: Math.ceil((now + 1) / WINDOW_MS) * WINDOW_MS }
  current.count++
  state.loginAttempts.set(key, current)
  return current.count > MAX_ATTEMPTS_PER_EMAIL && !state.mutants.has('no-login-rate-limit')
}

function loginToken(userId: string, state: ExceptionlessState): TokenRecord {
  // The `login-token-shared` defect: the reuse cache is keyed by organization, not by user.
  const cacheKey = state.mutants.has('login-token-shared') ? (state.usersById.get(userId)?.organization_ids[0] ?? userId) : userId
  const current = state.loginTokens.get(cacheKey)
  const existing = current === undefined ? undefined : state.tokens.find(current)
  if (existing && !existing.is_disabled) return existing
  const now = new Date(state.clock.now())
  const token: TokenRecord = {
    id: randomString(40),
    type: 'authentication',
    user_id: userId,
    organization_id: null,
    project_id: null,
    default_project_id: null,
    scopes: [],
    notes: null,
    expires_utc: new Date(now.getTime() + LOGIN_TOKEN_TTL_SECONDS * 1000).toISOString(),
    is_disabled: false,
    is_suspended: false,
    created_utc: now.toISOString(),
    updated_utc: now.toISOString(),
  }
  // The `login-token-never-expires` defect keeps it stored past its three months, so a later login hands it out again.
  state.tokens.upsert(token.id, token, state.mutants.has('login-token-never-expires') ? undefined : LOGIN_TOKEN_TTL_SECONDS)
  state.loginTokens.set(cacheKey, token.id)
  return token
}

/** "Login denied.": a handler result (Result.Unauthorized), not a challenge, so no WWW-Authenticate. */
function denied(request: Request, state: ExceptionlessState) {
  return problem(401, loginTitle(state.profile, 'Login denied.'), undefined, challengeIf('login-denied-challenge', request, state))
}

/** The `login-failed-challenge` / `login-denied-challenge` defects: a handler's 401 sent as an authentication challenge. */
function challengeIf(mutant: 'login-failed-challenge' | 'login-denied-challenge', request: Request, state: ExceptionlessState) {
  return state.mutants.has(mutant) ? { challenge: unauthorized(request, { profile: 'exceptionless@8.7', mutants: state.mutants }).challenge } : {}
}

/** The `bad-json-500` defect: the JSON reader's exception escapes to a development error page. */
function developerExceptionPage(reason: string): Response {
  const text = `System.Text.Json.JsonException: ${reason}\n   at System.Text.Json.ThrowHelper.ReThrowWithPath(ReadStack& state, JsonReaderException ex)\n   at Exceptionless.Web.Api.Handlers.AuthHandler.LoginAsync(Login model)`
  return new Response(text, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
