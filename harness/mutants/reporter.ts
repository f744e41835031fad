import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { judgedBy, knownIds } from '../catalogue.ts'
import { judgeFailure } from '../requirements.ts'
import { profileIn } from '../projects.ts'
import { apiOf } from '../suite-file.ts'
import { SWEEP_RESULT, type SweepResult } from './sweep.ts'

const ANSI = /\u001b\[[0-9;]*m/g

export interface SweepRecord {
  api: string
  profile: string
  /** '' for the unmutated mock. */
  mutant: string
  title: string
  requirements: string[]
  /** `blocked`: the failure reports on other requirements (a precondition, an envelope), not the test's own. */
  status: TestResult['status'] | 'blocked'
  /** Its own requirements the failed assertion named: they caught the mutant. */
  failed: string[]
  /** Other requirements its failed assertion named: they caught the mutant. */
  failedFor: string[]
}

/**
 * Turns the sweep's `sweep-result` annotations (one per mutant a test body ran against, see
 * harness/mutants/sweep.ts) into records: which requirements failed against which mutant. Writes them as JSON.
 */
export default class MutantReporter implements Reporter {
  readonly #records: SweepRecord[] = []
  constructor(private readonly options: { outputFile: string }) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const api = apiOf(test)
    if (!api) return
    const title = test.titlePath().slice(3).join(' › ')
    const profile = profileIn(test.parent.project()?.metadata, api) ?? ''
    const requirements = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')
    const runs = result.annotations.filter((a) => a.type === SWEEP_RESULT).map((a) => JSON.parse(a.description ?? '{}') as SweepResult)
    // No run recorded: skipped, or the clean run failed (its body, a fixture, the sweep itself). Its failure is
    // judged as the conformance reporter judges it, so a failure that names only a declared deviation of the mock
    // (waivers/mock.yaml) can be told apart; one that names nothing is a fault of all the test's requirements.
    if (runs.length === 0) {
      const verdict = result.status === 'passed' || result.status === 'skipped' ? undefined : judgeFailure(result.errors.map((e) => (e.message ?? e.value ?? '').replace(ANSI, '')), requirements, knownIds(api))
      this.#records.push({ api, profile, mutant: '', title, requirements, status: result.status, failed: verdict?.failed ?? [], failedFor: verdict?.failedFor ?? [] })
      return
    }
    for (const { mutant, failure, echoed } of runs) {
      const verdict = failure === null ? undefined : judgeFailure([failure], requirements, knownIds(api))
      const status = verdict ? (verdict.failed.length ? 'failed' : 'blocked') : 'passed'
      // An echo is a finding for the API's no-echo requirement, judged on the run's exchanges (not by an assertion).
      const echo = echoed ? [...judgedBy(api, 'no-echo')] : []
      this.#records.push({ api, profile, mutant, title, requirements, status, failed: verdict?.failed ?? [], failedFor: [...(verdict?.failedFor ?? []), ...echo] })
    }
  }

  onEnd(): void {
    mkdirSync(dirname(this.options.outputFile), { recursive: true })
    writeFileSync(this.options.outputFile, JSON.stringify(this.#records))
  }
}
