import type { APIRequestContext, APIResponse } from '@playwright/test'
import { MAX_RETRIES, maxRetryWait, retryDelay } from './retry.ts'

/** The limiter's URL, set by the global setup for real targets (the workers inherit it). */
export const LIMITER_ENV = 'AUTHCONFORM_LIMITER'

const VERBS = new Set(['fetch', 'get', 'post', 'put', 'patch', 'delete', 'head'])
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits for the run's limiter to allow one more request to `key`; returns the lease (undefined: no limiter). */
async function acquire(key: string): Promise<string | undefined> {
  const limiter = process.env[LIMITER_ENV]
  if (!limiter) return undefined
  const granted = await fetch(`${limiter}/acquire/${encodeURIComponent(key)}`, { method: 'POST' })
  if (!granted.ok) throw new Error(`[authconform] the run's request limiter refused ${key} (${granted.status})`)
  return granted.text()
}

function release(key: string, lease: string | undefined): void {
  if (lease === undefined) return
  fetch(`${process.env[LIMITER_ENV]}/release/${encodeURIComponent(key)}/${lease}`, { method: 'POST' }).then(
    (r) => r.arrayBuffer(),
    () => {},
  )
}

/**
 * One request, politely: within the run's rate and concurrency budget for `key`, and again after a 429 —
 * after its Retry-After (seconds or a date) or an exponential back-off, at most MAX_RETRIES times and never
 * longer than maxRetryWait() at once; then the 429 is the answer. Every wait goes to `extend` (the test's time).
 */
export async function politely(key: string, send: () => Promise<APIResponse>, extend: (ms: number) => void = () => {}): Promise<APIResponse> {
  for (let attempt = 0; ; attempt++) {
    const asked = performance.now()
    const lease = await acquire(key)
    const waited = performance.now() - asked
    if (waited > 20) extend(waited)
    let response: APIResponse
    try {
      response = await send()
    } finally {
      release(key, lease)
    }
    if (response.status() !== 429 || attempt >= MAX_RETRIES) return response
    const wait = retryDelay(response.headers()['retry-after'], attempt)
    if (wait > maxRetryWait()) return response
    await response.dispose()
    extend(wait)
    await sleep(wait)
  }
}

/** A request context whose every call goes through `politely` (the suites keep the ordinary API). */
export function politeContext(inner: APIRequestContext, key: string, extend: (ms: number) => void): APIRequestContext {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && VERBS.has(prop)) {
        return (url: string, options?: object) => politely(key, () => (target as any)[prop](url, options), extend)
      }
      return Reflect.get(target, prop, receiver)
    },
  })
}
