import type { TestDetails, TestInfo } from '@playwright/test'
import { BROWSER_TAG } from '../requirements.ts'

/**
 * The mutant sweep (`npm run mutants`) runs every test body once against the unmutated mock — through the test's
 * own fixtures, so the same run writes the conformance report — and once per mutant of its API that names a
 * requirement the test checks (all of them with `--full`), inside one Playwright test: each mutant run gets a
 * fresh session with that mutant on, its own request context and clock (and page, for a browser test), and its
 * outcome is recorded as a `sweep-result` annotation. A caught mutant is an assertion that failed, so it must not
 * fail the test: Playwright would restart the worker, once per catch. The whole matrix costs one Playwright run
 * and no worker restarts.
 */
export const SWEEP_ENV = 'AUTHCONFORM_MUTANT_SWEEP'
/** `npm run mutants -- --full`: every test body against every mutant of its API, not only the mutants it names. */
export const SWEEP_FULL_ENV = 'AUTHCONFORM_MUTANT_SWEEP_FULL'

/**
 * The mutants a test runs against: those that expect one of the requirements it checks (its catch is what the
 * matrix judges), and those that expect only requirements the harness judges on every exchange (an echo can
 * show up in any test). A full sweep runs every mutant everywhere, which also shows what else catches each.
 */
export function focus(mutants: ReadonlyMap<string, readonly string[]>, requirements: readonly string[], judged: ReadonlySet<string>, full = process.env[SWEEP_FULL_ENV] === '1'): string[] {
  const mine = new Set(requirements)
  return [...mutants].filter(([, expect]) => full || expect.some((id) => mine.has(id)) || expect.every((id) => judged.has(id))).map(([name]) => name)
}
export const SWEEP_RESULT = 'sweep-result'

/** One body run of the sweep: the mutant ('' for none) and the first line of the failure, if it failed. */
export interface SweepResult {
  mutant: string
  failure: string | null
  /** An answer repeated a credential its request carried (the API's no-echo requirement caught it). */
  echoed?: boolean
}

/** What the sweep needs from the fixtures: the mutants to run and, per run, the fixtures a test body gets. */
export interface SweepKit<F> {
  /** The API's mutants that a test checking these requirements runs against (see `focus`). */
  mutants(requirements: readonly string[]): Promise<string[]>
  /** Fresh fixtures for one run; a browser test (tagged `@browser`, see `browserReq`) also gets a page. */
  open(mutant: string, options: { browser: boolean }): Promise<{ fixtures: F; close(): Promise<void>; echoed(): Promise<boolean> }>
}

type Body<F> = (fixtures: F, testInfo: TestInfo) => Promise<void>
/** What a swept test asks Playwright for: the kit, and the suite fixtures its clean run uses. */
type SweepFixtures<F> = { sweepKit: SweepKit<F>; request: unknown; target: unknown; clock: unknown; session: unknown; admin: unknown; ledger: unknown; page?: unknown }

/** The annotation carrying where a swept test was declared (`file:line`), since its location is the sweep's. */
export const DECLARED_AT = 'declared-at'

/** `file:line` of the frame that called the function whose stack this is (source-mapped where the runtime maps). */
function callerOf(stack: string | undefined): string | undefined {
  const frame = stack?.split('\n')[2]
  const match = frame && /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(frame)
  if (!match) return undefined
  return `${match[1]!.startsWith('file://') ? new URL(match[1]!).pathname : match[1]}:${match[2]}`
}

/** Wraps `test` so every test declared with it runs its body once per mutant (see above). */
export function sweeping<T extends object, F>(test: T): T {
  return new Proxy(test, {
    apply(target, thisArg, args: unknown[]) {
      const at = args.findIndex((a) => typeof a === 'function')
      if (at < 0) return Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args)
      const body = args[at] as Body<F>
      let details = args.find((a, i) => i > 0 && i < at && typeof a === 'object') as TestDetails | undefined
      const browser = [details?.tag ?? []].flat().includes(BROWSER_TAG)
      // Playwright takes a test's location from its caller, which is now this trap: the declaration's own place
      // goes along as an annotation, for the conformance report this run also writes.
      const declared = callerOf(new Error().stack)
      if (declared) {
        if (!details) args.splice(at, 0, (details = {}))
        details.annotation = [...[details.annotation ?? []].flat(), { type: DECLARED_AT, description: declared }]
      }
      const sweep = async (sweepKit: SweepKit<F>, clean: F, testInfo: TestInfo) => {
        // The unmutated mock through the test's own fixtures — recorded, checked against the documents, reported —
        // exactly as `npm run conformance` runs it: a failure here fails the test, and no mutant runs.
        await body(clean, testInfo)
        testInfo.annotations.push({ type: SWEEP_RESULT, description: JSON.stringify({ mutant: '', failure: null } satisfies SweepResult) })
        const requirements = testInfo.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')
        for (const mutant of await sweepKit.mutants(requirements)) {
          const run = await sweepKit.open(mutant, { browser })
          let failure: string | null = null
          let echoed = false
          try {
            await body(run.fixtures, testInfo)
          } catch (error) {
            if (testInfo.expectedStatus === 'skipped') throw error
            failure = String((error as Error)?.message ?? error).split('\n')[0]!
          } finally {
            echoed = await run.echoed()
            await run.close()
          }
          testInfo.annotations.push({ type: SWEEP_RESULT, description: JSON.stringify({ mutant, failure, ...(echoed ? { echoed } : {}) } satisfies SweepResult) })
        }
      }
      // Playwright reads the fixtures a test uses from its parameter's pattern: a page only for a browser test.
      args[at] = browser
        ? async ({ sweepKit, request, target, clock, session, admin, ledger, page }: SweepFixtures<F>, testInfo: TestInfo) => sweep(sweepKit, { request, target, clock, session, admin, ledger, page } as F, testInfo)
        : async ({ sweepKit, request, target, clock, session, admin, ledger }: SweepFixtures<F>, testInfo: TestInfo) => sweep(sweepKit, { request, target, clock, session, admin, ledger } as F, testInfo)
      return Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args)
    },
  })
}
