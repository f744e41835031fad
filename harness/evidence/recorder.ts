import type { APIRequestContext, APIResponse } from '@playwright/test'
import { CONTROL_PREFIX } from '../../mocks/control/protocol.ts'
import { credentialsIn, findEchoes } from './echo.ts'
import type { Exchange, RawRequest, RawResponse } from './exchange.ts'
import type { Redactor } from './redact.ts'
import type { SpecValidator } from './spec-validator.ts'

type Options = Parameters<APIRequestContext['fetch']>[1]
const VERBS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD' } as const

/**
 * Wraps Playwright's APIRequestContext so every exchange a test makes is kept as evidence and checked against
 * the API's OpenAPI document. Tests keep using the ordinary `request` API.
 */
export function recordingContext(
  inner: APIRequestContext,
  baseURL: string,
  redactor: Redactor,
  validators: readonly SpecValidator[],
  exchanges: Exchange[],
): APIRequestContext {
  const record = async (method: string, url: string, options: Options | undefined, call: () => Promise<APIResponse>) => {
    const response = await call()
    const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
    const sent = requestBody(options, headers)
    let buffer: Buffer | undefined
    try {
      buffer = await response.body()
    } catch {
      /* HEAD or a body the server never sent */
    }
    const full = new URL(url, `${baseURL}/`).toString()
    exchanges.push(toExchange({ method, url: full, headers, body: sent }, { status: response.status(), headers: response.headers(), text: buffer?.toString('utf8') ?? '' }, redactor, validators))
    return buffer === undefined ? response : withBody(response, buffer)
  }

  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'fetch') {
        return (url: string, options?: Options) => record((options?.method ?? 'GET').toUpperCase(), url, options, () => target.fetch(url, options))
      }
      if (typeof prop === 'string' && prop in VERBS) {
        const method = VERBS[prop as keyof typeof VERBS]
        return (url: string, options?: Options) => record(method, url, options, () => (target as any)[prop](url, options))
      }
      return Reflect.get(target, prop, receiver)
    },
  })
}

/**
 * One exchange as evidence: the secrets a JSON answer hands out are learnt first (so this and later exchanges
 * mask them), every document checks it, and everything kept is redacted. The API recorder and the page recorder
 * both build their exchanges here.
 */
export function toExchange(request: RawRequest, response: RawResponse, redactor: Redactor, validators: readonly SpecValidator[], via?: Exchange['via']): Exchange {
  const contentType = response.headers['content-type'] ?? ''
  redactor.learnRequest(request.url, request.body, request.headers['content-type'] ?? '')
  // Whatever credential the request carried — a made-up token, a Basic pair, a cookie — is masked wherever it shows
  // up again (an answer that echoes it, an assertion quoting that answer); a Basic user that only identifies is not.
  for (const { label, value } of credentialsIn(request)) if (!(label === 'Authorization (Basic user)' && redactor.isPublic(value))) redactor.addSecret(value)
  if (contentType.includes('json')) {
    try {
      redactor.learn(JSON.parse(response.text), request.url)
    } catch {
      /* not JSON after all: the validator will say so */
    }
  }
  const control = new URL(request.url).pathname.startsWith(CONTROL_PREFIX)
  const diagnostics = control ? [] : validators.flatMap((v) => v.validate(request.method, request.url, response.status, response.headers, response.text))
  const echoes = control ? [] : findEchoes(request, response, (label, value) => redactor.shownByDesign(label, request.url) || redactor.isPublic(value))
  return {
    request: {
      method: request.method,
      url: redactor.url(request.url),
      headers: redactor.headers(request.headers),
      body: request.body === undefined ? undefined : redactor.body(request.body, request.headers['content-type'] ?? ''),
    },
    response: { status: response.status, headers: redactor.headers(response.headers), body: redactor.body(response.text, contentType) },
    diagnostics,
    ...(echoes.length ? { echoes } : {}),
    ...(via ? { via } : {}),
  }
}

/**
 * A shared request context seen through one test's eyes: `headers` (the mock session) go with every call, and
 * `sawCookies()` says whether a response set a cookie, after which the context must not be shared any more.
 */
export function withHeaders(inner: APIRequestContext, headers: Record<string, string>): { request: APIRequestContext; sawCookies(): boolean } {
  let cookies = false
  const watch = (response: APIResponse) => {
    if (response.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie')) cookies = true
    return response
  }
  const request = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'fetch' || (typeof prop === 'string' && prop in VERBS)) {
        return (url: string, options?: Options) => (target as any)[prop](url, { ...options, headers: { ...headers, ...options?.headers } }).then(watch)
      }
      return Reflect.get(target, prop, receiver)
    },
  })
  return { request, sawCookies: () => cookies }
}

/**
 * The response with its body already read: `body()`, `text()` and `json()` answer from it instead of asking
 * Playwright again (each ask is another round trip and another captured stack).
 */
function withBody(response: APIResponse, buffer: Buffer): APIResponse {
  const read: Partial<APIResponse> = {
    body: async () => buffer,
    text: async () => buffer.toString('utf8'),
    json: async () => JSON.parse(buffer.toString('utf8')),
  }
  return new Proxy(response, {
    get: (target, prop, receiver) => (typeof prop === 'string' && prop in read ? read[prop as keyof typeof read] : Reflect.get(target, prop, receiver)),
  })
}

function requestBody(options: Options | undefined, headers: Record<string, string>): string | undefined {
  if (!options) return undefined
  if (options.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded'
    return new URLSearchParams(options.form as Record<string, string>).toString()
  }
  if (options.data === undefined) return undefined
  // As Playwright sends it: a string under a JSON content type that is not JSON goes out JSON-encoded.
  if (typeof options.data === 'string') return /json/i.test(headers['content-type'] ?? '') && !isJson(options.data) ? JSON.stringify(options.data) : options.data
  if (Buffer.isBuffer(options.data)) return options.data.toString('utf8')
  headers['content-type'] ??= 'application/json'
  return JSON.stringify(options.data)
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
