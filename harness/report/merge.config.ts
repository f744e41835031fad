import { join, resolve } from 'node:path'
import { defineConfig } from '@playwright/test'
import { EXT } from '../paths.ts'

/**
 * The configuration `npm run report -- merge <blob folder>` hands to `playwright merge-reports`: the shards' blob
 * reports replayed into the conformance reporter, which then writes the whole run's report as one unsharded run
 * would (TARGET names the target; AUTHCONFORM_REPORT_DIR where the report goes; AUTHCONFORM_FILTERED=1 when the shards
 * ran a grep or a file, so what they did not select is skipped rather than untested).
 */
const target = process.env.TARGET ?? 'mock'
export default defineConfig({
  testDir: '../../suites',
  reporter: [[join(import.meta.dirname, `reporter${EXT}`), { outputDir: resolve(process.env.AUTHCONFORM_REPORT_DIR ?? `reports/${target}`), target, merged: { filtered: process.env.AUTHCONFORM_FILTERED === '1' } }]],
})
