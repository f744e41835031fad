import { describe } from 'node:test'
import { probeEach, publicTokens, refresh, revoke, status, works, type Probe, type RefreshSideMutant } from './mutant-probes.ts'
import { basic, CONFIDENTIAL, CONFIDENTIAL_BASIC, oauthTokens, OTHER, PUBLIC, token } from './test-client.ts'

const scopeOf = async (response: Promise<Response>) => ((await (await response).json()) as { scope?: string }).scope
const DAY_MS = 24 * 3600 * 1000

/** The shared mutants of refresh tokens and revocation. */
const PROBES: Record<RefreshSideMutant, Probe> = {
  'refresh-cacheable': async (m) => {
    const r = await refresh(m, (await oauthTokens(m)).refresh_token!)
    return r.status === 200 && r.headers.get('cache-control') === 'no-store' && r.headers.get('pragma') === 'no-cache'
  },
  'refresh-not-rotated': async (m) => {
    const first = await oauthTokens(m)
    await refresh(m, first.refresh_token!)
    return (await status(refresh(m, first.refresh_token!))) === 400
  },
  'refresh-replay-keeps-family': async (m) => {
    const first = await oauthTokens(m)
    const second = (await (await refresh(m, first.refresh_token!)).json()) as { access_token: string }
    await refresh(m, first.refresh_token!)
    return !(await works(m, second.access_token))
  },
  'refresh-client-unbound': async (m) => (await status(refresh(m, (await oauthTokens(m)).refresh_token!, basic(OTHER.client_id, OTHER.client_secret!)))) === 400,
  'refresh-scope-widened': async (m) => (await scopeOf(refresh(m, (await oauthTokens(m)).refresh_token!, CONFIDENTIAL_BASIC, 'offline asset.read team.read'))) === 'offline asset.read',
  'revoke-token-only': async (m) => {
    const issued = await oauthTokens(m)
    await revoke(m, issued.access_token)
    return (await status(refresh(m, issued.refresh_token!))) === 400
  },
  'revoke-foreign-token': async (m) => {
    const issued = await oauthTokens(m)
    await revoke(m, issued.access_token, basic(OTHER.client_id, OTHER.client_secret!))
    return works(m, issued.access_token)
  },
  'revoke-unauthenticated': async (m) => {
    const issued = await oauthTokens(m)
    return (await status(revoke(m, issued.access_token, basic(CONFIDENTIAL.client_id, 'wrong')))) === 401 && (await works(m, issued.access_token))
  },
  'refresh-unauthenticated': async (m) => (await status(token(m, { grant_type: 'refresh_token', refresh_token: (await oauthTokens(m)).refresh_token! }))) === 401,
  'refresh-public-refused': async (m) => (await status(token(m, { grant_type: 'refresh_token', refresh_token: (await publicTokens(m)).refresh_token!, client_id: PUBLIC.client_id }))) === 200,
  'refresh-scope-narrowed': async (m) => (await scopeOf(refresh(m, (await oauthTokens(m)).refresh_token!, CONFIDENTIAL_BASIC, 'offline'))) === 'offline asset.read',
  'refresh-scope-narrows-grant': async (m) => {
    const narrowed = (await (await refresh(m, (await oauthTokens(m)).refresh_token!, CONFIDENTIAL_BASIC, 'offline')).json()) as { refresh_token: string }
    return (await scopeOf(refresh(m, narrowed.refresh_token))) === 'offline asset.read'
  },
  'refresh-keeps-old-access': async (m) => {
    const first = await oauthTokens(m)
    await refresh(m, first.refresh_token!)
    return !(await works(m, first.access_token))
  },
  'refresh-token-never-expires': async (m) => {
    const { refresh_token } = await oauthTokens(m)
    m.clock.advance(30 * DAY_MS + 1000)
    return (await status(refresh(m, refresh_token!))) === 400
  },
  'revoke-refresh-only': async (m) => {
    const { access_token } = await oauthTokens(m)
    await revoke(m, access_token)
    return !(await works(m, access_token))
  },
  'revoke-unknown-refused': async (m) => (await status(revoke(m, 'never-issued-token'))) === 200,
  'revoke-via-get': async (m) => {
    const { access_token } = await oauthTokens(m)
    await m.call(`/oauth2/revoke?${new URLSearchParams({ token: access_token })}`, { headers: { authorization: CONFIDENTIAL_BASIC } })
    return works(m, access_token)
  },
  'revoke-hint-trusted': async (m) => {
    const { access_token } = await oauthTokens(m)
    await revoke(m, access_token, CONFIDENTIAL_BASIC, { token_type_hint: 'refresh_token' })
    return !(await works(m, access_token))
  },
}

describe('shared OAuth2 mutants of refresh tokens and revocation are real defects (Frame.io)', () => probeEach(PROBES))
