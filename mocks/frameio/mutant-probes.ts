import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { OAuth2Mutant } from '../oauth2/mutants.ts'
import { s256 } from '../oauth2/pkce.ts'
import type { FrameioMutant } from './mutants.ts'
import { bearerGet, Browser, consentedRedirect, CONFIDENTIAL, CONFIDENTIAL_BASIC, instance, locationOf, PUBLIC, token, type Instance } from './test-client.ts'

/** A small check of one rule: true when the mock keeps it. */
export type Probe = (mock: Instance) => Promise<boolean>

/**
 * Proves each mutant is a real defect before the suites exist: its probe holds on the unmutated mock and fails
 * with the mutant on. (The suites' own catching, by the requirement each mutant names, is `npm run mutants`.)
 */
export function probeEach(probes: Partial<Record<FrameioMutant, Probe>>): void {
  for (const [name, probe] of Object.entries(probes) as [FrameioMutant, Probe][]) {
    it(`${name}: the rule holds without it and breaks with it`, async () => {
      assert.equal(await probe(instance()), true, 'holds on the unmutated mock')
      assert.equal(await probe(instance([name])), false, `broken by ${name}`)
    })
  }
}

/**
 * The shared mutants are probed in three files; these lists say which file probes which, so that together they
 * probe every one (each file's table is typed with its part: the compiler checks none is left out).
 */
export type TokenSideMutant = Extract<
  OAuth2Mutant,
  | 'code-reusable' | 'code-reuse-keeps-tokens' | 'code-await-race' | 'code-client-unbound' | 'code-redirect-unbound' | 'failed-exchange-burns-code'
  | 'code-never-expires' | 'pkce-verifier-ignored' | 'pkce-downgrade-accepted' | 'invalid-client-400' | 'two-auth-methods-accepted'
  | 'basic-not-urldecoded' | 'auth-method-unchecked' | 'credentials-from-query' | 'token-via-get' | 'token-cacheable' | 'token-error-echoes-secret'
  | 'password-grant' | 'access-token-never-expires' | 'refresh-without-offline' | 'form-body-unparsed' | 'form-content-type-exact'
  | 'token-unknown-param-refused' | 'unknown-grant-as-code' | 'grant-type-unchecked' | 'missing-param-invalid-grant' | 'basic-auth-unsupported'
  | 'body-credentials-unsupported' | 'secret-checked-only-when-sent' | 'public-client-from-code' | 'token-response-form-encoded'
  | 'expires-in-milliseconds' | 'scope-response-from-request' | 'code-scope-from-request' | 'token-error-extra-fields' | 'tokens-short'
  | 'token-carries-client-scopes' | 'pkce-s256-padded' | 'pkce-challenge-per-client' | 'pkce-verifier-format-unchecked'
> // prettier-ignore
export type RefreshSideMutant = Extract<
  OAuth2Mutant,
  | 'refresh-not-rotated' | 'refresh-replay-keeps-family' | 'refresh-client-unbound' | 'refresh-scope-widened' | 'revoke-token-only'
  | 'revoke-foreign-token' | 'revoke-unauthenticated' | 'refresh-unauthenticated' | 'refresh-public-refused' | 'refresh-scope-narrowed'
  | 'refresh-scope-narrows-grant' | 'refresh-keeps-old-access' | 'refresh-token-never-expires' | 'revoke-refresh-only'
  | 'revoke-unknown-refused' | 'revoke-via-get' | 'revoke-hint-trusted' | 'refresh-cacheable'
> // prettier-ignore

// What the shared mutants' probes do, in a few words each.
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
export const status = async (response: Response | Promise<Response>) => (await response).status
export const errorOf = async (response: Response | Promise<Response>) => locationOf(await response).searchParams.get('error')
export const works = async (mock: Instance, accessToken: string) => (await bearerGet(mock, '/v2/me', accessToken)).status === 200
export const refresh = (mock: Instance, rt: string, authorization = CONFIDENTIAL_BASIC, scope = 'offline asset.read') => token(mock, { grant_type: 'refresh_token', refresh_token: rt, scope }, authorization)
export const revoke = (mock: Instance, value: string, authorization = CONFIDENTIAL_BASIC, extra: Record<string, string> = {}) =>
  mock.call('/oauth2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization }, body: new URLSearchParams({ token: value, ...extra }) })
export const pkceCode = async (mock: Instance, verifier = VERIFIER, client = CONFIDENTIAL) => (await consentedRedirect(new Browser(mock), { client, challenge: await s256(verifier) })).searchParams.get('code')!
export const exchange = (mock: Instance, code: string, extra: Record<string, string> = {}, authorization = CONFIDENTIAL_BASIC) =>
  token(mock, { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL.redirect_uri, ...extra }, authorization)
/** The PKCE app's tokens (its code exchanged with client_id and code_verifier, no Authorization). */
export async function publicTokens(mock: Instance): Promise<{ access_token: string; refresh_token?: string }> {
  const code = (await consentedRedirect(new Browser(mock), { client: PUBLIC, challenge: await s256(VERIFIER) })).searchParams.get('code')!
  return (await token(mock, { grant_type: 'authorization_code', code, redirect_uri: PUBLIC.redirect_uri, client_id: PUBLIC.client_id, code_verifier: VERIFIER })).json()
}
