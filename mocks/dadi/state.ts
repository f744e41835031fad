import { FROZEN_CLOCK, type MockClock } from '../core/mock-clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { DadiClient, DadiFixtures } from './fixtures.ts'
import type { DadiMutant } from './mutants.ts'

/** Everything one DADI mock instance holds. Never a module global: each instance (and test session) has its own. */
export interface DadiState {
  fixtures: DadiFixtures
  mutants: ReadonlySet<DadiMutant>
  clients: ReadonlyMap<string, DadiClient>
  /** access token → clientId, expiring after `tokenTtl` on the instance clock. */
  tokens: MemoryStore<string>
  /** The `expiry-grace` defect's second store: the same tokens, living 10 % longer. */
  graceTokens: MemoryStore<string>
  /** The `sequential-tokens` defect's counter and the `tokens-cross` defect's memory. */
  counter: number
  lastIssuedTo: string | undefined
}

export function createDadiState(fixtures: DadiFixtures, clock: MockClock, mutants: ReadonlySet<DadiMutant>): DadiState {
  return {
    fixtures,
    mutants,
    clients: new Map(fixtures.clients.map((c) => [c.clientId, c])),
    tokens: new MemoryStore<string>(mutants.has('ignore-expiry') ? FROZEN_CLOCK : clock),
    graceTokens: new MemoryStore<string>(clock),
    counter: 0,
    lastIssuedTo: undefined,
  }
}
