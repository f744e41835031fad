/** Shapes shared by the benchmark's parent process and its load-generator child. */

export type LoadScenario = 'get' | 'issue' | 'flow'

/** What the load child is asked to do. */
export interface LoadJob {
  url: string
  api: string
  scenario: LoadScenario
  /** Bearer token for the token-checked GET (issued by the parent against the mock). */
  token?: string
  connections: number
  warmupS: number
  durationS: number
}

/** One measured load run, as the child reports it. */
export interface LoadOutcome {
  requests: number
  durationS: number
  /** HTTP requests per second. */
  rps: number
  /** Scenario iterations per second (a flow is two requests). */
  iterationsPerS: number
  /** Per request; autocannon's percentiles are whole milliseconds (0 means under 1 ms), the mean is exact. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  non2xx: number
  errors: number
  timeouts: number
  statuses: Record<string, number>
}
