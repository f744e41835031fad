import type { User } from './fixtures.ts'

/** The records an Exceptionless mock holds and the principal it derives from them (shared by state and checks). */

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

/** Who is calling, as `IdentityUtils` builds it. `token` principals are API keys ("Token" auth type). */
export interface Principal {
  kind: 'user' | 'token'
  user: User | undefined
  token: TokenRecord | undefined
  roles: ReadonlySet<string>
  organizationIds: readonly string[]
  projectId: string | null
  /** The credentials came from the query string (RFC 6750 §2.3): the response must not be shared-cacheable. */
  viaQuery: boolean
  /** What the API throttle says of this request (X-RateLimit-*), set once it is counted. */
  rateLimit?: Record<string, string>
}
