import type { MockClock } from '../core/mock-clock.ts'
import { MemoryStore } from '../core/store.ts'
import type { OAuth2Mutants } from './mutants.ts'
import type { OAuth2Policy } from './policy.ts'
import type { AccessRecord, CodeRecord, Interaction, OAuthClient, RefreshRecord, SessionRecord, UserDirectory } from './types.ts'

/** One authorization server's state: per mock instance, on its clock, never a module global. */
export interface OAuth2State {
  policy: OAuth2Policy
  clock: MockClock
  mutants: OAuth2Mutants
  users: UserDirectory
  clients: ReadonlyMap<string, OAuthClient>
  codes: MemoryStore<CodeRecord>
  accessTokens: MemoryStore<AccessRecord>
  refreshTokens: MemoryStore<RefreshRecord>
  /** Pending authorization requests, by challenge id. */
  interactions: MemoryStore<Interaction>
  sessions: MemoryStore<SessionRecord>
}

export function createOAuth2State(options: { policy: OAuth2Policy; clock: MockClock; mutants: OAuth2Mutants; users: UserDirectory; clients: readonly OAuthClient[] }): OAuth2State {
  const { clock } = options
  return {
    ...options,
    clients: new Map(options.clients.map((c) => [c.id, c])),
    codes: new MemoryStore(clock),
    accessTokens: new MemoryStore(clock),
    refreshTokens: new MemoryStore(clock),
    interactions: new MemoryStore(clock),
    sessions: new MemoryStore(clock),
  }
}

export const grantLink = (grantId: string) => `grant:${grantId}`
export const generationLink = (generation: string) => `generation:${generation}`

/**
 * Revokes everything issued under one grant: its code, access tokens and refresh tokens (tombstones included).
 * The one implementation behind code reuse (RFC 9700 §4.2.4), refresh replay (§4.14.2) and revocation (RFC 7009
 * §2.1: "SHOULD also invalidate all access tokens based on the same authorization grant"). Synchronous.
 */
export function revokeGrant(state: OAuth2State, grantId: string): void {
  const link = grantLink(grantId)
  state.codes.destroyLinked(link)
  state.accessTokens.destroyLinked(link)
  state.refreshTokens.destroyLinked(link)
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** 43 base64url characters from a CSPRNG: 258 bits, over RFC 6749 §10.10's 2^-160 (codes, tokens, session ids). */
export function randomValue(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(43))
  let out = ''
  for (const b of bytes) out += BASE64URL[b & 63]
  return out
}
