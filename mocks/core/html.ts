/**
 * Small HTML pages for the mocks' browser flows (login, consent, out-of-band code, errors shown before a
 * redirect URI is known good). Everything interpolated is escaped; forms carry their CSRF field.
 *
 * @example
 * htmlPage('Sign in', html`<h1>Sign in to ${app}</h1>${form({ action: '/auth/sign_in', csrf, fields: [{ name: 'username', label: 'Email' }] })}`)
 */

/** HTML that is already safe (built by `html` or `form`), as opposed to a string to escape. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** A template whose interpolations are escaped, unless they are SafeHtml (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value]
    out += parts.map((v) => (v instanceof SafeHtml ? v.value : v === undefined || v === null || v === false ? '' : escapeHtml(v))).join('')
    out += strings[i + 1]!
  })
  return new SafeHtml(out)
}

export interface FormField {
  name: string
  label?: string
  type?: 'text' | 'email' | 'password' | 'hidden' | 'checkbox'
  value?: string
  required?: boolean
}

/** The name of the hidden field that carries a form's CSRF token. */
export const CSRF_FIELD = 'csrf_token'

export function form(options: { action: string; method?: 'post' | 'get'; csrf?: string; fields: readonly FormField[]; submit?: string | readonly { name: string; value: string; label: string }[] }): SafeHtml {
  const inputs = options.fields.map((f) =>
    f.type === 'hidden'
      ? html`<input type="hidden" name="${f.name}" value="${f.value ?? ''}">`
      : html`<label>${f.label ?? f.name} <input type="${f.type ?? 'text'}" name="${f.name}" value="${f.value ?? ''}"${f.required ? new SafeHtml(' required') : ''}></label>`,
  )
  const csrf = options.csrf === undefined ? '' : html`<input type="hidden" name="${CSRF_FIELD}" value="${options.csrf}">`
  const submit = options.submit ?? 'Continue'
  const buttons = typeof submit === 'string' ? [html`<button type="submit">${submit}</button>`] : submit.map((b) => html`<button type="submit" name="${b.name}" value="${b.value}">${b.label}</button>`)
  return html`<form method="${options.method ?? 'post'}" action="${options.action}">${csrf}${inputs}${buttons}</form>`
}

/** A whole page as a Response, never cached (pages carry codes and CSRF tokens). */
export function htmlPage(title: string, body: SafeHtml, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`
  return new Response(text.value, {
    status: init.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...init.headers },
  })
}
