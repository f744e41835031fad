import type { Suite, TestCase } from '@playwright/test/reporter'
import { apiOfSuiteFile, type ApiName } from '../../mocks/apis.ts'

/**
 * The spec file a test belongs to: its file suite's path. Not `test.location`, which is where `test()` was
 * called — inside suites/support/test.ts for every test of a mutant sweep, which wraps `test()`.
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
