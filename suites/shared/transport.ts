import type { APIRequestContext, APIResponse } from '@playwright/test'
import { readForm, type SuiteFixtures } from '../../harness/index.ts'

/** An HTTP answer as the page walkers read it, whichever way it was fetched. */
export interface Answer {
  status: number
  url: URL
  headers: Record<string, string>
  text: string
  /** The Playwright response, for answers fetched through the `request` fixture (evidence). */
  response?: APIResponse
}

/** GET, form POST and any other request, redirects never followed. */
export interface Transport {
  get(url: string, headers?: Record<string, string>): Promise<Answer>
  post(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Answer>
  send(method: string, url: string, init?: { body?: string; headers?: Record<string, string> }): Promise<Answer>
  /** The `Cookie` header this transport would send to `url` ('' when none). */
  cookies(url: string): string
}

/** Through the `request` fixture: every exchange is evidence (and a Playwright step); cookies in its jar. */
export function recorded(request: APIRequestContext): Transport {
  const answer = async (response: APIResponse): Promise<Answer> => ({ status: response.status(), url: new URL(response.url()), headers: response.headers(), text: await response.text(), response })
  return {
    get: async (url, headers) => answer(await request.get(url, { maxRedirects: 0, ...(headers ? { headers } : {}) })),
    post: async (url, form, headers) => answer(await request.post(url, { form, maxRedirects: 0, ...(headers ? { headers } : {}) })),
    send: async (method, url, init = {}) => answer(await request.fetch(url, { method, maxRedirects: 0, ...(init.headers ? { headers: init.headers } : {}), ...(init.body === undefined ? {} : { data: Buffer.from(init.body) }) })),
    cookies: () => '',
  }
}

/**
 * The mock's session headers (its control protocol, README "The mock"), for requests that do not go through the
 * `request` fixture: the harness exports neither the names nor a fetch that carries them.
 */
export function sessionHeaders(fixtures: Pick<SuiteFixtures, 'session' | 'target'>): Record<string, string> {
  return fixtures.session ? { 'x-authconform-session': fixtures.session.id, 'x-authconform-profile': fixtures.target.profile } : {}
}

/**
 * Plain `fetch` with a cookie jar of its own, for what a test only prepares (a code, a token to test with): no
 * Playwright step, no evidence, and no cookie in the shared request context (a context that saw one is
 * re-created after the test, which costs about 40 ms per body run in a mutant sweep). A failure while preparing
 * is a precondition failure with the status and URL in its message. What a test checks goes through `recorded`.
 */
export function raw(fixtures: Pick<SuiteFixtures, 'session' | 'target'>): Transport {
  const jar = new Map<string, Map<string, string>>()
  const base = sessionHeaders(fixtures)
  const send = async (url: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<Answer> => {
    const u = new URL(url, `${fixtures.target.baseURL}/`)
    const cookies = jar.get(u.host) ?? new Map<string, string>()
    const headers: Record<string, string> = { ...base, ...init.headers }
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const r = await fetch(u, { method: init.method, headers, redirect: 'manual', ...(init.body === undefined ? {} : { body: init.body }) })
    for (const line of r.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair!.indexOf('=')
      const [name, value] = [pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim()]
      if (!value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) cookies.delete(name)
      else cookies.set(name, value)
    }
    jar.set(u.host, cookies)
    return { status: r.status, url: u, headers: Object.fromEntries([...r.headers].map(([k, v]) => [k.toLowerCase(), v])), text: await r.text() }
  }
  return {
    get: (url, headers) => send(url, { method: 'GET', ...(headers ? { headers } : {}) }),
    post: (url, form, headers) => send(url, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }),
    send: (method, url, init = {}) => send(url, { method, ...init }),
    cookies: (url) => [...(jar.get(new URL(url, `${fixtures.target.baseURL}/`).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; '),
  }
}

/** Submits the first form of a page as a browser would: its fields, `fill` over them, and the button labelled `button`. */
export async function submit(transport: Transport, page: Answer, options: { fill?: Record<string, string>; button?: string; drop?: readonly string[] } = {}): Promise<Answer> {
  const form = readForm(page.text, page.url.toString())
  const fields: Record<string, string> = { ...form.fields, ...options.fill }
  for (const name of options.drop ?? []) delete fields[name]
  if (options.button !== undefined) {
    const button = form.buttons.find((b) => [b.label, b.name, b.value].includes(options.button!))
    if (!button) throw new Error(`[authconform] no button "${options.button}" in the form at ${page.url} (buttons: ${form.buttons.map((b) => b.label).join(', ') || 'none named'})`)
    if (button.name) fields[button.name] = button.value
  }
  return form.method === 'GET' ? transport.get(`${form.action}${form.action.includes('?') ? '&' : '?'}${new URLSearchParams(fields)}`) : transport.post(form.action, fields)
}
