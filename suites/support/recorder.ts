import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { Redactor } from './redact.ts'
import type { Diagnostic, SpecValidator } from './spec-validator.ts'

/** One request and its response, redacted, with what the OpenAPI document says about it. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown }
  response: { status: number; headers: Record<string, string>; body?: unknown }
  diagnostics: Diagnostic[]
}

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
    const full = new URL(url, `${baseURL}/`).toString()
    const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
    const sent = requestBody(options, headers)
    const received = response.headers()
    let buffer: Buffer | undefined
    try {
      buffer = await response.body()
    } catch {
      /* HEAD or a body the server never sent */
    }
    const text = buffer?.toString('utf8') ?? ''
    const contentType = received['content-type'] ?? ''
    if (contentType.includes('json')) {
      try {
        redactor.learn(JSON.parse(text))
      } catch {
        /* not JSON after all: the validator will say so */
      }
    }
    const diagnostics = new URL(full).pathname.startsWith('/__mock/') ? [] : validators.flatMap((v) => v.validate(method, full, response.status(), received, text))
    exchanges.push({
      request: { method, url: redactor.url(full), headers: redactor.headers(headers), body: sent === undefined ? undefined : redactor.body(sent, headers['content-type'] ?? '') },
      response: { status: response.status(), headers: redactor.headers(received), body: redactor.body(text, contentType) },
      diagnostics,
    })
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
