import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { enableSourceMaps, ensureBundle } from './bundle.mjs'
import { compiled, specDocuments } from './evidence/spec-validator.ts'
import { LIMITER_ENV } from './polite/client.ts'
import { LEDGER_ENV, ledgerSummary } from './polite/ledger.ts'
import { startLimiter } from './polite/limiter.ts'
import { handedOutcomes, preflight, PREFLIGHT_ENV, preflightLines } from './preflight/run.ts'
import { writePreflightReport } from './report/preflight-report.ts'
import { missingMessage, missingVariables, reportDir, resolveTarget, targetName, TEST_PORT_BASE } from './targets.ts'

/** The mock's node entry point as its bundle exports it (`mocks/adapters/node-server.ts`): the harness reaches the mock only through it. */
interface NodeServer {
  serveMocks(options: { apis: string[]; portBase: number; control: boolean; cors: boolean }): Promise<unknown[]>
  closeMocks(running: unknown[]): Promise<void>
}

/**
 * Playwright global setup, in the runner before any worker starts:
 * - stops the run (exit 2) naming every required variable that is not set, all at once;
 * - for real targets, runs each API's preflight unless the CLI already did (harness/preflight/): an API that
 *   fails it is reported blocked with the reason and its tests are not run; when every API fails, the report
 *   is written and the run ends here (exit 3);
 * - for real targets, starts the run's request limiter (harness/polite/limiter.ts) and the ledger of what the
 *   suites create, summed up at the end;
 * - compiles each API's OpenAPI documents for the spec validator, once per change of a document
 *   (docs/decisions/in-process-spec-validation.md), so no worker compiles schemas;
 * - for the embedded target (`mock`, the default), serves every API's mock with its `/__mock` control surface
 *   inside the runner process, from the same bundle `npm run mock` starts (docs/decisions/bundled-mock.md,
 *   per-test-sessions.md): the ports listen before the first worker starts.
 * Returns the teardown.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const startedAt = new Date()
  const all = resolveTarget()
  const missing = missingVariables(all)
  if (missing.length) {
    console.error(missingMessage(targetName(), missing))
    process.exit(2)
  }
  const apis = all.filter((a) => !a.skip)
  const real = apis.filter((a) => !a.embedded)
  if (real.length && !handedOutcomes()) {
    const outcomes = await preflight(real)
    for (const line of preflightLines(outcomes)) console.log(line)
    process.env[PREFLIGHT_ENV] = JSON.stringify(outcomes)
    if (outcomes.length === apis.length && outcomes.every((o) => !o.ok)) {
      writePreflightReport(targetName(), apis, outcomes, reportDir(targetName()), startedAt)
      process.exit(3)
    }
  }
  for (const { api } of apis) for (const d of specDocuments(api)) compiled(d.file, d.deviations)
  const teardown: (() => Promise<void>)[] = []

  const limited = real.filter((a) => a.polite && (a.polite.rateLimit > 0 || a.polite.maxConcurrent > 0))
  if (limited.length) {
    const limiter = await startLimiter(Object.fromEntries(limited.map((a) => [a.api, a.polite!])))
    process.env[LIMITER_ENV] = limiter.url
    teardown.push(() => limiter.close())
  }
  if (real.some((a) => !a.control)) {
    const ledger = (process.env[LEDGER_ENV] = mkdtempSync(join(tmpdir(), 'authconform-ledger-')))
    teardown.push(async () => {
      for (const line of ledgerSummary(ledger)) console.log(line)
      rmSync(ledger, { recursive: true, force: true })
    })
  }

  const embedded = apis.filter((a) => a.embedded)
  if (embedded.length) {
    const bundle = await ensureBundle('node-server', 'mocks/adapters/node-server.ts')
    enableSourceMaps()
    const { serveMocks, closeMocks } = (await import(pathToFileURL(bundle).href)) as NodeServer
    const running = await serveMocks({ apis: embedded.map((a) => a.api), portBase: TEST_PORT_BASE, control: true, cors: true })
    teardown.push(() => closeMocks(running))
  }
  return teardown.length ? async () => void (await Promise.all(teardown.map((t) => t()))) : undefined
}
