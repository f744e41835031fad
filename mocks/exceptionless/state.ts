import type { Clock } from '../core/clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { ExceptionlessFixtures, Project, User } from './fixtures.ts'
import type { Principal } from './principal.ts'

/** A token as Exceptionless stores it: login tokens (`authentication`, bound to a user) and API keys (`access`). */
export interface TokenRecord {
  id: string
  type: 'authentication' | 'access'
  user_id: string | null
  organization_id: string | null
  project_id: string | null
  default_project_id: string | null
  scopes: string[]
  notes: string | null
  expires_utc: string | null
  is_disabled: boolean
  is_suspended: boolean
  created_utc: string
  updated_utc: string
}

export interface StoredEvent {
  id: string
  project_id: string
  organization_id: string
  type: string
  message: string | null
  date: string
  data: unknown
}

/** Everything one Exceptionless mock instance holds; per instance, never global. */
export interface ExceptionlessState {
  fixtures: ExceptionlessFixtures
  mutants: ReadonlySet<string>
  clock: Clock
  usersByEmail: ReadonlyMap<string, User>
  usersById: ReadonlyMap<string, User>
  projects: ReadonlyMap<string, Project>
  tokens: MemoryStore<TokenRecord>
  /** failed-or-not login attempts per lower-cased email, expiring at the next 15-minute boundary. */
  loginAttempts: Map<string, { count: number; resetAt: number }>
  /** user id → the id of their current login token (looked up in `tokens`, so an expired one is simply gone). */
  loginTokens: Map<string, string>
  events: StoredEvent[]
  /** When the instance was seeded: the created/updated time of seeded records. */
  seededAt: string
  /** The organizations' views, derived from the fixtures on first use. */
  organizationViews?: Map<string, Record<string, unknown>>
  /**
   * `GET /api/v2/organizations` bodies, serialised once per set of organizations and kept while no event is
   * posted (the event counts are the only part that changes): the token-checked GET of the benchmark.
   */
  organizationBodies: Map<string, { events: number; text: string }>
  /** Events posted so far in this instance (the list itself is capped): the organization bodies' version. */
  eventsPosted: number
  /** Each user's roles with their implication applied (users and mutants never change in an instance). */
  rolesByUser: Map<string, ReadonlySet<string>>
  /** The `query-key-cached` defect's cache of principals read from the query string. */
  queryKeyCache: Map<string, Principal>
}

/** Login tokens live three months (`GetOrCreateAuthenticationTokenAsync`). */
export const LOGIN_TOKEN_TTL_SECONDS = 90 * 24 * 3600

export function createExceptionlessState(fixtures: ExceptionlessFixtures, clock: Clock, mutants: ReadonlySet<string>): ExceptionlessState {
  const state: ExceptionlessState = {
    fixtures,
    mutants,
    clock,
    usersByEmail: new Map(fixtures.users.map((u) => [u.email.toLowerCase(), u])),
    usersById: new Map(fixtures.users.map((u) => [u.id, u])),
    projects: new Map(fixtures.projects.map((p) => [p.id, p])),
    tokens: new MemoryStore<TokenRecord>(clock),
    loginAttempts: new Map(),
    loginTokens: new Map(),
    rolesByUser: new Map(),
    queryKeyCache: new Map(),
    events: [],
    organizationBodies: new Map(),
    eventsPosted: 0,
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

/** The public view of a stored token (`ViewToken`). */
export function viewToken(t: TokenRecord) {
  return {
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
}
