import { test, type SuiteFixtures } from '../fixtures/test.ts'
import { req } from '../requirements.ts'
import { idsOf, runColumn } from './run.ts'
import type { AccessTable } from './table.ts'

/**
 * Declares the tests of an access table: one per credential kind (a column of the table), tagged with the
 * requirements of its cells in every profile. `context` builds what the table's operations and credentials need
 * from the test's fixtures (tokens of the target's clients, the paths it names), once per test.
 *
 * @example
 * declareAccessTests(dadiAccess, (fixtures) => dadiContext(fixtures))
 */
export function declareAccessTests<C>(table: AccessTable<C> & { profiles: readonly string[] }, context: (fixtures: Pick<SuiteFixtures, 'request' | 'target' | 'clock' | 'session'>) => Promise<C>): void {
  test.describe(`access table (${table.api})`, () => {
    for (const kind of table.credentials) {
      test(`${kind.title}: every operation answers as the access table says`, req(...idsOf(table, kind.id, undefined, table.profiles)), async ({ request, target, clock, session }, testInfo) => {
        await runColumn(table, kind.id, await context({ request, target, clock, session }), { request, target }, testInfo)
      })
    }
  })
}
