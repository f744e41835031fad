/**
 * npm run mutants [-- --api dadi]
 * Runs every API's suite against the unmutated mock and against each of its mutants (harness/mutants/run.ts),
 * then prints and writes the matrix: mutant × expected requirement × caught / survived, and the score per API.
 * Fails when a mutant survives, is caught only by unrelated requirements, or the unmutated mock fails a test.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runMutantSweep } from '../harness/mutants/run.ts'
import { definitions, implementedApis, type ApiName } from '../mocks/registry.ts'

const { values } = parseArgs({ options: { api: { type: 'string', multiple: true } } })
const apis = (values.api ?? implementedApis()) as ApiName[]
const outDir = join('reports', 'mutants')
const started = Date.now()
const sections = apis.flatMap((api) => definitions[api]!.profiles.map((profile: string) => ({ api, profile, mutants: definitions[api]!.mutants })))
const { matrix, text, runs } = runMutantSweep(sections, outDir)
console.log(`\n${text}`)
console.log(`[authconform] ${runs} test runs in ${((Date.now() - started) / 1000).toFixed(1)} s; matrix: ${join(outDir, 'matrix.md')}`)
process.exit(matrix.ok ? 0 : 1)
