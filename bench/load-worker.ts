/**
 * The load generator, in its own process so it never shares an event loop with the server under test:
 * `node --import tsx bench/load-worker.ts '<LoadJob[] JSON>'` runs autocannon for each job in turn
 * (a warm-up, then the measured run) and prints one LoadOutcome JSON line per job on stdout.
 */
import { createRequire } from 'node:module'
import type { ApiName } from '../mocks/registry.ts'
import { planFor, type RequestSpec } from './plans.ts'
import type { LoadJob, LoadOutcome } from './load-types.ts'

interface AutocannonRequest {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
interface AutocannonResult {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  requests: { total: number }
  latency: Record<string, number>
  statusCodeStats: Record<string, { count: number }>
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

/** Fallback token when a baseline's token response is not in the API's shape (bare, Prism accept any Bearer). */
const STATIC_TOKEN = 'bench-static-token'

function toAutocannon(spec: RequestSpec): AutocannonRequest {
  return { method: spec.method, path: spec.path, headers: spec.headers ?? {}, ...(spec.body === undefined ? {} : { body: spec.body }) }
}

/** The request sequence autocannon repeats on every connection for one scenario. */
export function requestsFor(job: LoadJob): AutocannonRequest[] {
  const { plan, fixtures } = planFor(job.api as ApiName)
  if (job.scenario === 'get') return [toAutocannon(plan.protectedGet(job.token ?? STATIC_TOKEN, fixtures))]
  if (job.scenario === 'issue') return [toAutocannon(plan.issue(fixtures))]
  const readToken = (body: string): string => {
    try {
      const token = plan.token(JSON.parse(body))
      return typeof token === 'string' && token !== '' ? token : STATIC_TOKEN
    } catch {
      return STATIC_TOKEN
    }
  }
  return [
    { ...toAutocannon(plan.issue(fixtures)), onResponse: (_status, body, context) => void (context.token = readToken(body)) },
    { setupRequest: (request, context) => ({ ...request, ...toAutocannon(plan.protectedGet(String(context.token ?? STATIC_TOKEN), fixtures)) }) },
  ]
}

function summarize(result: AutocannonResult, steps: number): LoadOutcome {
  const total = result.requests.total
  const statuses: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statuses[code] = stat.count
  return {
    requests: total,
    durationS: result.duration,
    rps: total / result.duration,
    iterationsPerS: total / steps / result.duration,
    latencyMs: { mean: result.latency.average ?? NaN, p50: result.latency.p50 ?? NaN, p90: result.latency.p90 ?? NaN, p99: result.latency.p99 ?? NaN, max: result.latency.max ?? NaN },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  }
}

async function runJob(job: LoadJob): Promise<LoadOutcome> {
  // autocannon annotates the request objects it is given, so each run gets its own; with its default 1 s
  // sample interval it also rounds every run up to whole seconds, hence sampleInt 100.
  const run = (duration: number) => autocannon({ url: job.url, connections: job.connections, pipelining: 1, timeout: 5, duration, sampleInt: 100, requests: requestsFor(job) })
  if (job.warmupS > 0) await run(job.warmupS)
  return summarize(await run(job.durationS), requestsFor(job).length)
}

async function main(): Promise<void> {
  const jobs = JSON.parse(process.argv[2] ?? '[]') as LoadJob[]
  for (const job of jobs) process.stdout.write(`${JSON.stringify(await runJob(job))}\n`)
}

await main()
