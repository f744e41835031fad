import { grantLink, randomValue } from '../oauth2/state.ts'
import { ADVICE, apiError, requireOffer } from './errors.ts'
import { accountStatePage, redirect, sessionError, unknownClient } from './flow.ts'
import { gtsToken, uuid } from './ids.ts'
import { HTML_TYPE } from './negotiate.ts'
import { authorizeBody, pageResponse } from './pages.ts'
import { permitsAny, scopesOf } from './scopes.ts'
import { clearSession, readSession, saveSession, type Session } from './session.ts'
import { CODE_TTL, type App, type GtsState } from './state.ts'
import { encodeValues, hostOf, OOB, withQuery } from './urls.ts'

/**
 * `GET /oauth/authorize` (`internal/api/auth/authorize.go:42-123, 235-266`):
 * - only `text/html` is offered (406 otherwise);
 * - signed in (the session has `userid`): the query is ignored and the page is rendered from the session;
 * - otherwise `response_type`, `client_id`, `redirect_uri` must be present (400, session cleared) — nothing else is
 *   checked yet (not the client, not the URI, not the scope); `scope` defaults to `read`, v0.19 turns a literal
 *   `+` into a space; PKCE parameters are not kept. The request goes into the session: 303 to /auth/sign_in.
 */
const REQUIRED = [
  ['response_type', 'ResponseType'],
  ['client_id', 'ClientID'],
  ['redirect_uri', 'RedirectURI'],
] as const

export function authorizeGet(request: Request, state: GtsState): Response {
  requireOffer(request, HTML_TYPE)
  const session = readSession(request, state)
  if (session.values.userid) return authorizePage(request, state, session)
  const q = new URL(request.url).searchParams
  const missing = REQUIRED.filter(([field]) => !q.get(field))
  if (missing.length) {
    const cookie = clearSession(request, state, session)
    const text = state.traits.current
      ? missing.map(([, go]) => `Key: 'OAuthAuthorize.${go}' Error:Field validation for '${go}' failed on the 'required' tag`).join('\n')
      : `field ${missing[0]![0]} was not set on OAuthAuthorize form`
    throw apiError(400, [text, ADVICE], { headers: { 'set-cookie': cookie } })
  }
  let scope = q.get('scope') || 'read'
  if (state.traits.plusSeparates && !state.mutants.has('scope-plus-kept')) scope = scope.replace(/\+/g, ' ')
  session.values = {
    force_login: q.get('force_login') ?? '',
    response_type: q.get('response_type')!,
    client_id: q.get('client_id')!,
    redirect_uri: q.get('redirect_uri')!,
    scope,
    internal_state: uuid(),
    client_state: q.get('state') ?? '',
  }
  return redirect(request, 303, '/auth/sign_in', { 'set-cookie': saveSession(request, state, session) })
}

/** The authorize page of a signed-in session: user, account state, redirect URI, scope, then the app. */
function authorizePage(request: Request, state: GtsState, session: Session): Response {
  const v = session.values
  const user = state.accounts.get(v.userid!)
  if (!user) throw sessionError(request, state, session, ['userid'])
  const elsewhere = accountStatePage(user, state)
  if (elsewhere) return redirect(request, 303, elsewhere)
  const missing = ['redirect_uri', 'scope', 'client_id'].filter((k) => !v[k])
  if (missing.length) throw sessionError(request, state, session, missing)
  const app = state.apps.get(v.client_id!)
  if (!app) throw unknownClient(request, state, session, v.client_id!)
  const body = authorizeBody({ username: user.username, appName: app.name, website: app.website, scope: v.scope!, redirectUri: v.redirect_uri! })
  return pageResponse(state.fixtures.instance.title, 'Authorize', body)
}

/**
 * `POST /oauth/authorize` — Allow (`authorize.go:132-230`, `internal/oauth/server.go:201-294`, handlers.go):
 * 1. everything comes from the session (the body is ignored, there is no CSRF token); 2. account state (303);
 * 3. a non-OOB flow's session is cleared now; 4. `response_type` must be `code` (401);
 * 5. v0.19: every requested scope permitted by one of the app's → else 302 `<redirect_uri>?error=invalid_scope…`
 *    (for an OOB app literally `urn:ietf:wg:oauth:2.0:oob?error=…`);
 * 6. the redirect URI: v0.19 one of the registered (exact); v0.18 its host ends with the registered one's (so an
 *    OOB app accepts any) → else 302 to the *requested* URI with `error=server_error`;
 * 7. a 48-character code bound to client, user, redirect URI and scope, stored 10 minutes;
 * 8. 302 to `/oauth/oob?code=…[&state=…]` (OOB) or `<redirect_uri>?code=…&state=…` (query keys sorted).
 */
export async function authorizePost(request: Request, state: GtsState): Promise<Response> {
  await request.arrayBuffer().catch(() => undefined)
  return consent(request, state, readSession(request, state))
}

export function consent(request: Request, state: GtsState, session: Session): Response {
  const { mutants, traits } = state
  const v = session.values
  const missing = ['response_type', 'client_id', 'redirect_uri', 'scope', 'userid'].filter((k) => !v[k])
  if (missing.length) throw sessionError(request, state, session, missing)
  const user = state.accounts.get(v.userid!)
  if (!user) throw sessionError(request, state, session, ['userid'])
  const elsewhere = accountStatePage(user, state)
  if (elsewhere) return redirect(request, 303, elsewhere)
  const redirectUri = v.redirect_uri!
  const headers: Record<string, string> = redirectUri === OOB ? {} : { 'set-cookie': clearSession(request, state, session) }
  if (v.response_type !== 'code') throw apiError(401, [ADVICE], { headers })
  const app = state.apps.get(v.client_id!)
  if (!app) throw unknownClient(request, state, session, v.client_id!)
  const clientState = v.client_state || undefined
  const found = (location: string) => redirect(request, mutants.has('consent-307') ? 307 : 302, location, headers)
  if (traits.appScopesBound && !mutants.has('authorize-scope-unchecked') && !scopesOf(v.scope!).every((s) => permitsAny(scopesOf(app.scopes), [s]))) {
    return found(withQuery(redirectUri, { error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, or malformed', state: clientState }))
  }
  if (!redirectAllowed(app, redirectUri, state)) {
    const description = 'The authorization server encountered an unexpected condition that prevented it from fulfilling the request'
    return found(withQuery(redirectUri, { error: 'server_error', error_description: description, state: clientState }))
  }
  const code = issueCode(state, app, user.id, redirectUri, v.scope!)
  const echoed = mutants.has('callback-state-dropped') ? undefined : clientState
  if (redirectUri === OOB) return found(`/oauth/oob?${encodeValues([['code', code], ...(echoed === undefined ? [] : [['state', echoed] as const])])}`)
  return found(withQuery(redirectUri, { code, state: echoed }))
}

/** v0.19: exact match with a registered URI. v0.18: go-oauth2's `DefaultValidateURI`, a host-suffix check. */
export function redirectAllowed(app: App, uri: string, state: GtsState): boolean {
  if (state.mutants.has('redirect-unchecked')) return true
  if (state.traits.exactRedirects) return app.redirectUris.includes(uri)
  // A newline list does not parse as one URI (a control character): every check fails.
  if (/[\x00-\x1f]/.test(app.redirectRaw)) return false
  return hostOf(uri).endsWith(hostOf(app.redirectRaw))
}

/** Stores a code as the core's CodeRecord (linked to a new grant), with its issue time for the expiry rule. */
function issueCode(state: GtsState, app: App, userId: string, redirectUri: string, scope: string): string {
  const code = gtsToken()
  const grantId = randomValue()
  const ttl = state.mutants.has('code-no-expiry') ? undefined : CODE_TTL
  const record = { grantId, clientId: app.clientId, userId, redirectUri, redirectUriSent: redirectUri, scopes: scopesOf(scope), challenge: undefined, challengeMethod: undefined, redeemed: false }
  state.oauth.codes.upsert(code, record, ttl, [grantLink(grantId)])
  state.codeIssuedAt.upsert(code, state.clock.now(), ttl)
  return code
}
