import type { ApiError, Envelope } from '../../core/errors.ts'
import { CSRF_FIELD, form, html, htmlPage, type SafeHtml } from '../../core/html.ts'
import type { OAuth2Mutants } from '../mutants.ts'
import type { OAuthClient } from '../types.ts'

/**
 * The authorization server's pages: sign-in, consent, and errors shown before a redirect URI is known good.
 * - RFC 9700 §4.16: "Authorization servers MUST prevent clickjacking attacks" — `X-Frame-Options: DENY` and CSP
 *   `frame-ancestors 'none'` on every page; `Referrer-Policy: no-referrer` (§4.2.4: codes must not leak).
 * - `Cache-Control: no-store` (core htmlPage): pages carry CSRF values and, on errors, nothing of the request.
 */
export function securityHeaders(mutants: OAuth2Mutants): Record<string, string> {
  const base = { 'referrer-policy': 'no-referrer' }
  return mutants.has('framing-allowed') ? base : { ...base, 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" }
}

export function page(brand: string, mutants: OAuth2Mutants, title: string, body: SafeHtml, init: { status?: number; cookies?: string[] } = {}): Response {
  const response = htmlPage(`${title} · ${brand}`, html`<main><h1>${title}</h1>${body}</main>`, { status: init.status ?? 200, headers: securityHeaders(mutants) })
  for (const cookie of init.cookies ?? []) response.headers.append('set-cookie', cookie)
  return response
}

export interface LoginView {
  action: string
  csrf: string
  loginChallenge?: string
  returnTo?: string
  message?: string
}

export function loginPage(brand: string, mutants: OAuth2Mutants, view: LoginView, init: { status?: number; cookies?: string[] } = {}): Response {
  const hidden = [
    ...(view.loginChallenge ? [{ name: 'login_challenge', type: 'hidden' as const, value: view.loginChallenge }] : []),
    ...(view.returnTo ? [{ name: 'return_to', type: 'hidden' as const, value: view.returnTo }] : []),
  ]
  const fields = [{ name: 'email', label: 'Email', type: 'email' as const, required: true }, { name: 'password', label: 'Password', type: 'password' as const, required: true }, ...hidden]
  const message = view.message ? html`<p role="alert">${view.message}</p>` : ''
  return page(brand, mutants, `Sign in to ${brand}`, html`${message}${form({ action: view.action, csrf: view.csrf, fields, submit: 'Sign in' })}`, init)
}

export function consentPage(brand: string, mutants: OAuth2Mutants, view: { action: string; csrf: string; challenge: string; client: OAuthClient; userName: string; scopes: readonly string[] }): Response {
  // The `consent-scopes-hidden` defect asks for "access to your account" without saying which.
  if (mutants.has('consent-scopes-hidden')) view = { ...view, scopes: [] }
  const scopes = view.scopes.length ? html`<ul>${view.scopes.map((s) => html`<li><code>${s}</code></li>`)}</ul>` : html`<p>No scopes: only your identity.</p>`
  const choice = form({
    action: view.action,
    csrf: view.csrf,
    fields: [{ name: 'consent_challenge', type: 'hidden', value: view.challenge }],
    submit: [
      { name: 'decision', value: 'allow', label: 'Allow' },
      { name: 'decision', value: 'deny', label: 'Deny' },
    ],
  })
  const body = html`<p>Signed in as ${view.userName}.</p><p><strong>${view.client.name}</strong> would like to act on your behalf with these scopes:</p>${scopes}${choice}`
  return page(brand, mutants, `Authorize ${view.client.name}`, body)
}

/** Renders refusals as an error page (never a redirect): the page envelope of an API's HTML routes. */
export function pageEnvelope(brand: string, mutants: OAuth2Mutants): Envelope {
  return (error: ApiError) => {
    const title = error.status === 403 ? 'Forbidden' : error.status === 404 ? 'Not found' : error.status === 401 ? 'Not signed in' : 'Something is wrong with this request'
    const code = error.code && /^[a-z_]+$/.test(error.code) ? html`<p><code>${error.code}</code></p>` : ''
    return page(brand, mutants, title, html`${code}<p>${error.detail ?? error.title ?? ''}</p>`, { status: error.status })
  }
}

/** The CSRF field's name on every form of these pages. */
export { CSRF_FIELD }
