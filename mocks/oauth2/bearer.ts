import type { OAuth2State } from './state.ts'
import type { AccessRecord } from './types.ts'

/**
 * The resource server's side of the core: what an access token stands for. Reading the token from the request
 * (which header, which scheme, whether the query counts) is each API's own ordered reader, as with every other
 * credential (core/authorization.ts); so is the refusal's envelope. Revoked and expired tokens are simply gone.
 */
export function findAccessToken(state: OAuth2State, value: string): AccessRecord | undefined {
  return state.accessTokens.find(value)
}

/** Whether `granted` allows an operation needing `needed`, under the API's covering rule. */
export function covers(state: OAuth2State, granted: readonly string[], needed: string): boolean {
  return state.policy.scopes.covers(granted, needed)
}
