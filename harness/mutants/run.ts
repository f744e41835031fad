import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mutantMatrix, outcomeKey, renderMatrix, type MatrixApi, type MutantMatrix, type ProjectOutcome } from './matrix.ts'
import type { SweepRecord } from './reporter.ts'
import { SWEEP_ENV } from './sweep.ts'

/**
 * Runs every API's suite against the unmutated mock and each of its mutants — one Playwright run in which every
 * test body runs clean, as the conformance run, and once per mutant it can catch (see sweep.ts) — then judges the
 * matrix: mutant × expected requirement × caught / survived. Writes `matrix.json` and `matrix.md` into `outDir`;
 * the conformance reporter of the same run writes reports/mock.
 */
/** A declared deviation of the mock (waivers/mock.yaml, as scripts/mutants.ts reads it). */
export interface MockWaiver {
  requirement: string
  profile?: string
}

export function runMutantSweep(apis: readonly MatrixApi[], outDir: string, waivers: readonly MockWaiver[] = []): { matrix: MutantMatrix; text: string; runs: number; conformance: boolean } {
  const sweepFile = join(outDir, 'sweep.json')
  mkdirSync(outDir, { recursive: true })
  rmSync(sweepFile, { force: true })
  const run = spawnSync('npx', ['playwright', 'test', ...new Set(apis.map(({ api }) => `suites/${api}/`))], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, [SWEEP_ENV]: '1', TARGET: 'mock', AUTHCONFORM_SWEEP_FILE: sweepFile, AUTHCONFORM_WORKERS: process.env.AUTHCONFORM_WORKERS ?? '2' },
  })
  if (run.error) throw run.error

  const records = (JSON.parse(readFileSync(sweepFile, 'utf8')) as SweepRecord[]).map(withoutWaived(waivers))
  const outcomes = new Map<string, ProjectOutcome>()
  for (const r of records) {
    const key = outcomeKey(r.api, r.profile, r.mutant)
    const outcome = outcomes.get(key) ?? { failed: new Set<string>(), failedTitles: [], ran: 0 }
    outcome.ran++
    // A failed run, or an echo the harness found in a run that passed its assertions.
    if ((r.status !== 'passed' && r.status !== 'skipped') || r.failedFor.length) {
      // Only the requirements a failed assertion named caught it (a blocked test's own did not); on the clean mock any failure is a fault.
      r.failed.forEach((id) => outcome.failed.add(id))
      r.failedFor.forEach((id) => outcome.failed.add(id))
      outcome.failedTitles.push(r.status === 'blocked' ? `${r.title} (blocked at a precondition)` : r.title)
    }
    outcomes.set(key, outcome)
  }

  const matrix = mutantMatrix(apis, outcomes)
  writeFileSync(join(outDir, 'matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`)
  const text = renderMatrix(matrix)
  writeFileSync(join(outDir, 'matrix.md'), text)
  // The run's exit status is the conformance verdict of the clean runs (the report in reports/mock).
  return { matrix, text, runs: records.length, conformance: run.status === 0 }
}

/**
 * The mock's declared deviations (waivers/mock.yaml: where a profile copies a real line that breaks a
 * requirement) are not faults of the unmutated mock, nor catches of a mutant: a run whose failed assertion named
 * only waived requirements counts as passed.
 */
function withoutWaived(waivers: readonly MockWaiver[]): (record: SweepRecord) => SweepRecord {
  return (r) => {
    const waived = new Set(waivers.filter((w) => !w.profile || w.profile === r.profile).map((w) => w.requirement))
    const named = [...r.failed, ...r.failedFor]
    if (!named.some((id) => waived.has(id))) return r
    const failed = r.failed.filter((id) => !waived.has(id))
    const failedFor = r.failedFor.filter((id) => !waived.has(id))
    return { ...r, failed, failedFor, status: failed.length ? 'failed' : failedFor.length ? r.status : 'passed' }
  }
}
