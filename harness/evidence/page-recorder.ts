import type { Page, Request as PageRequest } from '@playwright/test'
import type { Exchange } from './exchange.ts'
import type { Redactor } from './redact.ts'
import { toExchange } from './recorder.ts'
import type { SpecValidator } from './spec-validator.ts'

/**
 * Records a browser page's traffic — navigations, redirects, form posts, fetches — as the same evidence the API
 * tests produce: each exchange redacted, checked against the documents, and marked `via: 'page'`. A login page
 * clicked through shows its exchanges in the report. Returns `flush`, which waits for the exchanges still being
 * read (call it before the test's evidence is kept).
 */
export function recordPage(page: Page, redactor: Redactor, validators: readonly SpecValidator[], exchanges: Exchange[]): () => Promise<void> {
  const pending = new Set<Promise<void>>()
  const keep = (work: Promise<void>) => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }
  const record = async (request: PageRequest, failure?: string) => {
    const url = request.url()
    if (!/^https?:/.test(url)) return
    const headers = lower(await request.allHeaders().catch(() => request.headers()))
    const body = request.postData() ?? undefined
    const response = failure === undefined ? await request.response() : null
    let text = failure === undefined ? '' : `(no response: ${failure})`
    let answered: Record<string, string> = {}
    if (response) {
      answered = lower(await response.allHeaders().catch(() => response.headers()))
      // A redirect has no body to read; anything else is read once, as the page received it.
      if (response.status() < 300 || response.status() >= 400) text = await response.text().catch(() => '')
    }
    exchanges.push(toExchange({ method: request.method(), url, headers, ...(body === undefined ? {} : { body }) }, { status: response?.status() ?? 0, headers: answered, text }, redactor, validators, 'page'))
  }
  page.on('requestfinished', (request) => keep(record(request)))
  page.on('requestfailed', (request) => keep(record(request, request.failure()?.errorText ?? 'failed')))
  return async () => {
    while (pending.size) await Promise.all([...pending])
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}
