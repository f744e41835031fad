import { defineConfig } from '@playwright/test'

/**
 * Playwright's own start-up on this machine, for the suite-speed baseline of `npm run bench`: the runner and
 * two workers (as the conformance run has), each running one empty test. No fixtures, no mock, no reporters of ours.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'floor.spec.ts',
  fullyParallel: true,
  workers: 2,
  reporter: 'dot',
  outputDir: '../../test-results/playwright-floor',
})
