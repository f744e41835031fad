import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { FrameioMutant } from './mutants.ts'
import { instance, type Instance } from './test-client.ts'

/** A small check of one rule: true when the mock keeps it. */
export type Probe = (mock: Instance) => Promise<boolean>

/**
 * Proves each mutant is a real defect before the suites exist: its probe holds on the unmutated mock and fails
 * with the mutant on. (The suites' own catching, by the requirement each mutant names, is `npm run mutants`.)
 */
export function probeEach(probes: Partial<Record<FrameioMutant, Probe>>): void {
  for (const [name, probe] of Object.entries(probes) as [FrameioMutant, Probe][]) {
    it(`${name}: the rule holds without it and breaks with it`, async () => {
      assert.equal(await probe(instance()), true, 'holds on the unmutated mock')
      assert.equal(await probe(instance([name])), false, `broken by ${name}`)
    })
  }
}
