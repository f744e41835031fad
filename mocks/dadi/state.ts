import { FROZEN_CLOCK, type MockClock } from '../core/mock-clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { Collection } from './collections.ts'
import type { DadiClient, DadiFixtures } from './fixtures.ts'
import type { DadiMutant } from './mutants.ts'
import type { DadiProfile } from './profiles.ts'

export { DADI_PROFILES, type DadiProfile } from './profiles.ts'

/** What every instance of a host shares: the 4.x+ JWT signing key (`auth.tokenKey`). */
export interface DadiPrepared {
  tokenKey: Uint8Array
}

/** Everything one DADI mock instance holds. Never a module global: each instance (and test session) has its own. */
export interface DadiState {
  fixtures: DadiFixtures
  profile: DadiProfile
  mutants: ReadonlySet<DadiMutant>
  clock: MockClock
  tokenKey: Uint8Array
  /**
   * The client records as the operator has left them: replaced, never changed in place (`admin`), so a 1.x–3.x
   * token keeps the record it was issued with.
   */
  clients: Map<string, DadiClient>
  /** The collections as this profile routes them (by `/{version}/{database}/{name}` or `/{database}/{name}`). */
  collections: ReadonlyMap<string, Collection>
  /**
   * 1.x–3.x access token → the client record at issue (tokenStore.js:144-150 stores the client with the token),
   * expiring after `tokenTtl` on the instance clock (4.x+ tokens are stateless JWTs).
   */
  tokens: MemoryStore<DadiClient>
  /** The `expiry-grace` defect's second store: the same tokens, living 10 % longer. */
  graceTokens: MemoryStore<DadiClient>
  /** The `jwt-snapshot-permissions` defect's memory: a 4.x+ token → the client record at issue. */
  jwtSnapshots: Map<string, DadiClient>
  /** The `sequential-tokens` defect's counter and the `tokens-cross` defect's memory. */
  counter: number
  lastIssuedTo: string | undefined
  /** The `cache-before-acl` defect's response cache (path and query → body). */
  responseCache: Map<string, string>
  /** The `token-lockout` defect's count of wrong secrets per clientId. */
  failedLogins: Map<string, number>
}

export function createDadiState(fixtures: DadiFixtures, profile: DadiProfile, clock: MockClock, mutants: ReadonlySet<DadiMutant>, tokenKey: Uint8Array, collections: ReadonlyMap<string, Collection>): DadiState {
  return {
    fixtures,
    profile,
    mutants,
    clock,
    tokenKey,
    clients: new Map(fixtures.clients.map((c) => [c.clientId, c])),
    collections,
    tokens: new MemoryStore<DadiClient>(mutants.has('ignore-expiry') ? FROZEN_CLOCK : clock),
    graceTokens: new MemoryStore<DadiClient>(clock),
    jwtSnapshots: new Map(),
    counter: 0,
    lastIssuedTo: undefined,
    responseCache: new Map(),
    failedLogins: new Map(),
  }
}
