/**
 * npm run mutants [-- --api dadi]
 * Runs every API's suite against the unmutated mock and against each mutant (one Playwright run, one project
 * per API × mutant, each test in its own mock session with that mutant switched on), then prints and writes
 * the matrix: mutant × expected requirement × caught / survived, and the mutation score per API.
 * Fails when a mutant survives, is caught only by unrelated requirements, or the unmutated mock fails a test.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { definitions, implementedApis, type ApiName } from '../mocks/registry.ts'
import { mutantMatrix, renderMatrix, type ProjectOutcome } from './lib/mutant-matrix.ts'

const { values } = parseArgs({ options: { api: { type: 'string', multiple: true } } })
const apis = (values.api ?? implementedApis()) as ApiName[]
const outDir = join('reports', 'mutants')
mkdirSync(outDir, { recursive: true })

const projects = apis.flatMap((api) => [api, ...Object.keys(definitions[api]!.mutants).map((m) => `${api}~${m}`)])
const run = spawnSync('npx', ['playwright', 'test', ...projects.flatMap((p) => ['--project', p])], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, AUTHCONFORM_MUTANTS: 'all', TARGET: 'mock' },
})
if (run.error) throw run.error

const json = JSON.parse(readFileSync(join(outDir, 'playwright.json'), 'utf8'))
const outcomes = new Map<string, ProjectOutcome>()
const visit = (suite: any) => {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const outcome = outcomes.get(t.projectName) ?? { failed: new Set<string>(), failedTitles: [], ran: 0 }
      const last = t.results.at(-1)
      outcome.ran++
      if (last && !['passed', 'skipped'].includes(last.status)) {
        for (const a of t.annotations ?? []) if (a.type === 'requirement') outcome.failed.add(a.description)
        outcome.failedTitles.push(spec.title)
      }
      outcomes.set(t.projectName, outcome)
    }
  }
  for (const child of suite.suites ?? []) visit(child)
}
for (const suite of json.suites ?? []) visit(suite)

const matrix = mutantMatrix(apis.map((api) => ({ api, mutants: definitions[api]!.mutants })), outcomes)
writeFileSync(join(outDir, 'matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`)
const text = renderMatrix(matrix)
writeFileSync(join(outDir, 'matrix.md'), text)
console.log(`\n${text}`)
console.log(`[authconform] mutant matrix: ${join(outDir, 'matrix.md')}`)
process.exit(matrix.ok ? 0 : 1)
