import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { APIRequestContext, APIResponse } from '@playwright/test'
import { EXT, ROOT } from '../paths.ts'

/**
 * What the suites create on a real target (keys, tokens, apps, users) and how each is removed. A test registers
 * each thing with one call, `ledger.created(what, removal)` (also `target.created`); the worker removes them, the
 * newest first, when it ends, through the same polite request context, and touches nothing else. Each removal's
 * outcome — never the resource's id in full, which may be a credential — goes to the run's ledger folder, which
 * the global teardown sums up.
 */
export interface Removal {
  method?: 'DELETE' | 'POST' | 'PUT' | 'PATCH'
  /** Relative to the API's base URL. */
  path: string
  headers?: Record<string, string>
  data?: unknown
}

export interface Ledger {
  created(what: string, removal: Removal): void
}

export interface LedgerOutcome {
  api: string
  what: string
  removal: string
  status: number | null
  removed: boolean
  error?: string
}

/** The run's ledger folder, set by the global setup for real targets (the workers inherit it). */
export const LEDGER_ENV = 'AUTHCONFORM_LEDGER_DIR'

/** A path with every long segment (an id, possibly a credential) cut to its first four characters. */
export const masked = (path: string): string => path.replace(/[A-Za-z0-9_-]{16,}/g, (id) => `${id.slice(0, 4)}…`)

/** One worker's ledger. */
export class WorkerLedger {
  readonly #entries: { api: string; baseURL: string; what: string; removal: Removal }[] = []

  add(api: string, baseURL: string, what: string, removal: Removal): void {
    this.#entries.push({ api, baseURL, what, removal })
  }

  /** Removes everything registered, newest first; a 404 or 410 counts as removed (a test deleted it itself). */
  async clean(contextFor: (baseURL: string) => Promise<APIRequestContext>): Promise<LedgerOutcome[]> {
    const outcomes: LedgerOutcome[] = []
    for (const { api, baseURL, what, removal } of this.#entries.splice(0).reverse()) {
      const method = removal.method ?? 'DELETE'
      const described = `${method} ${masked(removal.path)}`
      try {
        const response = await (await contextFor(baseURL)).fetch(removal.path, { method, ...(removal.headers ? { headers: removal.headers } : {}), ...(removal.data === undefined ? {} : { data: removal.data }) })
        const status = response.status()
        await response.dispose()
        outcomes.push({ api, what, removal: described, status, removed: (status >= 200 && status < 300) || status === 404 || status === 410 })
      } catch (error) {
        outcomes.push({ api, what, removal: described, status: null, removed: false, error: (error as Error).message.split('\n')[0]! })
      }
    }
    const dir = process.env[LEDGER_ENV]
    if (dir && outcomes.length) {
      mkdirSync(dir, { recursive: true })
      appendFileSync(join(dir, `worker-${process.pid}.jsonl`), outcomes.map((o) => `${JSON.stringify(o)}\n`).join(''))
    }
    return outcomes
  }
}

/** The run's removals, summed up for the console: one line, and one more per thing left behind. */
export function ledgerSummary(dir: string): string[] {
  if (!existsSync(dir)) return []
  const outcomes = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LedgerOutcome))
  if (!outcomes.length) return []
  const left = outcomes.filter((o) => !o.removed)
  const kinds = new Map<string, number>()
  for (const o of outcomes) kinds.set(`${o.api} ${o.what}`, (kinds.get(`${o.api} ${o.what}`) ?? 0) + 1)
  return [
    `[authconform] cleanup: the suites created ${outcomes.length} thing(s) on the target (${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ')}); ${outcomes.length - left.length} removed, ${left.length} left`,
    ...left.map((o) => `[authconform]   left behind: ${o.api} ${o.what} — ${o.removal} → ${o.status ?? o.error}; remove it by hand`),
  ]
}

/**
 * What an API's requests create, declared once beside its suite (suites/<api>/created.ts) so that nothing a run
 * makes on a real server is missed — not even a key a defective server creates where it should have refused:
 * every answer of the run with a 2xx status to a matching request is registered, with its removal.
 */
export interface Creation {
  what: string
  method: string
  /** Matches the request's path (no query string). */
  path: RegExp
  /** How to remove it, from the answer's JSON body and the creating request's headers; undefined: nothing was made. */
  removal(body: unknown, request: { headers: Record<string, string> }): Removal | undefined
}

/** A request context that registers in `ledger` whatever its answers say was created (see Creation). */
export function watchCreations(inner: APIRequestContext, creations: readonly Creation[], add: (what: string, removal: Removal) => void): APIRequestContext {
  if (!creations.length) return inner
  const verbs: Record<string, string> = { fetch: '', post: 'POST', put: 'PUT', patch: 'PATCH' }
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || !(prop in verbs)) return Reflect.get(target, prop, receiver)
      return async (url: string, options?: { method?: string; headers?: Record<string, string> }) => {
        const response: APIResponse = await (target as any)[prop](url, options)
        const method = (verbs[prop] || options?.method || 'GET').toUpperCase()
        const path = new URL(url, 'http://x').pathname
        const matching = creations.filter((c) => c.method === method && c.path.test(path))
        if (matching.length && response.status() >= 200 && response.status() < 300) {
          const body = await response.json().catch(() => undefined)
          const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]))
          for (const c of matching) {
            const removal = c.removal(body, { headers })
            if (removal) add(c.what, removal)
          }
        }
        return response
      }
    },
  })
}

const declared = new Map<string, Promise<Creation[]>>()
/** The creations an API declares in suites/<api>/created.ts (none when it has no such file), loaded once per process. */
export function creationsOf(api: string): Promise<Creation[]> {
  let found = declared.get(api)
  if (!found) {
    const file = join(ROOT, 'suites', api, `created${EXT}`)
    declared.set(api, (found = existsSync(file) ? import(pathToFileURL(file).href).then((m: { default?: Creation[] }) => m.default ?? []) : Promise.resolve([])))
  }
  return found
}
