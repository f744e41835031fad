import type { Suite, TestCase } from '@playwright/test/reporter'
import { PORT_OFFSETS, type ApiName } from '../mocks/apis.ts'

/** The API a suite file belongs to: the folder under `suites/` (`/…/suites/dadi/token.spec.ts` → `dadi`). */
export function apiOfSuiteFile(file: string): ApiName | undefined {
  const match = /(?:^|[\\/])suites[\\/]([a-z0-9-]+)[\\/][^\\/]+$/.exec(file)
  return match && match[1]! in PORT_OFFSETS ? (match[1] as ApiName) : undefined
}

/**
 * The spec file a test belongs to: its file suite's path. Not `test.location`, which is where `test()` was
 * called — inside harness/mutants/sweep.ts for every test of a mutant sweep, which wraps `test()`.
 */
export function fileOf(test: TestCase): string {
  let suite: Suite | undefined = test.parent
  while (suite && suite.type !== 'file') suite = suite.parent
  return suite?.location?.file ?? test.location.file
}

/** The API a test checks: the folder of its spec file under `suites/`. */
export function apiOf(test: TestCase): ApiName | undefined {
  return apiOfSuiteFile(fileOf(test))
}
