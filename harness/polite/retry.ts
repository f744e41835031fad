/** How long to wait before trying a request the server answered 429 again (the `attempt`th retry, from 0). */
export function retryDelay(retryAfter: string | undefined, attempt: number, now = Date.now()): number {
  const value = retryAfter?.trim()
  if (value && /^\d+$/.test(value)) return Number(value) * 1000
  const date = value ? Date.parse(value) : Number.NaN
  if (!Number.isNaN(date)) return Math.max(0, date - now)
  // No (readable) Retry-After: exponential back-off, 1 s, 2 s, 4 s, …
  return 1000 * 2 ** attempt
}

/** Retries of one request answered 429, and the longest single wait (AUTHCONFORM_MAX_RETRY_WAIT_SECONDS): beyond it the 429 is the answer. */
export const MAX_RETRIES = 3
export const maxRetryWait = (): number => Number(process.env.AUTHCONFORM_MAX_RETRY_WAIT_SECONDS ?? 30) * 1000
