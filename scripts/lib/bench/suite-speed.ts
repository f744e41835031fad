import { join } from 'node:path'
import type { ApiName } from '../../../mocks/registry.ts'
import { freePortBase, spawnTracked } from './children.ts'
import { median } from './cold-start.ts'

const ROOT = join(import.meta.dirname, '..', '..', '..')

/** Wall times of the conformance suite against the mock (medians over `runs`), and Playwright's own start-up. */
export interface SuiteSpeedResult {
  runs: number
  /** Playwright's own start-up: `npx playwright test` of two empty tests on two workers (playwright-floor/). */
  startupMs: number
  /** `npx playwright test` (every API), when measured. */
  allMs?: number
  perApi: { api: ApiName; ms: number; netMs: number }[]
}

/**
 * Runs `npx playwright test <args>` once and returns its wall time. The run gets its own ports, output
 * folder and report folder under reports/bench/, so it never collides with another Playwright run.
 */
async function timePlaywright(args: readonly string[], outDir: string): Promise<number> {
  const portBase = await freePortBase(5, 6100, 6600)
  const env = {
    ...process.env,
    TARGET: 'mock',
    AUTHCONFORM_TEST_PORT_BASE: String(portBase),
    AUTHCONFORM_REPORT_DIR: join(outDir, 'playwright'),
  }
  const since = performance.now()
  const child = spawnTracked('npx', ['playwright', 'test', '--output', join(outDir, 'test-results'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-100_000)))
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  const ms = performance.now() - since
  const ok = code === 0
  if (!ok) throw new Error(`[authconform] npx playwright test ${args.join(' ')} failed (exit ${code})\n${stdout.slice(-3000)}\n${child.stderrTail()}`)
  return ms
}

async function medianOf(runs: number, args: readonly string[], outDir: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await timePlaywright(args, outDir))
  return median(times)
}

const FLOOR_CONFIG = join(import.meta.dirname, 'playwright-floor', 'playwright.config.ts')

/**
 * Suite speed: Playwright's own start-up (runner and two workers, two empty tests), then each API's suite
 * alone (reported net of that start-up), then, with `all`, the whole run.
 */
export async function runSuiteSpeed(apis: readonly ApiName[], all: boolean, runs: number, outDir: string, log: (line: string) => void): Promise<SuiteSpeedResult> {
  const startupMs = await medianOf(runs, ['-c', FLOOR_CONFIG], outDir)
  log(`playwright start-up (two empty tests): ${startupMs.toFixed(0)} ms`)
  const perApi: SuiteSpeedResult['perApi'] = []
  for (const api of apis) {
    const ms = await medianOf(runs, [`suites/${api}/`], outDir)
    perApi.push({ api, ms, netMs: ms - startupMs })
    log(`playwright suites/${api}/: ${ms.toFixed(0)} ms (${(ms - startupMs).toFixed(0)} ms net of start-up)`)
  }
  const result: SuiteSpeedResult = { runs, startupMs, perApi }
  if (all) {
    result.allMs = await medianOf(runs, [], outDir)
    log(`playwright (all APIs): ${result.allMs.toFixed(0)} ms`)
  }
  return result
}
