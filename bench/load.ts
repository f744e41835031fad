import { join } from 'node:path'
import { pinned, spawnTracked } from './children.ts'
import type { LoadJob, LoadOutcome } from './load-types.ts'

const WORKER = join(import.meta.dirname, 'load-worker.ts')

/**
 * A sign-in walk's redirects are not 2xx and are expected: its run is broken on an error or timeout, or when not one
 * iteration was verified. Iterations that failed otherwise are kept in `walk` (and not counted as iterations), so the
 * report prints them beside the rate.
 */
function checkWalk(outcome: LoadOutcome, label: string): LoadOutcome {
  const w = outcome.walk
  if (!w || w.verified === 0 || outcome.errors + outcome.timeouts > 0) {
    throw new Error(
      `[authconform] load for ${label}: ${outcome.requests} requests, ${w?.verified ?? 0} walks verified, ${w?.failed ?? 0} failed ${JSON.stringify(w?.reasons ?? {})}, ${outcome.errors} errors, ${outcome.timeouts} timeouts; statuses ${JSON.stringify(outcome.statuses)}`,
    )
  }
  return outcome
}

/** Nothing finished in the run: too short for the machine, not broken. */
const empty = (o: LoadOutcome) => (o.walk ? o.walk.verified + o.walk.failed === 0 : o.requests === 0 && o.non2xx === 0) && o.errors + o.timeouts === 0

function check(outcome: LoadOutcome, label: string, walk: boolean): LoadOutcome {
  if (walk) return checkWalk(outcome, label)
  const bad = outcome.non2xx + outcome.errors + outcome.timeouts
  if (bad > 0 || outcome.requests === 0) {
    throw new Error(`[authconform] load for ${label}: ${outcome.requests} requests, ${outcome.non2xx} non-2xx, ${outcome.errors} errors, ${outcome.timeouts} timeouts; statuses ${JSON.stringify(outcome.statuses)}`)
  }
  return outcome
}

/**
 * Runs bounded loads (each a warm-up + a measured run), one after the other, from one separate process, and
 * returns their numbers in order. Throws when the load child fails or when any response was not 2xx (or
 * errored, or timed out): the benchmark itself is then broken, not merely slow. A sign-in walk: see `checkWalk`.
 */
export async function runLoads(jobs: readonly LoadJob[], label: string): Promise<LoadOutcome[]> {
  const outcomes = await loadOnce(jobs, label)
  // A run too short to finish one request on a busy machine (a quick run's half second, a slow login) is measured
  // again, four times as long, before it counts as broken.
  const short = outcomes.flatMap((o, i) => (empty(o) ? [i] : []))
  if (short.length) {
    const again = await loadOnce(short.map((i) => ({ ...jobs[i]!, durationS: jobs[i]!.durationS * 4 })), label)
    short.forEach((i, k) => (outcomes[i] = again[k]!))
  }
  return outcomes.map((o, i) => check(o, `${label} ${jobs[i]!.scenario} at ${jobs[i]!.url}`, jobs[i]!.scenario === 'walk'))
}

async function loadOnce(jobs: readonly LoadJob[], label: string): Promise<LoadOutcome[]> {
  const child = spawnTracked(...pinned('load', process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(jobs)]), { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const boundMs = jobs.reduce((sum, j) => sum + (j.warmupS + j.durationS) * 1000 + 10_000, 20_000)
  const timer = setTimeout(() => child.kill('SIGKILL'), boundMs)
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  clearTimeout(timer)
  if (code !== 0) throw new Error(`[authconform] load for ${label} failed (exit ${code})\n${child.stderrTail()}`)
  const outcomes = stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LoadOutcome)
  if (outcomes.length !== jobs.length) throw new Error(`[authconform] load for ${label}: ${outcomes.length} results for ${jobs.length} runs`)
  return outcomes
}
