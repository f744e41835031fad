import type { MockClock } from '../core/mock-clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { AccessRecord, AuthorizationServer } from '../oauth2/index.ts'
import { createFrameioAuthorizationServer } from './authorization-server.ts'
import type { Asset, FrameioFixtures, User } from './fixtures.ts'
import type { FrameioMutant } from './mutants.ts'

/** A developer token as the portal keeps it: never its string (only the string → id index knows that). */
export interface DeveloperToken {
  id: string
  userId: string
  description: string
  scopes: readonly string[]
  inserted_at: string
  /** Only the `devtoken-listed-with-secret` defect keeps the string with the record. */
  token?: string
  /** Only the `deleted-devtoken-works` defect keeps a deleted token, marked, for the list to hide. */
  deletedAt?: string
}

export interface StoredAsset extends Asset {
  creator_id: string | null
  inserted_at: string
}

/** Everything one Frame.io mock instance holds; per instance, never global. */
export interface FrameioState {
  fixtures: FrameioFixtures
  mutants: ReadonlySet<FrameioMutant>
  clock: MockClock
  usersById: ReadonlyMap<string, User>
  usersByEmail: ReadonlyMap<string, User>
  accounts: ReadonlySet<string>
  /** Fixture assets and the ones created since. */
  assets: Map<string, StoredAsset>
  /** Newest last; by id. */
  devTokens: Map<string, DeveloperToken>
  /** token string → id; no expiry (developer tokens are "persistent"). */
  devTokenIds: MemoryStore<string>
  /** id → token string, the inverse index, for deletion only (no view reads it). */
  devTokenStrings: Map<string, string>
  /** Requests per path in the current rate-limit window (the mock reports, never refuses). */
  rate: Map<string, { start: number; count: number }>
  /** Each user's record, serialised once (it never changes within an instance). */
  userJson: Map<string, string>
  /** The `devtoken-sequential` defect's counter. */
  counter: number
  /** The `bearer-lookup-cached` defect's cache of OAuth token lookups. */
  bearerCache: Map<string, { access: AccessRecord; until: number }>
  as: AuthorizationServer
  seededAt: string
}

export function createFrameioState(fixtures: FrameioFixtures, clock: MockClock, mutants: ReadonlySet<FrameioMutant>): FrameioState {
  const seededAt = new Date(clock.now()).toISOString()
  return {
    fixtures,
    mutants,
    clock,
    usersById: new Map(fixtures.users.map((u) => [u.id, u])),
    usersByEmail: new Map(fixtures.users.map((u) => [u.email.toLowerCase(), u])),
    accounts: new Set(fixtures.accounts.map((a) => a.id)),
    assets: new Map(fixtures.assets.map((a) => [a.id, { ...a, creator_id: null, inserted_at: seededAt }])),
    devTokens: new Map(),
    devTokenIds: new MemoryStore(clock),
    devTokenStrings: new Map(),
    rate: new Map(),
    userJson: new Map(),
    counter: 0,
    bearerCache: new Map(),
    as: createFrameioAuthorizationServer(fixtures, clock, mutants),
    seededAt,
  }
}
