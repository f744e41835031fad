import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { apiOf } from './suite-file.ts'
import { SWEEP_FAILURE } from '../../suites/support/test.ts'
import { mutantAt } from './mutant-sweep.ts'
import { judgeFailure } from './report/model.ts'
import { knownIds } from '../../suites/support/catalogue.ts'

export interface SweepRecord {
  api: string
  mutant: string
  title: string
  requirements: string[]
  /** `blocked`: the test's failure reports on other requirements (a precondition, an envelope), not its own. */
  status: TestResult['status'] | 'blocked'
  /** Other requirements its failed assertion named: they caught the mutant. */
  failedFor: string[]
}

/** In the sweep, caught assertions are recorded as annotations (see suites/support/test.ts `tolerant`). */
function sweepVerdict(api: string, test: TestCase, result: TestResult, requirements: string[]): Pick<SweepRecord, 'status' | 'failedFor'> {
  const failures = [...result.annotations, ...test.annotations].filter((a) => a.type === SWEEP_FAILURE)
  if (failures.length === 0) return { status: result.status, failedFor: [] }
  const verdict = judgeFailure(failures.map((a) => a.description ?? ''), requirements, knownIds(api))
  return { status: verdict.blocked ? 'blocked' : 'failed', failedFor: verdict.failedFor }
}

/** Collects, per test and repetition, which mutant ran and which requirements failed; writes them as JSON. */
export default class MutantReporter implements Reporter {
  readonly #records: SweepRecord[] = []
  constructor(private readonly options: { outputFile: string }) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const api = apiOf(test)
    if (!api) return
    const mutant = mutantAt(api, test.repeatEachIndex)
    if (mutant === undefined) return
    const requirements = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')
    this.#records.push({ api, mutant, title: test.titlePath().slice(3).join(' › '), requirements, ...sweepVerdict(api, test, result, requirements) })
  }

  onEnd(): void {
    mkdirSync(dirname(this.options.outputFile), { recursive: true })
    writeFileSync(this.options.outputFile, JSON.stringify(this.#records))
  }
}
