import { ApiError } from '../core/errors.ts'
import { form, html, SafeHtml } from '../core/html.ts'
import { CSRF_FIELD, formOf, maskCsrf, page } from '../oauth2/index.ts'
import { createDeveloperToken, deleteDeveloperToken, listDeveloperTokens } from './developer-tokens.ts'
import { SCOPES, type User } from './fixtures.ts'
import type { FrameioState } from './state.ts'

/**
 * The Developer Portal's Tokens screens as pages a frontend developer clicks through (seed steps 1–6):
 * sign in → Tokens → New → description + scopes ("Select all scopes") → Create → the summary page shows the token
 * once → back on Tokens only descriptions and scopes → Delete. Without a session every page sends the browser to
 * `/login` and back; every form carries the session's CSRF value (403 page otherwise, nothing done).
 */
const BRAND = 'Frame.io Developer'
const HOME = '/developer/tokens'

export function tokensPage(request: Request, state: FrameioState): Response {
  const session = state.as.session(request)
  if (!session) return toLogin(HOME)
  const user = state.usersById.get(session.userId)!
  const rows = listDeveloperTokens(state, user.id).map(
    (t) =>
      html`<tr><td>${t.description}</td><td>${t.scopes.join(' ')}</td><td>${t.inserted_at}</td>${t.token ? html`<td><code>${t.token}</code></td>` : ''}<td>${form({ action: `${HOME}/${t.id}/delete`, csrf: maskCsrf(session.csrf), fields: [], submit: 'Delete' })}</td></tr>`,
  )
  const table = rows.length ? html`<table><thead><tr><th>Description</th><th>Scopes</th><th>Created</th><th></th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No tokens yet.</p>`
  const logout = form({ action: '/logout', csrf: maskCsrf(session.csrf), fields: [], submit: 'Sign out' })
  return page(BRAND, state.mutants, 'Tokens', html`<p>Signed in as ${user.email}.</p><p><a href="${HOME}/new">New</a></p>${table}${logout}`)
}

export function newTokenPage(request: Request, state: FrameioState): Response {
  const session = state.as.session(request)
  if (!session) return toLogin(`${HOME}/new`)
  return newTokenForm(state, maskCsrf(session.csrf))
}

/** The "New" form posted: the summary page with the token (once), or the form again (422). */
export async function createFromPage(request: Request, state: FrameioState): Promise<Response> {
  const fields = await formOf(request)
  const { user } = sessionUser(request, state, fields.get(CSRF_FIELD))
  // The `page-select-all-ignored` defect: "Select all scopes" works only in the page's script, never on the server.
  const scopes = fields.has('all_scopes') && !state.mutants.has('page-select-all-ignored') ? [...SCOPES] : fields.all('scopes')
  try {
    const { record, token } = createDeveloperToken(state, user.id, { description: fields.get('description') ?? '', scopes })
    const summary = html`<p>Copy this token now: once you leave this page you will not be able to see it again.</p><p>Token: <code id="token">${token}</code></p><p>Description: ${record.description}</p><p>Scopes: ${record.scopes.join(' ')}</p><p><a href="${HOME}">Back to Tokens</a></p>`
    return page(BRAND, state.mutants, 'Your new token', summary)
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422) throw error
    return newTokenForm(state, maskCsrf(state.as.session(request)!.csrf), error.detail, 422)
  }
}

export async function deleteFromPage(request: Request, state: FrameioState, id: string): Promise<Response> {
  const fields = await formOf(request)
  const { user } = sessionUser(request, state, fields.get(CSRF_FIELD))
  deleteDeveloperToken(state, user.id, id)
  return new Response(null, { status: 303, headers: { location: HOME, 'cache-control': 'no-store' } })
}

function newTokenForm(state: FrameioState, csrf: string, message?: string, status = 200): Response {
  const fields = [
    { name: 'description', label: 'Description', required: true },
    { name: 'all_scopes', label: 'Select all scopes', type: 'checkbox' as const, value: 'on' },
    ...SCOPES.map((s) => ({ name: 'scopes', label: s, type: 'checkbox' as const, value: s })),
  ]
  const alert = message ? html`<p role="alert">${message}</p>` : new SafeHtml('')
  return page(BRAND, state.mutants, 'New token', html`${alert}${form({ action: HOME, csrf, fields, submit: 'Create' })}`, { status })
}

function sessionUser(request: Request, state: FrameioState, supplied: string | undefined): { user: User } {
  const session = state.as.session(request)
  const user = session && state.usersById.get(session.userId)
  if (!user) throw new ApiError({ status: 401, code: 'login_required', detail: 'Sign in to the Developer Portal first.' })
  state.as.checkCsrf(request, session, supplied)
  return { user }
}

function toLogin(returnTo: string): Response {
  return new Response(null, { status: 303, headers: { location: `/login?return_to=${encodeURIComponent(returnTo)}`, 'cache-control': 'no-store' } })
}
