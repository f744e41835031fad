import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import type { ApiName } from '../../mocks/registry.ts'
import { SWEEP_FAILURE } from '../../suites/support/test.ts'
import { mutantAt } from './mutant-sweep.ts'

export interface SweepRecord {
  api: string
  mutant: string
  title: string
  requirements: string[]
  status: TestResult['status']
}

/** Collects, per test and repetition, which mutant ran and which requirements failed; writes them as JSON. */
export default class MutantReporter implements Reporter {
  readonly #records: SweepRecord[] = []
  constructor(private readonly options: { outputFile: string }) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const api = test.parent.project()?.metadata?.api as ApiName | undefined
    if (!api) return
    const mutant = mutantAt(api, test.repeatEachIndex)
    if (mutant === undefined) return
    this.#records.push({
      api,
      mutant,
      title: test.titlePath().slice(3).join(' › '),
      requirements: test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? ''),
      // In the sweep, caught assertions are recorded as annotations (see suites/support/test.ts `tolerant`).
      status: [...result.annotations, ...test.annotations].some((a) => a.type === SWEEP_FAILURE) ? 'failed' : result.status,
    })
  }

  onEnd(): void {
    mkdirSync(dirname(this.options.outputFile), { recursive: true })
    writeFileSync(this.options.outputFile, JSON.stringify(this.#records))
  }
}
