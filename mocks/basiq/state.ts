import type { MockClock } from '../core/mock-clock.ts'
import type { BasiqApiKey, BasiqFixtures, BasiqJobFixture, BasiqUserFixture } from './fixtures.ts'
import type { BasiqMutant } from './mutants.ts'

export const SCOPES = ['SERVER_ACCESS', 'CLIENT_ACCESS'] as const
export type Scope = (typeof SCOPES)[number]

/** Who a valid bearer token speaks for: its application, scope, version and, for CLIENT_ACCESS, its user. */
export interface BasiqPrincipal {
  applicationId: string
  scope: Scope
  /** The user a CLIENT_ACCESS token is bound to; absent for SERVER_ACCESS and for a 2.x client token. */
  userId?: string
  version: string
}

/** What `prepare` makes once per host: the HS256 signing secret every instance of the host shares. */
export interface BasiqPrepared {
  key: Uint8Array
}

export interface UserRecord extends Omit<BasiqUserFixture, 'jobs'> {
  businessName?: string
  businessIdNo?: string
  businessIdNoType?: string
}

/** Everything one Basiq mock instance holds; per instance, never global. */
export interface BasiqState {
  fixtures: BasiqFixtures
  mutants: ReadonlySet<BasiqMutant>
  clock: MockClock
  /** The signing secret (the `weak-signing-key` defect: the bytes of "secret"). */
  key: Uint8Array
  keys: ReadonlyMap<string, BasiqApiKey>
  /** Seeded users, then those POST /users creates. */
  users: Map<string, UserRecord>
  jobs: ReadonlyMap<string, BasiqJobFixture & { userId: string }>
  /** The `opaque-tokens` defect's store: token → principal and expiry (ms on the instance clock). */
  opaque: Map<string, { principal: BasiqPrincipal; expires: number }>
  tokenRequests: RateWindow
  /** The `rate-limit-per-key` defect's counters: one window per Authorization value. */
  tokenRequestsByKey: Map<string, RateWindow>
}

export function createBasiqState(fixtures: BasiqFixtures, clock: MockClock, mutants: ReadonlySet<BasiqMutant>, prepared: BasiqPrepared): BasiqState {
  const users = new Map<string, UserRecord>()
  const jobs = new Map<string, BasiqJobFixture & { userId: string }>()
  for (const { jobs: own, ...user } of fixtures.users) {
    users.set(user.id, { ...user, accounts: [...user.accounts] })
    for (const job of own) jobs.set(job.id, { ...job, userId: user.id })
  }
  return {
    fixtures,
    mutants,
    clock,
    key: mutants.has('weak-signing-key') ? new TextEncoder().encode('secret') : prepared.key,
    keys: new Map(fixtures.apiKeys.map((k) => [k.key, k])),
    users,
    jobs,
    opaque: new Map(),
    tokenRequests: new RateWindow(fixtures.tokenRateLimit.windowSeconds, clock),
    tokenRequestsByKey: new Map(),
  }
}

/**
 * A sliding window of request counts, one bucket per second of the instance clock: `hit(limit)` counts a request
 * and says whether the last `windowSeconds` (this one included) now hold more than `limit`. Memory stays bounded
 * (at most `windowSeconds` buckets) however many requests arrive.
 */
export class RateWindow {
  readonly #buckets = new Map<number, number>()
  #total = 0

  constructor(
    readonly windowSeconds: number,
    private readonly clock: MockClock,
  ) {}

  hit(limit: number, options: { neverReset?: boolean } = {}): boolean {
    const second = Math.floor(this.clock.now() / 1000)
    if (!options.neverReset) {
      for (const [at, count] of this.#buckets) {
        if (at > second - this.windowSeconds) break // buckets are in time order: the clock never goes back
        this.#total -= count
        this.#buckets.delete(at)
      }
    }
    this.#buckets.set(second, (this.#buckets.get(second) ?? 0) + 1)
    this.#total++
    return this.#total > limit
  }
}
