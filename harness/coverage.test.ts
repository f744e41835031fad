import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
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

/** Every source file of an API's suite (specs, tables, helpers): where its tests name their requirements. */
function suiteSources(api: string): string {
  const dir = join(ROOT, 'suites', api)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')
}

describe('the catalogue is complete against its sources', () => {
  for (const api of implementedApis()) {
    const catalogue = loadCatalogue(api)
    const ids = new Set(catalogue.requirements.map((r) => r.id))

    it(`${api}: every coverage item maps to catalogued requirements, or says why it is out of scope`, () => {
      const coverage = parse(readFileSync(join(ROOT, 'suites', api, 'coverage.yaml'), 'utf8')) as { api: string; source: string; items: CoverageItem[] }
      assert.equal(coverage.api, api)
      assert.doesNotThrow(() => readFileSync(join(ROOT, coverage.source)), `${api} coverage names its source list, ${coverage.source}, which must be in the repository`)
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

    it(`${api}: every requirement is judged on every exchange or named by a test`, () => {
      const sources = suiteSources(api)
      const unnamed = catalogue.requirements.filter((r) => !r.judgedBy && !sources.includes(`'${r.id}'`) && !sources.includes(`"${r.id}"`)).map((r) => r.id)
      assert.deepEqual(unnamed, [], `${api} requirements no test names (the conformance report would list them "not tested")`)
    })
  }
})
