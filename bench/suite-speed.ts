import { join } from 'node:path'
import type { ApiName } from '../mocks/registry.ts'
import { freePortBase, spawnTracked } from './children.ts'
import { median } from './cold-start.ts'

const ROOT = join(import.meta.dirname, '..')

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

const FLOOR_CONFIG = join(import.meta.dirname, 'playwright-floor', 'playwright.config.ts')

/**
 * Suite speed: Playwright's own start-up (runner and two workers, two empty tests), each API's suite alone
 * (reported net of that start-up) and, with `all`, the whole run. They take turns — start-up, each API, all,
 * then again — `runs` times, so a shared machine speeding up or slowing down mid-way hits the start-up and the
 * suites alike; each keeps its median.
 */
export async function runSuiteSpeed(apis: readonly ApiName[], all: boolean, runs: number, outDir: string, log: (line: string) => void): Promise<SuiteSpeedResult> {
  const plan: { key: string; args: string[] }[] = [
    { key: 'start-up', args: ['-c', FLOOR_CONFIG] },
    ...apis.map((api) => ({ key: api, args: [`suites/${api}/`] })),
    ...(all ? [{ key: 'all', args: [] }] : []),
  ]
  const times = new Map<string, number[]>(plan.map((p) => [p.key, []]))
  for (let round = 0; round < runs; round++) {
    for (const { key, args } of plan) times.get(key)!.push(await timePlaywright(args, outDir))
  }
  const medianFor = (key: string) => median(times.get(key)!)
  const startupMs = medianFor('start-up')
  log(`playwright start-up (two empty tests): ${startupMs.toFixed(0)} ms`)
  const perApi = apis.map((api) => {
    const ms = medianFor(api)
    log(`playwright suites/${api}/: ${ms.toFixed(0)} ms (${(ms - startupMs).toFixed(0)} ms net of start-up)`)
    return { api, ms, netMs: ms - startupMs }
  })
  const result: SuiteSpeedResult = { runs, startupMs, perApi }
  if (all) {
    result.allMs = medianFor('all')
    log(`playwright (all APIs): ${result.allMs.toFixed(0)} ms`)
  }
  return result
}
