/** Shapes shared by the benchmark's parent process and its load-generator child. */

export type LoadScenario = 'get' | 'issue' | 'flow' | 'walk'

/** A request in an API's own terms, as a load generator replays it. */
export interface RequestSpec {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
}

/** What the load child is asked to do. */
export interface LoadJob {
  url: string
  api: string
  scenario: LoadScenario
  /** Bearer token for the token-checked GET (issued by the parent against the mock). */
  token?: string
  /**
   * For the sign-in walk: the values the parent read off the mock's answers when it walked once before the load (a
   * cookie-free copy: client id, code, token …). A step whose answer lacks its value goes on with the captured one,
   * and that iteration counts as failed.
   */
  captured?: Record<string, string>
  connections: number
  warmupS: number
  durationS: number
}

/** How the iterations of a sign-in walk ended in one measured run (iterations cut off by the run's end are in neither). */
export interface WalkTally {
  /** Iterations whose every step answered its expected status and whose last answer carried the user's own data. */
  verified: number
  failed: number
  /** Step answers whose status was not the one the walk expects (its 302s and 303s are expected). */
  unexpected: number
  /** Values a step could not read off its answer and took from the captured walk instead. */
  fallbacks: number
  /** Why iterations failed (the first thing that went wrong in each), with counts. */
  reasons: Record<string, number>
}

/** One measured load run, as the child reports it. */
export interface LoadOutcome {
  requests: number
  durationS: number
  /** HTTP requests per second. */
  rps: number
  /** Scenario iterations per second (a flow is two requests; a walk counts only its verified iterations). */
  iterationsPerS: number
  /** Per request; autocannon's percentiles are whole milliseconds (0 means under 1 ms), the mean is exact. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  /** Answers outside 2xx (for a walk this includes its expected redirects: see `walk.unexpected`). */
  non2xx: number
  errors: number
  timeouts: number
  statuses: Record<string, number>
  /** The sign-in walk only. */
  walk?: WalkTally
}
