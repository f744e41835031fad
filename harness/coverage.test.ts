import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { implementedApis } from '../mocks/apis.ts'
import { loadCatalogue } from './catalogue.ts'

const ROOT = join(import.meta.dirname, '..')

/** `suites/<api>/coverage.yaml`: each item the sources require, and where the catalogue holds it. */
interface CoverageItem {
  item: number
  summary: string
  covered_by?: string[]
  out_of_scope?: string
  note?: string
  [other: string]: unknown
}

/**
 * Every requirement each API's tests name, as Playwright itself lists the tests (`--list`: nothing starts, nothing
 * is sent) — the same annotations the conformance report reads, so a requirement named only by a shared suite or an
 * access table counts too. Keyed by the API of each test's spec file (its folder under suites/).
 */
function namedRequirements(): Map<string, Set<string>> {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--list', '--reporter=json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TARGET: 'mock' }, maxBuffer: 64 << 20 })
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { suites: Suite[] }
  const named = new Map<string, Set<string>>()
  const walk = (suite: Suite, file: string) => {
    const api = /(?:^|\/)suites\/([a-z0-9-]+)\//.exec(file)?.[1] ?? ''
    for (const spec of suite.specs ?? []) for (const test of spec.tests) for (const a of test.annotations) if (a.type === 'requirement') named.set(api, (named.get(api) ?? new Set()).add(a.description ?? ''))
    for (const child of suite.suites ?? []) walk(child, file)
  }
  for (const file of report.suites) walk(file, file.file)
  return named
}
interface Suite {
  file: string
  specs?: { tests: { annotations: { type: string; description?: string }[] }[] }[]
  suites?: Suite[]
}

describe('the catalogue is complete against its sources', () => {
  const named = namedRequirements()
  for (const api of implementedApis()) {
    const catalogue = loadCatalogue(api)
    const ids = new Set(catalogue.requirements.map((r) => r.id))
    const coverageFile = join(ROOT, 'suites', api, 'coverage.yaml')

    if (existsSync(coverageFile)) {
      it(`${api}: every coverage item maps to catalogued requirements, or says why it is out of scope`, () => {
        const coverage = parse(readFileSync(coverageFile, 'utf8')) as { api: string; source: string; items: CoverageItem[] }
        assert.equal(coverage.api, api)
        assert.ok(existsSync(join(ROOT, coverage.source)), `${api} coverage names its source list, ${coverage.source}, which must be in the repository`)
        assert.ok(coverage.items.length > 0, `${api} coverage lists no items`)
        const problems: string[] = []
        const seen = new Set<number>()
        for (const item of coverage.items) {
          const where = `${api} coverage item ${item.item}`
          if (seen.has(item.item)) problems.push(`${where} appears twice`)
          seen.add(item.item)
          if ('proposed' in item) problems.push(`${where} is still proposed: map it to requirements (covered_by) or say why it is out of scope`)
          const covered = Array.isArray(item.covered_by) && item.covered_by.length > 0
          const excluded = typeof item.out_of_scope === 'string' && item.out_of_scope.trim().length >= 40
          if (covered === excluded) problems.push(`${where} must have exactly one of covered_by (requirement IDs) and out_of_scope (a reason of a sentence or more)`)
          for (const id of item.covered_by ?? []) if (!ids.has(id)) problems.push(`${where} is covered by ${id}, which the catalogue lacks`)
        }
        assert.deepEqual(problems, [])
      })
    }

    it(`${api}: every requirement is judged on every exchange or named by a test`, () => {
      const unnamed = catalogue.requirements.filter((r) => !r.judgedBy && !named.get(api)?.has(r.id)).map((r) => r.id)
      assert.deepEqual(unnamed, [], `${api} requirements no test names (the conformance report would list them "not tested")`)
    })
  }
})
