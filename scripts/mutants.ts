/**
 * npm run mutants [-- --api dadi] [-- --full]
 * Runs every API's suite against the unmutated mock and against each of its mutants (harness/mutants/run.ts) —
 * each test against the mutants that name a requirement it checks, or every mutant with --full —
 * then prints and writes the matrix: mutant × expected requirement × caught / survived, and the score per API.
 * The clean run of every test is the conformance run: it also writes reports/mock (as `npm run conformance`).
 * Fails when a mutant survives, is caught only by unrelated requirements, or the unmutated mock fails a test or
 * the conformance report.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runMutantSweep } from '../harness/mutants/run.ts'
import { loadWaivers } from '../harness/report/waivers.ts'
import { SWEEP_FULL_ENV } from '../harness/mutants/sweep.ts'
import { definitions, implementedApis, type ApiName } from '../mocks/registry.ts'

const { values } = parseArgs({ options: { api: { type: 'string', multiple: true }, full: { type: 'boolean', default: false } } })
// --full: every test against every mutant of its API (slower; shows what else catches each mutant).
if (values.full) process.env[SWEEP_FULL_ENV] = '1'
const apis = (values.api ?? implementedApis()) as ApiName[]
const outDir = join('reports', 'mutants')
const started = Date.now()
const sections = apis.flatMap((api) => definitions[api]!.profiles.map((profile: string) => ({ api, profile, mutants: definitions[api]!.mutants })))
// The mock's declared deviations (a profile copying a real line that breaks a requirement) are not faults of its clean run.
const { matrix, text, runs, conformance } = runMutantSweep(sections, outDir, loadWaivers('mock'))
console.log(`\n${text}`)
console.log(`[authconform] ${runs} test runs in ${((Date.now() - started) / 1000).toFixed(1)} s; matrix: ${join(outDir, 'matrix.md')}`)
if (!conformance) console.log('[authconform] the unmutated mock does not conform: see the conformance report above (reports/mock)')
process.exit(matrix.ok && conformance ? 0 : 1)
