import type { APIRequestContext, APIResponse } from '@playwright/test'
import { parse } from 'node-html-parser'

/** A form as a browser would submit it: where, how, and the fields it carries (hidden ones, a CSRF token, included). */
export interface HtmlForm {
  action: string
  method: 'GET' | 'POST'
  fields: Record<string, string>
  /** The submit buttons' names and values (a consent page's Allow / Deny); an unnamed one adds no field. */
  buttons: { name: string; value: string; label: string }[]
}

/** Reads the first form matching `selector` from an HTML page at `pageUrl`; throws naming what it found instead. */
export function readForm(html: string, pageUrl: string, selector = 'form'): HtmlForm {
  const root = parse(html)
  const form = root.querySelector(selector)
  if (!form) throw new Error(`[authconform] no ${selector} in the page at ${pageUrl} (${root.querySelectorAll('form').length} forms; title "${root.querySelector('title')?.text ?? ''}")`)
  const fields: Record<string, string> = {}
  for (const input of form.querySelectorAll('input, textarea, select')) {
    const name = input.getAttribute('name')
    const type = (input.getAttribute('type') ?? 'text').toLowerCase()
    if (!name || type === 'submit' || ((type === 'checkbox' || type === 'radio') && !input.hasAttribute('checked'))) continue
    fields[name] = input.tagName === 'TEXTAREA' ? input.text : (input.getAttribute('value') ?? (type === 'checkbox' ? 'on' : ''))
  }
  const buttons = form
    .querySelectorAll('button, input[type=submit]')
    .filter((b) => (b.getAttribute('type') ?? 'submit').toLowerCase() === 'submit')
    .map((b) => ({ name: b.getAttribute('name') ?? '', value: b.getAttribute('value') ?? '', label: b.text.trim() || (b.getAttribute('value') ?? '') }))
  const method = (form.getAttribute('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET'
  return { action: new URL(form.getAttribute('action') ?? '', pageUrl).toString(), method, fields, buttons }
}

/**
 * Submits a form read from `page` (a response holding HTML) with the request context, as a browser would: its
 * fields, `fill` over them, and the named button (`button: 'Allow'` matches a label, name or value). Cookies
 * stay with the context. `maxRedirects: 0` shows the redirect itself (an OAuth2 redirect to the client).
 *
 * @example
 * const consent = await submitForm(request, loginPage, { fill: { username: 'alice@example.org', password } })
 * const redirect = await submitForm(request, consent, { button: 'Allow', maxRedirects: 0 })
 */
export async function submitForm(
  request: APIRequestContext,
  page: APIResponse,
  options: { fill?: Record<string, string>; button?: string; selector?: string; maxRedirects?: number; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  const form = readForm(await page.text(), page.url(), options.selector)
  const fields = { ...form.fields, ...options.fill }
  if (options.button !== undefined) {
    const button = form.buttons.find((b) => [b.label, b.name, b.value].includes(options.button!))
    if (!button) throw new Error(`[authconform] no button "${options.button}" in the form at ${page.url()} (buttons: ${form.buttons.map((b) => b.label).join(', ') || 'none named'})`)
    if (button.name) fields[button.name] = button.value
  }
  const redirects = options.maxRedirects === undefined ? {} : { maxRedirects: options.maxRedirects }
  if (form.method === 'GET') {
    const url = new URL(form.action)
    for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, v)
    return request.get(url.toString(), { ...redirects, ...(options.headers ? { headers: options.headers } : {}) })
  }
  return request.post(form.action, { form: fields, ...redirects, ...(options.headers ? { headers: options.headers } : {}) })
}
