import type { ApiName } from '../mocks/registry.ts'

/** How much the benchmark does: the full run, or `--quick` to prove in CI that it still works. */
export interface BenchConfig {
  quick: boolean
  apis: ApiName[]
  /** Measured seconds per load run, after `warmupS` of unmeasured load. */
  durationS: number
  warmupS: number
  /** Mock and bare runs per scenario, alternated; each side keeps its median. */
  rounds: number
  connections: number
  coldStarts: number
  /** Live tokens in the store for the large side of the scale scenario. */
  scaleTokens: number
  /** Tokens per POST /__mock/preload call. */
  preloadChunk: number
  /** Playwright suite speed: every API and the whole run, only the first API (quick), or not at all. */
  suite: 'all' | 'first' | 'off'
  outDir: string
}

/** The configuration for a full or quick run over `apis`. */
export function benchConfig(apis: ApiName[], quick: boolean, overrides: Partial<BenchConfig> = {}): BenchConfig {
  const base: BenchConfig = quick
    ? { quick, apis, durationS: 0.5, warmupS: 0.5, rounds: 1, connections: 32, coldStarts: 3, scaleTokens: 100_000, preloadChunk: 100_000, suite: 'first', outDir: 'reports/bench' }
    : { quick, apis, durationS: 2, warmupS: 1, rounds: 5, connections: 32, coldStarts: 7, scaleTokens: 1_000_000, preloadChunk: 250_000, suite: 'all', outDir: 'reports/bench' }
  return { ...base, ...overrides }
}
