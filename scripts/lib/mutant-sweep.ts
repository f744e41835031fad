import type { ApiName } from '../../mocks/apis.ts'
import { mutantsByApi } from '../../mocks/mutants.ts'

/**
 * The mutant sweep runs each API's suite with `--repeat-each N`: repetition 0 against the unmutated mock,
 * repetition i against mutant i (in the order of the API's mutants.ts). Workers are reused across
 * repetitions, so the whole matrix costs one Playwright start-up instead of one per mutant.
 */
export const SWEEP_ENV = 'AUTHCONFORM_MUTANT_SWEEP'

const names = (api: ApiName): string[] => Object.keys(mutantsByApi[api] ?? {})

export function sweepSize(apis: readonly ApiName[]): number {
  return 1 + Math.max(0, ...apis.map((api) => names(api).length))
}

/** The mutant of repetition `index`: '' for the clean run, undefined past the API's last mutant. */
export function mutantAt(api: ApiName, index: number): string | undefined {
  if (index === 0) return ''
  return names(api)[index - 1]
}
