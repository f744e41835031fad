/**
 * The load generator, in its own process so it never shares an event loop with the server under test:
 * `node --import tsx bench/load-worker.ts '<LoadJob[] JSON>'` runs autocannon for each job in turn
 * (a warm-up, then the measured run) and prints one LoadOutcome JSON line per job on stdout.
 */
import { createRequire } from 'node:module'
import type { ApiName } from '../mocks/registry.ts'
import { planFor } from './plans.ts'
import type { LoadJob, LoadOutcome, RequestSpec, WalkTally } from './load-types.ts'
import { emptyTally, finishIteration, startIteration, stepRequest, takeAnswer, tallyIteration, type StepAnswer, type WalkIteration } from './walk.ts'

interface AutocannonRequest {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
  /** autocannon 9 passes the answer's headers as an object of raw names (repeated ones, such as Set-Cookie, as arrays). */
  onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void
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

const headerReader =
  (headers: Record<string, string | string[]> = {}) =>
  (name: string): string[] => {
    for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return Array.isArray(value) ? value : [value]
    return []
  }

/**
 * The sign-in walk as an autocannon request sequence: each connection walks the steps over and over, and autocannon
 * resets its context when the sequence starts again, so every iteration is a fresh browser (its own cookie jar and
 * values, made in the first step's setupRequest). The last step's answer ends the iteration in `tally`.
 */
function walkRequests(job: LoadJob, tally: WalkTally): AutocannonRequest[] {
  const { plan, fixtures } = planFor(job.api as ApiName)
  const walk = plan.walk
  if (!walk) throw new Error(`[authconform] ${job.api}: its bench plan has no sign-in walk`)
  const steps = walk.steps(fixtures)
  const captured = job.captured ?? {}
  return steps.map((step, i) => ({
    setupRequest: (request, context) => {
      if (i === 0) context.iteration = startIteration(walk)
      return { ...request, ...toAutocannon(stepRequest(step, context.iteration as WalkIteration)) }
    },
    onResponse: (status, body, context, headers) => {
      const iteration = context.iteration as WalkIteration | undefined
      if (!iteration) return
      const answer: StepAnswer = { status, body, header: headerReader(headers) }
      takeAnswer(step, iteration, answer, captured)
      if (i === steps.length - 1) tallyIteration(tally, iteration, finishIteration(walk, iteration, answer, fixtures))
    },
  }))
}

/** The request sequence autocannon repeats on every connection for one scenario. */
export function requestsFor(job: LoadJob, tally: WalkTally = emptyTally()): AutocannonRequest[] {
  const { plan, fixtures } = planFor(job.api as ApiName)
  if (job.scenario === 'walk') return walkRequests(job, tally)
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

function summarize(result: AutocannonResult, steps: number, walk?: WalkTally): LoadOutcome {
  const total = result.requests.total
  const statuses: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statuses[code] = stat.count
  return {
    requests: total,
    durationS: result.duration,
    rps: total / result.duration,
    // A walk counts only the iterations it verified: one that failed on the way is not a faster one.
    iterationsPerS: walk ? walk.verified / result.duration : total / steps / result.duration,
    latencyMs: { mean: result.latency.average ?? NaN, p50: result.latency.p50 ?? NaN, p90: result.latency.p90 ?? NaN, p99: result.latency.p99 ?? NaN, max: result.latency.max ?? NaN },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    ...(walk ? { walk } : {}),
  }
}

async function runJob(job: LoadJob): Promise<LoadOutcome> {
  // autocannon annotates the request objects it is given, so each run gets its own; with its default 1 s
  // sample interval it also rounds every run up to whole seconds, hence sampleInt 100.
  const run = (duration: number, tally = emptyTally()) => autocannon({ url: job.url, connections: job.connections, pipelining: 1, timeout: 5, duration, sampleInt: 100, requests: requestsFor(job, tally) })
  if (job.warmupS > 0) await run(job.warmupS)
  const tally = emptyTally()
  const result = await run(job.durationS, tally)
  return summarize(result, requestsFor(job).length, job.scenario === 'walk' ? tally : undefined)
}

async function main(): Promise<void> {
  const jobs = JSON.parse(process.argv[2] ?? '[]') as LoadJob[]
  for (const job of jobs) process.stdout.write(`${JSON.stringify(await runJob(job))}\n`)
}

await main()
