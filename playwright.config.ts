import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { defineConfig } from '@playwright/test'
import { SWEEP_ENV } from './harness/mutants/sweep.ts'
import { EXT } from './harness/paths.ts'
import { projectsFor } from './harness/projects.ts'
import { reportDir, resolveTarget, targetName } from './harness/targets.ts'

/**
 * Every API's suite against one target: TARGET=<name> from targets.yaml, `mock` by default. One Playwright
 * project holds every API (a worker goes from one API's tests to the next without restarting); the embedded mock
 * adds one project per further profile slot (harness/projects.ts). A test's API is its folder under `suites/`.
 * Run one API with a path: `npm run conformance -- suites/dadi`. Installed, `authconform run` loads this file from
 * dist/ (built to JavaScript): its own files by absolute path, what it writes under the working directory.
 * In a mutant sweep (harness/mutants/run.ts) the sweep reporter writes the matrix's records and, since each test's
 * clean run is the conformance run, the conformance reporter writes reports/mock as `npm run conformance` would.
 */
const target = targetName()
const apis = resolveTarget(target)
const sweep = process.env[SWEEP_ENV] === '1'
const sharded = process.argv.some((a) => a.startsWith('--shard'))
const outputDir = reportDir(target)
const own = (path: string) => join(import.meta.dirname, `${path}${EXT}`)

// Traces, videos and screenshots keep requests and pages as they were — Authorization headers, passwords typed into
// forms — unredacted: against anything but the embedded mock (whose credentials are public fixtures) they are
// refused unless AUTHCONFORM_ALLOW_TRACE=1 says the output will be kept as secret as the credentials.
const capture = process.argv.find((a, i, all) => /^--trace=(?!off$)/.test(a) || (a === '--trace' && all[i + 1] !== 'off'))
if (capture && !apis.every((a) => a.embedded) && process.env.AUTHCONFORM_ALLOW_TRACE !== '1') {
  throw new Error(`[authconform] ${capture} against target "${target}" would write its credentials into the trace unredacted; set AUTHCONFORM_ALLOW_TRACE=1 to do it anyway`)
}

// One project per profile slot of the embedded mock (each API under each of its profiles), one for a real target.
const projects = projectsFor(target, apis)

export default defineConfig({
  testMatch: `**/*.spec${EXT}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The tests wait on HTTP far more than they compute: two workers even on a two-core machine.
  workers: process.env.AUTHCONFORM_WORKERS ? Number(process.env.AUTHCONFORM_WORKERS) : Math.max(2, Math.floor(availableParallelism() / 2)),
  // A sweep test runs its body once per mutant of its API.
  timeout: sweep ? 600_000 : 30_000,
  outputDir: resolve(process.env.AUTHCONFORM_OUTPUT_DIR ?? 'test-results'),
  use: { trace: 'off', video: 'off', screenshot: 'off' },
  reporter: sweep
    ? [['dot'], [own('harness/mutants/reporter'), { outputFile: process.env.AUTHCONFORM_SWEEP_FILE ?? 'reports/mutants/sweep.json' }], [own('harness/report/reporter'), { outputDir, target }]]
    : [
        [process.env.CI ? 'dot' : 'list'],
        [own('harness/report/reporter'), { outputDir, target }],
        // A shard (--shard=i/n) also keeps a blob report; `npm run report -- merge` makes the whole report of them.
        ...(sharded ? [['blob', { outputDir: resolve(process.env.AUTHCONFORM_BLOB_DIR ?? 'blob-report') }] as const] : []),
      ],
  projects,
  // Compiles the spec validators and, for the embedded target, serves the mock inside the runner process.
  globalSetup: own('harness/global-setup'),
})
