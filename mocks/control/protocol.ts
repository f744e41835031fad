/**
 * The `/__mock/*` control protocol, shared by the mock host (which serves it) and the harness (which calls it):
 * both import these names, so neither spells a route or header of its own.
 *
 * - `x-authconform-session: <id>` on any request: that session's state, clock and mutants. An id the mock has
 *   not seen (8–128 of `[A-Za-z0-9_-]`, a random UUID say) opens a fresh session without mutants.
 * - `x-authconform-profile: <profile>` with a new session id: the session answers as that profile of the API.
 * - `POST /__mock/sessions` `{"mutants": [...], "profile"?}` → 201 `{"id", "mutants", "profile"}`;
 *   `DELETE /__mock/sessions/{id}` → 204.
 * - `GET /__mock/profiles` → `{"default", "profiles"}`.
 * - `POST /__mock/clock` `{"advanceSeconds": n}` → 200 `{"now"}` on the session the header names.
 * - `POST /__mock/admin` `{"action", …arguments}` → 200 `{"action", "result"}` on the session the header names: what
 *   only an API's operators change (a client's grants, an organization's suspension), for the checks that need it.
 * - `POST /__mock/preload` `{"count": n}`, `POST /__mock/reset`, `GET /__mock/health`, `GET /__mock/mutants`.
 */
export const SESSION_HEADER = 'x-authconform-session'

/**
 * `x-authconform-profile: <profile>` beside a session id the mock has not seen: the new session answers as that
 * profile of the API (`dadi@6`, say); the host's default profile otherwise. Ignored for a session that exists.
 */
export const PROFILE_HEADER = 'x-authconform-profile'

export const CONTROL_PREFIX = '/__mock/'

/** What a client may choose as a session id. */
export const SESSION_ID = /^[\w-]{8,128}$/

export const CONTROL_ROUTES = {
  health: '/__mock/health',
  mutants: '/__mock/mutants',
  reset: '/__mock/reset',
  sessions: '/__mock/sessions',
  clock: '/__mock/clock',
  preload: '/__mock/preload',
  profiles: '/__mock/profiles',
  admin: '/__mock/admin',
} as const

/** The header the mock sets on its own faults (never an API's answer). */
export const MOCK_FAULT_HEADER = 'x-authconform-error'

export interface OpenSessionBody {
  mutants: readonly string[]
  profile?: string
}
export interface AdvanceClockBody {
  advanceSeconds: number
}
export interface AdminBody {
  action: string
  [argument: string]: unknown
}
