import type { ApiName } from '../../mocks/apis.ts'
import { mutantsByApi } from '../../mocks/mutants.ts'

/**
 * The mutant sweep runs each test of an API once against the unmutated mock and once per mutant, inside one
 * Playwright test (see suites/support/test.ts), so the whole matrix costs one Playwright run and no worker restarts.
 */
export const SWEEP_ENV = 'AUTHCONFORM_MUTANT_SWEEP'

/** The runs of one test in the sweep: '' (the unmutated mock), then every mutant of the API in mutants.ts order. */
export function sweepMutants(api: ApiName): string[] {
  return ['', ...Object.keys(mutantsByApi[api] ?? {})]
}
