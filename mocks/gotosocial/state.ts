import type { MockClock } from '../core/mock-clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { OAuth2Policy, UserDirectory } from '../oauth2/index.ts'
import { createOAuth2State, type OAuth2State } from '../oauth2/state.ts'
import type { GtsFixtures, SeededAccount } from './fixtures.ts'
import { ulid } from './ids.ts'
import type { GtsMutant } from './mutants.ts'
import { TRAITS, type GtsProfile, type Traits } from './profiles.ts'
import { permits } from './scopes.ts'

/** A registered application (GoToSocial's `Application` row, which since v0.19 is also the OAuth client). */
export interface App {
  id: string
  clientId: string
  clientSecret: string
  name: string
  website?: string
  /** As stored: v0.19 the parsed URIs joined by `\n`; v0.18 the raw string. */
  redirectRaw: string
  redirectUris: readonly string[]
  /** The scope string as registered (space-separated, never validated). */
  scopes: string
  createdAt: number
  /** The user whose token registered it (v0.19: a "managed" app). */
  managedBy?: string
}

export interface StatusRecord {
  id: string
  accountId: string
  text: string
  spoilerText: string
  sensitive: boolean
  visibility: string
  language: string | null
  createdAt: number
  applicationId?: string
}

export interface NotificationRecord {
  id: string
  type: string
  createdAt: number
  actorId: string
  statusId?: string
}

/** Everything one GoToSocial mock instance holds; per instance, never global. */
export interface GtsState {
  profile: GtsProfile
  traits: Traits
  fixtures: GtsFixtures
  mutants: ReadonlySet<GtsMutant>
  clock: MockClock
  /** The shared core's state: codes (`codes`) and access tokens (`accessTokens`), linked by grant. */
  oauth: OAuth2State
  /** By client_id. */
  apps: Map<string, App>
  accounts: ReadonlyMap<string, SeededAccount>
  byEmail: ReadonlyMap<string, SeededAccount>
  /** The browser sessions (GoToSocial's in-memory store): values by session id. */
  sessions: MemoryStore<Record<string, string>>
  /** When each code was issued (the code-expiry arithmetic needs it). */
  codeIssuedAt: MemoryStore<number>
  /** Each account's notifications, newest first. */
  notifications: Map<string, NotificationRecord[]>
  statuses: Map<string, StatusRecord>
}

/** Seconds. The code's stored lifetime is go-oauth2's `DefaultCodeExp`; user tokens never expire. */
export const CODE_TTL = 600
const HOUR = 3600_000

/** The values the core's policy holds for GoToSocial; its parts are composed in this folder (see README). */
export const GTS_POLICY: OAuth2Policy = {
  realm: 'gotosocial',
  lifetimes: { code: CODE_TTL, accessToken: undefined, refreshToken: 0, interaction: 120, session: 120 },
  scopes: { known: [], defaults: ['read'], covers: (granted, needed) => granted.some((g) => permits(g, needed)) },
  codeReuseRevokesGrant: false,
  failedExchangeBurnsCode: false,
  redirectCarriesScope: false,
}

const TYPES = ['mention', 'favourite', 'follow', 'reblog', 'status', 'follow_request'] as const

export function createGtsState(fixtures: GtsFixtures, profile: GtsProfile, clock: MockClock, mutants: ReadonlySet<GtsMutant>): GtsState {
  const accounts = new Map(fixtures.accounts.map((a) => [a.id, a]))
  const byEmail = new Map(fixtures.accounts.map((a) => [a.email, a]))
  const users: UserDirectory = {
    find: (login) => {
      const a = byEmail.get(login)
      return a && { user: { id: a.id, name: a.username, email: a.email }, password: a.password }
    },
    byId: (id) => {
      const a = accounts.get(id)
      return a && { id: a.id, name: a.username, email: a.email }
    },
  }
  const state: GtsState = {
    profile,
    traits: TRAITS[profile],
    fixtures,
    mutants,
    clock,
    // The core reads the shared mutant names from the same set (GoToSocial's names are a different list).
    oauth: createOAuth2State({ policy: GTS_POLICY, clock, mutants: { has: (name) => (mutants as ReadonlySet<string>).has(name) }, users, clients: [] }),
    apps: new Map(),
    accounts,
    byEmail,
    sessions: new MemoryStore(clock),
    codeIssuedAt: new MemoryStore(clock),
    notifications: new Map(),
    statuses: new Map(),
  }
  for (const a of fixtures.apps) {
    const redirectUris = a.redirect_uris.split('\n').map((u) => u.trim()).filter(Boolean)
    state.apps.set(a.client_id, { id: a.id, clientId: a.client_id, clientSecret: a.client_secret, name: a.name, website: a.website, redirectRaw: a.redirect_uris, redirectUris, scopes: a.scopes, createdAt: Date.parse(fixtures.instance.seededAt) })
  }
  // Tokens issued before their account changed state (fixtures' `token`): stored as the token endpoint would.
  for (const a of fixtures.accounts) if (a.token) state.oauth.accessTokens.upsert(a.token, { grantId: `seeded-${a.id}`, clientId: fixtures.apps[0]!.client_id, userId: a.id, scopes: ['read'], generation: '' })
  seedNotifications(state)
  return state
}

/** Seeded notifications: from the other active accounts, an hour apart, with a status where the type has one. */
function seedNotifications(state: GtsState): void {
  const seededAt = Date.parse(state.fixtures.instance.seededAt)
  const active = state.fixtures.accounts.filter((a) => a.state === 'active')
  for (const owner of state.fixtures.accounts) {
    const actors = active.filter((a) => a.id !== owner.id)
    const list: NotificationRecord[] = []
    for (let i = 0; i < owner.notifications; i++) {
      const createdAt = seededAt - (i + 1) * HOUR
      const type = TYPES[i % TYPES.length]!
      const actor = actors[i % actors.length]!
      const record: NotificationRecord = { id: ulid(createdAt, `${owner.username}:notification:${i}`), type, createdAt, actorId: actor.id }
      if (type !== 'follow' && type !== 'follow_request') {
        const author = type === 'favourite' || type === 'reblog' ? owner : actor
        const text = type === 'mention' ? `@${owner.username} hello number ${i}` : `post number ${i} by ${author.username}`
        const status: StatusRecord = { id: ulid(createdAt - 60_000, `${owner.username}:status:${i}`), accountId: author.id, text, spoilerText: '', sensitive: false, visibility: 'public', language: 'en', createdAt: createdAt - 60_000 }
        state.statuses.set(status.id, status)
        record.statusId = status.id
      }
      list.push(record)
    }
    state.notifications.set(owner.id, list)
  }
}
