import { defineConfig, type PlaywrightTestProject } from '@playwright/test'
import { resolveTarget, targetName } from './suites/support/targets.ts'

/**
 * One project per API (its own origin), all against one target: TARGET=<name> from targets.yaml, `mock` by
 * default. In a mutant sweep (scripts/mutants.ts) only the sweep reporter runs.
 */
const target = targetName()
const apis = resolveTarget(target)
const embedded = apis.some((a) => a.embedded)
const sweep = process.env.AUTHCONFORM_MUTANT_SWEEP === '1'
const outputDir = process.env.AUTHCONFORM_REPORT_DIR ?? `reports/${target}`

const projects: PlaywrightTestProject[] = apis.map((a) => ({ name: a.api, testDir: `suites/${a.api}`, metadata: { api: a.api, target } }))

export default defineConfig({
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.AUTHCONFORM_WORKERS ? Number(process.env.AUTHCONFORM_WORKERS) : undefined,
  timeout: 30_000,
  outputDir: 'test-results',
  reporter: sweep
    ? [['dot'], ['./scripts/lib/mutant-reporter.ts', { outputFile: 'reports/mutants/sweep.json' }]]
    : [
        [process.env.CI ? 'dot' : 'list'],
        ['junit', { outputFile: `${outputDir}/junit.xml` }],
        ['./scripts/lib/report/reporter.ts', { outputDir, target }],
      ],
  projects,
  // The embedded mock runs inside the runner process (no web server child, no readiness polling).
  globalSetup: embedded ? './suites/support/embedded-mock.ts' : undefined,
})
