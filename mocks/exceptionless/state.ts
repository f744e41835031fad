import type { MockClock } from '../core/mock-clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { ExceptionlessFixtures, Project, User } from './fixtures.ts'
import type { Principal, StoredEvent, TokenRecord } from './model.ts'
import type { ExceptionlessMutant } from './mutants.ts'
import type { ExceptionlessProfile } from './profiles.ts'

export type { Principal, StoredEvent, TokenRecord } from './model.ts'

/** Everything one Exceptionless mock instance holds; per instance, never global. */
export interface ExceptionlessState {
  fixtures: ExceptionlessFixtures
  mutants: ReadonlySet<ExceptionlessMutant>
  profile: ExceptionlessProfile
  clock: MockClock
  /** This instance's users (an operator may delete or deactivate one: see admin.ts). */
  usersByEmail: Map<string, User>
  usersById: Map<string, User>
  /** This instance's projects: a configuration change replaces the project (see project-routes.ts). */
  projects: Map<string, Project>
  tokens: MemoryStore<TokenRecord>
  /** failed-or-not login attempts per lower-cased email, expiring at the next 15-minute boundary. */
  loginAttempts: Map<string, { count: number; resetAt: number }>
  /** user id → the id of their current login token (looked up in `tokens`, so an expired one is simply gone). */
  loginTokens: Map<string, string>
  events: StoredEvent[]
  /** When the instance was seeded: the created/updated time of seeded records. */
  seededAt: string
  /** Events posted so far in this instance (the list itself is capped): the organization bodies' version. */
  eventsPosted: number
  /** Derived answers, kept apart from the state they are derived from. */
  caches: ExceptionlessCaches
  /** The API throttle's limit per caller and quarter hour (`ApiThrottleLimit`; an operator may lower it: admin.ts). */
  throttleLimit: number
  /** The API throttle's count per caller (a key's organization, a user) in the current quarter hour. */
  throttle: Map<string, { count: number; resetAt: number }>
}

/** What an instance derives and keeps for speed; dropping any of it changes no answer. */
export interface ExceptionlessCaches {
  /** The organizations' views, derived from the fixtures on first use. */
  organizationViews?: Map<string, Record<string, unknown>>
  /**
   * `GET /api/v2/organizations` bodies, serialised once per set of organizations and kept while no event is
   * posted (the event counts are the only part that changes): the token-checked GET of the benchmark.
   */
  organizationBodies: Map<string, { events: number; text: string }>
  /** Each user's roles with their implication applied (users and mutants never change in an instance). */
  rolesByUser: Map<string, ReadonlySet<string>>
  /** The `query-key-cached` defect's cache of principals read from the query string (a cache that is wrong). */
  queryKeys: Map<string, Principal>
}

/** Login tokens live three months (`GetOrCreateAuthenticationTokenAsync`). */
export const LOGIN_TOKEN_TTL_SECONDS = 90 * 24 * 3600

export function createExceptionlessState(fixtures: ExceptionlessFixtures, clock: MockClock, mutants: ReadonlySet<ExceptionlessMutant>, profile: ExceptionlessProfile = 'exceptionless@8.7'): ExceptionlessState {
  const state: ExceptionlessState = {
    fixtures,
    mutants,
    profile,
    clock,
    usersByEmail: new Map(fixtures.users.map((u) => [u.email.toLowerCase(), u])),
    usersById: new Map(fixtures.users.map((u) => [u.id, u])),
    projects: new Map(fixtures.projects.map((p) => [p.id, p])),
    tokens: new MemoryStore<TokenRecord>(clock),
    loginAttempts: new Map(),
    loginTokens: new Map(),
    events: [],
    eventsPosted: 0,
    caches: { organizationBodies: new Map(), rolesByUser: new Map(), queryKeys: new Map() },
    throttleLimit: fixtures.apiThrottleLimit,
    throttle: new Map(),
    seededAt: new Date(clock.now()).toISOString(),
  }
  const now = state.seededAt
  for (const key of fixtures.apiKeys) {
    state.tokens.upsert(key.id, {
      id: key.id,
      type: 'access',
      user_id: null,
      organization_id: key.organization_id,
      project_id: key.project_id,
      default_project_id: null,
      scopes: [...key.scopes],
      notes: key.notes ?? null,
      expires_utc: null,
      is_disabled: key.is_disabled,
      is_suspended: false,
      created_utc: now,
      updated_utc: now,
    })
  }
  return state
}

/**
 * The public view of a stored token (`ViewToken`), serialised as the real server does (System.Text.Json with
 * `WhenWritingNull`): a field without a value is left out — an organization key has no `project_id` at all.
 */
export function viewToken(t: TokenRecord): Record<string, unknown> {
  const view = {
    id: t.id,
    organization_id: t.organization_id,
    project_id: t.project_id,
    user_id: t.user_id,
    default_project_id: t.default_project_id,
    scopes: t.scopes,
    expires_utc: t.expires_utc,
    notes: t.notes,
    is_disabled: t.is_disabled,
    is_suspended: t.is_suspended,
    created_utc: t.created_utc,
    updated_utc: t.updated_utc,
  }
  return Object.fromEntries(Object.entries(view).filter(([, value]) => value !== null))
}
