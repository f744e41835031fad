import { join } from 'node:path'
import * as playwrightTest from '@playwright/test'
import type { APIRequestContext, PlaywrightTestArgs, PlaywrightWorkerArgs, TestDetails, TestInfo, TestType } from '@playwright/test'
import { apiOfSuiteFile, SESSION_HEADER } from '../../mocks/apis.ts'
import { sweepMutants, SWEEP_ENV } from '../../scripts/lib/mutant-sweep.ts'
import { recordingContext, withHeaders, type Exchange } from './recorder.ts'
import { Redactor } from './redact.ts'
import { SpecValidator, specDocuments, type Diagnostic } from './spec-validator.ts'
import { credentialsFor, resolveTarget, type ResolvedApiTarget } from './targets.ts'

/**
 * The suites send HTTP and open no browser, so they build on Playwright's browserless base test: `_utilityTest`,
 * the `test` of `@playwright/test` before its browser fixtures are added (Playwright's own electron package builds
 * on it too), with `playwright`, `request` and trace recording. On the full `test`, every test would set up and
 * tear down some thirty browser-context options (viewport, locale, …) as fixture steps, each capturing a
 * source-mapped stack: about 10 ms of worker CPU per test, a third of an empty test's cost. Where a Playwright
 * version lacks the export, the full `test` serves, slower and otherwise the same.
 */
const base: TestType<Pick<PlaywrightTestArgs, 'request'>, Pick<PlaywrightWorkerArgs, 'playwright'>> =
  (playwrightTest as unknown as { _utilityTest?: typeof playwrightTest.test })._utilityTest ?? playwrightTest.test

export const EVIDENCE_ATTACHMENT = 'authconform-evidence'

/**
 * Test details that tag a test with the requirement IDs it checks: `@ID` tags for `--grep`, and
 * `requirement` annotations that the conformance report and Playwright's JUnit `<property>`s carry.
 *
 * @example test('refuses a wrong secret', req('DADI-CRED-SECRET'), async ({ request }) => { … })
 */
export function req(...ids: string[]): TestDetails {
  return { tag: ids.map((id) => `@${id}`), annotation: ids.map((id) => ({ type: 'requirement', description: id })) }
}

/** The mock's clock, or real waiting where the target allows it. */
export interface Clock {
  /** Moves the target's time forward; skips the test (visibly, with the reason) when the target cannot. */
  advance(seconds: number): Promise<void>
  /** Skips the test up front when `seconds` cannot pass on this target, before it spends anything (a lockout, say). */
  require(seconds: number): void
}

export interface Target extends ResolvedApiTarget {
  /** The credentials of one role from targets.yaml; skips the test, naming the env vars, when they are not set. */
  creds(role: string): Record<string, string>
}

interface Fixtures {
  target: Target
  clock: Clock
  /** The isolated mock session of this test (its own state, clock and mutants); null against a real target. */
  session: { id: string } | null
}


const validators = new Map<string, SpecValidator[]>()
/** Our document for the API, plus its own published one (with declared deviations) where we keep a copy. */
const validatorsFor = (api: string): SpecValidator[] => {
  let found = validators.get(api)
  if (!found) validators.set(api, (found = specDocuments(api).map((d) => new SpecValidator(d.file, d.document, d.deviations))))
  return found
}
/** Real seconds a test may wait for time to pass on a target without a mock clock (short-lived tokens). */
const MAX_WAIT = Number(process.env.AUTHCONFORM_MAX_WAIT_SECONDS ?? 10)

interface WorkerFixtures {
  /**
   * One Playwright request context per base URL, shared by the worker's tests: a context costs two protocol
   * round trips to open and close, and each test's session header travels with its calls instead. A context
   * that received a cookie is dropped after the test, so no test sees another's cookies.
   */
  contexts: { get(baseURL: string): Promise<APIRequestContext>; drop(baseURL: string): Promise<void> }
  /** Every API of the selected target (the runner resolves it; see resolveTarget). */
  resolved: ResolvedApiTarget[]
}

/**
 * The mock's control surface, called with plain `fetch`: these calls are harness plumbing, not evidence, so
 * they skip Playwright's request context (and the step and stack capture it does for every call).
 */
type Control = (method: 'POST' | 'DELETE', path: string, body?: unknown, session?: string) => Promise<Response>

function controlAt(baseURL: string): Control {
  return (method, path, body, session) =>
    fetch(`${baseURL}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(session ? { [SESSION_HEADER]: session } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
}

/** Opens an isolated mock session with these mutants switched on; returns its id. */
async function openSession(control: Control, baseURL: string, mutants: readonly string[]): Promise<string> {
  const created = await control('POST', '/__mock/sessions', { mutants })
  if (created.status !== 201) throw new Error(`[authconform] could not open a mock session at ${baseURL}: ${created.status} ${await created.text()}`)
  return ((await created.json()) as { id: string }).id
}

async function closeSession(control: Control, id: string): Promise<void> {
  await (await control('DELETE', `/__mock/sessions/${id}`)).arrayBuffer()
}

/** The clock of one mock session: any amount of time passes at once. */
function sessionClock(control: Control, id: string): Clock {
  return {
    require() {},
    async advance(seconds) {
      const moved = await control('POST', '/__mock/clock', { advanceSeconds: seconds }, id)
      if (!moved.ok) throw new Error(`[authconform] the mock refused to advance its clock: ${moved.status} ${await moved.text()}`)
      await moved.arrayBuffer()
    },
  }
}

/** What the mutant sweep runs each test body with: a session per mutant, with its own clock, on the worker's shared request context. */
interface SweepKit {
  open(mutant: string): Promise<{ request: APIRequestContext; clock: Clock; close(): Promise<void> }>
}

/** The mock's control surface of a target, or null when it has none (a real service). */
const controlOf = (target: ResolvedApiTarget): Control | null => (target.control && !target.skip ? controlAt(target.baseURL) : null)

/**
 * The fixtures are plumbing, not steps of a test: `box: 'self'` keeps them out of the report's step list, and
 * spares each one the step events and captured stack Playwright spends on a visible fixture (several per test).
 */
const extended = base.extend<Fixtures & { sweepKit: SweepKit }, WorkerFixtures>({
  resolved: [async ({}, use) => use(resolveTarget()), { scope: 'worker', box: 'self' }],

  contexts: [
    async ({ playwright }, use) => {
      const open = new Map<string, Promise<APIRequestContext>>()
      const drop = async (baseURL: string) => {
        const context = open.get(baseURL)
        open.delete(baseURL)
        await (await context)?.dispose()
      }
      await use({
        get(baseURL) {
          let context = open.get(baseURL)
          if (!context) open.set(baseURL, (context = playwright.request.newContext({ baseURL })))
          return context
        },
        drop,
      })
      for (const baseURL of [...open.keys()]) await drop(baseURL)
    },
    { scope: 'worker', box: 'self' },
  ],

  /** This test's API (its folder under suites/) on the selected target. */
  target: [
    async ({ resolved }, use, testInfo) => {
      // The file the test belongs to (the first title), not where test() was called: the sweep wraps test().
      const file = join(testInfo.project.testDir, testInfo.titlePath[0]!)
      const found = resolved.find((t) => t.api === apiOfSuiteFile(file))
      if (!found) throw new Error(`[authconform] ${file} is not in a suites/<api>/ folder of an implemented API (${resolved.map((t) => t.api).join(', ')})`)
      test.skip(found.skip !== undefined, found.skip)
      await use({
        ...found,
        creds(role) {
          const { values, missing } = credentialsFor(found, role)
          test.skip(missing !== undefined, missing)
          return values
        },
      })
    },
    { box: 'self' },
  ],

  // A new random id is a fresh mock session: no round trip to open it, and the mock drops it once it is old.
  session: [async ({ target }, use) => use(controlOf(target) ? { id: crypto.randomUUID() } : null), { box: 'self' }],

  clock: [
    async ({ target, session }, use) => {
      const control = controlOf(target)
      if (session && control) return use(sessionClock(control, session.id))
      const needs = (seconds: number) =>
        test.skip(
          seconds > MAX_WAIT,
          `needs ${seconds} s to pass: the target has no mock clock; allow real waiting with AUTHCONFORM_MAX_WAIT_SECONDS>=${seconds} or give the target a shorter token lifetime`,
        )
      await use({
        require: needs,
        async advance(seconds) {
          needs(seconds)
          await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
        },
      })
    },
    { box: 'self' },
  ],

  sweepKit: [
    async ({ contexts, target }, use) => {
      const control = controlOf(target)
      await use({
        async open(mutant) {
          if (!control) throw new Error(`[authconform] the mutant sweep needs the mock control surface at ${target.baseURL}`)
          const id = mutant ? await openSession(control, target.baseURL, [mutant]) : crypto.randomUUID()
          const { request, sawCookies } = withHeaders(await contexts.get(target.baseURL), { [SESSION_HEADER]: id })
          return {
            request,
            clock: sessionClock(control, id),
            async close() {
              if (sawCookies()) await contexts.drop(target.baseURL)
              if (mutant) await closeSession(control, id)
            },
          }
        },
      })
    },
    { box: 'self' },
  ],

  request: [
    async ({ contexts, target, session }, use, testInfo) => {
      const { request, sawCookies } = withHeaders(await contexts.get(target.baseURL), session ? { [SESSION_HEADER]: session.id } : {})
      const redactor = new Redactor()
      for (const fields of Object.values(target.credentials)) for (const value of Object.values(fields)) redactor.addSecret(value)
      const exchanges: Exchange[] = []
      await use(recordingContext(request, target.baseURL, redactor, validatorsFor(target.api), exchanges))
      if (sawCookies()) await contexts.drop(target.baseURL)
      // A failed assertion quotes what the server sent; a server that echoes a secret must not put it in the report.
      for (const error of testInfo.errors) {
        for (const key of ['message', 'stack', 'value'] as const) if (typeof error[key] === 'string') error[key] = redactor.text(error[key])
      }
      // Pushed rather than testInfo.attach(): the same attachment, without a step of its own.
      const evidence = evidenceOf(exchanges, testInfo.status !== testInfo.expectedStatus)
      testInfo.attachments.push({ name: EVIDENCE_ATTACHMENT, body: Buffer.from(JSON.stringify(evidence)), contentType: 'application/json' })
    },
    { scope: 'test', box: 'self' },
  ],
})

/** What a test hands the conformance report: how many exchanges each document checked, and the evidence. */
export interface Evidence {
  checked: Record<Diagnostic['document'], number>
  /** Every exchange of a failed test; otherwise only those that violate a document (the report shows them). */
  exchanges: Exchange[]
}

function evidenceOf(exchanges: Exchange[], failed: boolean): Evidence {
  const checked: Evidence['checked'] = { own: 0, upstream: 0 }
  for (const e of exchanges) {
    delete e.request.headers[SESSION_HEADER]
    for (const document of ['own', 'upstream'] as const) {
      if (!e.diagnostics.some((d) => d.document === document && d.code === 'operation-unknown')) checked[document]++
    }
  }
  return { checked, exchanges: failed ? exchanges : exchanges.filter((e) => e.diagnostics.some((d) => d.severity === 'error')) }
}

const SWEEP_FIXTURES = ['request', 'target', 'clock'] as const
type SweepBody = (fixtures: Pick<Fixtures & { request: APIRequestContext }, (typeof SWEEP_FIXTURES)[number]>, testInfo: TestInfo) => Promise<void>

/** One body run of the sweep: the mutant ('' for none) and the first line of the failure, if it failed. */
export interface SweepResult {
  mutant: string
  failure: string | null
}
export const SWEEP_RESULT = 'sweep-result'

/**
 * The mutant sweep (scripts/mutants.ts) runs every test body once against the unmutated mock and once per
 * mutant of its API, inside one Playwright test: each run gets a fresh session with that mutant, its own request
 * context and clock, and its outcome is recorded as a `sweep-result` annotation. A caught mutant is an
 * assertion that failed, so it must not fail the test: Playwright would restart the worker, once per catch.
 */
function sweeping(t: typeof extended): typeof extended {
  return new Proxy(t, {
    apply(target, thisArg, args: unknown[]) {
      const at = args.findIndex((a) => typeof a === 'function')
      if (at < 0) return Reflect.apply(target, thisArg, args)
      const body = args[at] as SweepBody
      const used = /^async\s*\(\{([^}]*)\}/.exec(body.toString())?.[1]?.split(',').map((n) => n.trim()).filter(Boolean) ?? []
      const unknown = used.filter((n) => !(SWEEP_FIXTURES as readonly string[]).includes(n))
      if (unknown.length) throw new Error(`[authconform] the mutant sweep passes only ${SWEEP_FIXTURES.join(', ')} to tests; "${String(args[0])}" uses ${unknown.join(', ')}`)
      args[at] = async ({ target, sweepKit }: { target: Target; sweepKit: SweepKit }, testInfo: TestInfo) => {
        for (const mutant of sweepMutants(target.api)) {
          const { request, clock, close } = await sweepKit.open(mutant)
          let failure: string | null = null
          try {
            await body({ request, target, clock }, testInfo)
          } catch (error) {
            if (testInfo.expectedStatus === 'skipped') throw error
            failure = String((error as Error)?.message ?? error).split('\n')[0]!
          } finally {
            await close()
          }
          testInfo.annotations.push({ type: SWEEP_RESULT, description: JSON.stringify({ mutant, failure } satisfies SweepResult) })
        }
      }
      return Reflect.apply(target, thisArg, args)
    },
  })
}

export const test = process.env[SWEEP_ENV] === '1' ? sweeping(extended) : extended

export { expect } from '@playwright/test'
