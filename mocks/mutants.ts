import type { ApiName, ImplementedApi } from './apis.ts'
import type { Mutant } from './core/definition.ts'
import { dadiMutants } from './dadi/mutants.ts'
import { exceptionlessMutants } from './exceptionless/mutants.ts'

/**
 * Every API's mutants by name, without loading the mocks (test workers of the mutant sweep only need the
 * names; each definition in registry.ts carries the same object).
 */
const all = { dadi: dadiMutants, exceptionless: exceptionlessMutants } satisfies Record<ImplementedApi, Readonly<Record<string, Mutant>>>

export const mutantsByApi: Partial<Record<ApiName, Readonly<Record<string, Mutant>>>> = all
