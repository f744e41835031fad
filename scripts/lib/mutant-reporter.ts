import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { apiOf } from './suite-file.ts'
import { SWEEP_FAILURE } from '../../suites/support/test.ts'
import { mutantAt } from './mutant-sweep.ts'
import { preconditionOf } from './report/model.ts'

export interface SweepRecord {
  api: string
  mutant: string
  title: string
  requirements: string[]
  /** `blocked`: the test failed only at a precondition, so its own requirements did not catch anything. */
  status: TestResult['status'] | 'blocked'
}

/** In the sweep, caught assertions are recorded as annotations (see suites/support/test.ts `tolerant`). */
function sweepStatus(test: TestCase, result: TestResult): SweepRecord['status'] {
  const failures = [...result.annotations, ...test.annotations].filter((a) => a.type === SWEEP_FAILURE)
  if (failures.length === 0) return result.status
  return failures.every((a) => preconditionOf(a.description ?? '') !== undefined) ? 'blocked' : 'failed'
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
    this.#records.push({
      api,
      mutant,
      title: test.titlePath().slice(3).join(' › '),
      requirements: test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? ''),
      status: sweepStatus(test, result),
    })
  }

  onEnd(): void {
    mkdirSync(dirname(this.options.outputFile), { recursive: true })
    writeFileSync(this.options.outputFile, JSON.stringify(this.#records))
  }
}
