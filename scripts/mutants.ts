/**
 * npm run mutants [-- --api dadi]
 * Runs every API's suite against the unmutated mock and against each of its mutants — one Playwright run in
 * which every test body runs once per mutant, each time in a fresh mock session with that mutant on — then prints
 * and writes the matrix: mutant × expected requirement × caught / survived, and the mutation score per API.
 * Fails when a mutant survives, is caught only by unrelated requirements, or the unmutated mock fails a test.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { definitions, implementedApis, type ApiName } from '../mocks/registry.ts'
import type { SweepRecord } from './lib/mutant-reporter.ts'
import { mutantMatrix, renderMatrix, type ProjectOutcome } from './lib/mutant-matrix.ts'
import { SWEEP_ENV } from './lib/mutant-sweep.ts'

const { values } = parseArgs({ options: { api: { type: 'string', multiple: true } } })
const apis = (values.api ?? implementedApis()) as ApiName[]
const outDir = join('reports', 'mutants')
const sweepFile = join(outDir, 'sweep.json')
mkdirSync(outDir, { recursive: true })
rmSync(sweepFile, { force: true })

const started = Date.now()
const run = spawnSync('npx', ['playwright', 'test', ...apis.map((api) => `suites/${api}/`)], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, [SWEEP_ENV]: '1', TARGET: 'mock', AUTHCONFORM_WORKERS: process.env.AUTHCONFORM_WORKERS ?? '2' },
})
if (run.error) throw run.error

const records = JSON.parse(readFileSync(sweepFile, 'utf8')) as SweepRecord[]
const outcomes = new Map<string, ProjectOutcome>()
for (const r of records) {
  const key = r.mutant ? `${r.api}~${r.mutant}` : r.api
  const outcome = outcomes.get(key) ?? { failed: new Set<string>(), failedTitles: [], ran: 0 }
  outcome.ran++
  if (r.status !== 'passed' && r.status !== 'skipped') {
    // A blocked test caught nothing for its own requirements, only for those its assertion named; on the clean mock it is still a failure.
    if (r.status !== 'blocked') r.requirements.forEach((id) => outcome.failed.add(id))
    r.failedFor.forEach((id) => outcome.failed.add(id))
    outcome.failedTitles.push(r.status === 'blocked' ? `${r.title} (blocked at a precondition)` : r.title)
  }
  outcomes.set(key, outcome)
}

const matrix = mutantMatrix(apis.map((api) => ({ api, mutants: definitions[api]!.mutants })), outcomes)
writeFileSync(join(outDir, 'matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`)
const text = renderMatrix(matrix)
writeFileSync(join(outDir, 'matrix.md'), text)
console.log(`\n${text}`)
console.log(`[authconform] ${records.length} test runs in ${((Date.now() - started) / 1000).toFixed(1)} s; matrix: ${join(outDir, 'matrix.md')}`)
process.exit(matrix.ok ? 0 : 1)
