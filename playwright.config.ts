import { availableParallelism } from 'node:os'
import { defineConfig } from '@playwright/test'
import { SWEEP_ENV } from './harness/mutants/sweep.ts'
import { projectsFor } from './harness/projects.ts'
import { resolveTarget, targetName } from './harness/targets.ts'

/**
 * Every API's suite against one target: TARGET=<name> from targets.yaml, `mock` by default. One Playwright
 * project holds every API (a worker goes from one API's tests to the next without restarting); the embedded mock
 * adds one project per further profile slot (harness/projects.ts). A test's API is its folder under `suites/`.
 * Run one API with a path: `npm run conformance -- suites/dadi`.
 * In a mutant sweep (harness/mutants/run.ts) only the sweep reporter runs.
 */
const target = targetName()
const apis = resolveTarget(target)
const sweep = process.env[SWEEP_ENV] === '1'
const outputDir = process.env.AUTHCONFORM_REPORT_DIR ?? `reports/${target}`

// One project per profile slot of the embedded mock (each API under each of its profiles), one for a real target.
const projects = projectsFor(target, apis)

export default defineConfig({
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The tests wait on HTTP far more than they compute: two workers even on a two-core machine.
  workers: process.env.AUTHCONFORM_WORKERS ? Number(process.env.AUTHCONFORM_WORKERS) : Math.max(2, Math.floor(availableParallelism() / 2)),
  // A sweep test runs its body once per mutant of its API.
  timeout: sweep ? 600_000 : 30_000,
  outputDir: 'test-results',
  reporter: sweep
    ? [['dot'], ['./harness/mutants/reporter.ts', { outputFile: process.env.AUTHCONFORM_SWEEP_FILE ?? 'reports/mutants/sweep.json' }]]
    : [
        [process.env.CI ? 'dot' : 'list'],
        ['junit', { outputFile: `${outputDir}/junit.xml` }],
        ['./harness/report/reporter.ts', { outputDir, target }],
      ],
  projects,
  // Compiles the spec validators and, for the embedded target, serves the mock inside the runner process.
  globalSetup: './harness/global-setup.ts',
})
