import { describe } from 'node:test'
import type { OAuth2Mutant } from '../oauth2/mutants.ts'
import { SCOPES } from './fixtures.ts'
import { probeEach, revoke, works, type Probe } from './mutant-probes.ts'
import type { FrameioMutant } from './mutants.ts'
import { basic, BOB, Browser, consentedRedirect, CONFIDENTIAL, developerToken, fixtures, JANE, oauthTokens, OTHER, type Instance } from './test-client.ts'

const ACCOUNT = fixtures.accounts[0]!.id
const FOLDER = fixtures.assets[0]!.id
const FOREIGN_ASSET = fixtures.assets[2]!.id
const JANE_BASIC = `Basic ${btoa(`${JANE.email}:${JANE.password}`)}`
const get = (m: Instance, path: string, tokenValue?: string) => m.call(path, tokenValue ? { headers: { authorization: `Bearer ${tokenValue}` } } : {})
const status = async (response: Promise<Response>) => (await response).status
const createChild = (m: Instance, tokenValue: string) =>
  m.call(`/v2/assets/${FOLDER}/children`, { method: 'POST', headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' }, body: '{"type":"folder","name":"Probe"}' })
const createToken = (m: Instance, body: unknown, authorization = JANE_BASIC) => m.call('/developer/api/tokens', { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) })
const challengeOf = async (response: Promise<Response>) => (await response).headers.get('www-authenticate')
const TEAMS = `/v2/accounts/${ACCOUNT}/teams`

/** Frame.io's own mutants, every one (the type says so); the shared ones are probed in mutants-oauth2.test.ts. */
const PROBES: Record<Exclude<FrameioMutant, OAuth2Mutant>, Probe> = {
  'devtoken-listed-with-secret': async (m) => {
    const made = (await (await createToken(m, { description: 'x', scopes: ['asset.read'] })).json()) as { token: string }
    return !(await (await m.call('/developer/api/tokens', { headers: { authorization: JANE_BASIC } })).text()).includes(made.token)
  },
  'devtoken-all-scopes': async (m) => (await status(get(m, `/v2/accounts/${ACCOUNT}/teams`, await developerToken(m, ['asset.read'])))) === 403,
  'devtoken-sequential': async (m) => !/0{20}/.test(await developerToken(m, ['asset.read'])),
  'devtoken-unvalidated': async (m) => (await status(createToken(m, { description: '', scopes: ['asset.admin'] }))) === 422,
  'devtoken-expires': async (m) => {
    const t = await developerToken(m, ['asset.read'])
    m.clock.advance(31 * 24 * 3600 * 1000)
    return (await status(get(m, '/v2/me', t))) === 200
  },
  'deleted-devtoken-works': async (m) => {
    const made = (await (await createToken(m, { description: 'x', scopes: ['asset.read'] })).json()) as { id: string; token: string }
    await m.call(`/developer/api/tokens/${made.id}`, { method: 'DELETE', headers: { authorization: JANE_BASIC } })
    return (await status(get(m, '/v2/me', made.token))) === 401
  },
  'devtoken-other-users': async (m) => {
    await developerToken(m, ['asset.read'])
    const bob = `Basic ${btoa(`${BOB.email}:${BOB.password}`)}`
    return (await (await m.call('/developer/api/tokens', { headers: { authorization: bob } })).json() as unknown[]).length === 0
  },
  'bearer-opens-portal': async (m) => (await status(m.call('/developer/api/tokens', { headers: { authorization: `Bearer ${await developerToken(m, [...SCOPES])}` } }))) === 401,
  'query-token-honoured': async (m) => (await status(get(m, `/v2/me?access_token=${await developerToken(m, ['asset.read'])}`))) === 401,
  'v2-scope-unchecked': async (m) => (await status(get(m, `/v2/accounts/${ACCOUNT}/teams`, await developerToken(m, ['asset.read'])))) === 403,
  'oauth-scope-unchecked': async (m) => (await status(get(m, `/v2/accounts/${ACCOUNT}/teams`, (await oauthTokens(m, 'asset.read')).access_token))) === 403,
  'scope-implication': async (m) => (await status(get(m, `/v2/assets/${FOLDER}`, await developerToken(m, ['asset.create'])))) === 403,
  'me-needs-scope': async (m) => (await status(get(m, '/v2/me', await developerToken(m, ['asset.read'])))) === 200,
  'create-before-scope-check': async (m) => {
    const reader = await developerToken(m, ['asset.read'])
    await createChild(m, reader)
    return ((await (await get(m, `/v2/assets/${FOLDER}`, reader)).json()) as { item_count: number }).item_count === 1
  },
  'user-access-ignored': async (m) => (await status(get(m, `/v2/assets/${FOREIGN_ASSET}`, await developerToken(m, [...SCOPES])))) === 403,
  'unauthorized-body-drift': async (m) => ((await (await get(m, '/v2/me')).json()) as { errors?: unknown[] }).errors?.length === 1,
  'forbidden-body-drift': async (m) => ((await (await get(m, `/v2/assets/${FOLDER}`, await developerToken(m, ['team.read']))).json()) as { code?: number }).code === 403,
  'no-bearer-challenge': async (m) => (await get(m, '/v2/me')).headers.get('www-authenticate') !== null,
  'no-rate-limit-headers': async (m) => (await get(m, '/v2/me', await developerToken(m, ['asset.read']))).headers.get('x-ratelimit-limit') !== null,
  'devtoken-create-cacheable': async (m) => (await createToken(m, { description: 'x', scopes: ['asset.read'] })).headers.get('cache-control') === 'no-store',
  'devtoken-list-oldest-first': async (m) => {
    for (const description of ['older', 'newer']) await createToken(m, { description, scopes: ['asset.read'] })
    return ((await (await m.call('/developer/api/tokens', { headers: { authorization: JANE_BASIC } })).json()) as { description: string }[])[0]?.description === 'newer'
  },
  'devtoken-account-unchecked': async (m) => (await status(get(m, `/v2/assets/${FOREIGN_ASSET}`, await developerToken(m, [...SCOPES])))) === 403,
  'page-select-all-ignored': async (m) => {
    const browser = new Browser(m)
    await browser.signIn()
    return (await status(browser.submit(await browser.get('/developer/tokens/new'), { description: 'every scope', all_scopes: 'on' }))) === 200
  },
  'me-cached-once': async (m) => {
    await get(m, '/v2/me', await developerToken(m, ['asset.read']))
    const bobs = (await (await createToken(m, { description: 'bob', scopes: ['asset.read'] }, `Basic ${btoa(`${BOB.email}:${BOB.password}`)}`)).json()) as { token: string }
    return ((await (await get(m, '/v2/me', bobs.token)).json()) as { email: string }).email === BOB.email
  },
  'error-repeats-url': async (m) => {
    const t = await developerToken(m, ['asset.read'])
    return !(await (await get(m, `/v2/me?access_token=${t}`)).text()).includes(t)
  },
  'authorize-path-moved': async (m) => {
    const query = new URLSearchParams({ response_type: 'code', client_id: CONFIDENTIAL.client_id, redirect_uri: CONFIDENTIAL.redirect_uri, scope: 'asset.read', state: 'state-12345678' })
    return (await status(m.call(`/oauth2/auth?${query}`))) === 303
  },
  'callback-scope-dropped': async (m) => (await consentedRedirect(new Browser(m))).searchParams.get('scope') === 'offline asset.read',
  'revoke-foreign-refused': async (m) => (await status(revoke(m, (await oauthTokens(m)).access_token, basic(OTHER.client_id, OTHER.client_secret!)))) === 200,
  'v2-developer-tokens-only': async (m) => works(m, (await oauthTokens(m)).access_token),
  'bearer-case-sensitive': async (m) => (await status(m.call('/v2/me', { headers: { authorization: `bearer ${await developerToken(m, ['asset.read'])}` } }))) === 200,
  'query-token-fallback': async (m) => (await status(get(m, `/v2/me?access_token=${await developerToken(m, ['asset.read'])}`, 'never-issued'))) === 401,
  'challenge-error-without-token': async (m) => (await challengeOf(get(m, '/v2/me'))) === 'Bearer realm="api.frame.io"',
  'challenge-without-error': async (m) => (await challengeOf(get(m, '/v2/me', 'never-issued'))) === 'Bearer realm="api.frame.io", error="invalid_token"',
  'insufficient-scope-invalid-token': async (m) => (await challengeOf(get(m, TEAMS, await developerToken(m, ['asset.read'])))) === 'Bearer realm="api.frame.io", error="insufficient_scope", scope="team.read"',
  'oauth-scope-same-resource': async (m) => {
    const [reader, creator] = [(await oauthTokens(m, 'asset.read')).access_token, (await oauthTokens(m, 'asset.create')).access_token]
    return (await status(createChild(m, reader))) === 403 && (await status(get(m, `/v2/assets/${FOLDER}`, creator))) === 403
  },
  'children-scope-unchecked': async (m) => (await status(get(m, `/v2/assets/${FOLDER}/children`, await developerToken(m, ['asset.create'])))) === 403,
  'devtoken-prefix-compare': async (m) => {
    const t = await developerToken(m, ['asset.read'])
    const changed = `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`
    return (await status(get(m, '/v2/me', changed))) === 401 && (await status(get(m, '/v2/me', `${t}A`))) === 401
  },
  'bearer-lookup-cached': async (m) => {
    const { access_token } = await oauthTokens(m)
    await works(m, access_token)
    await revoke(m, access_token)
    return !(await works(m, access_token))
  },
}

describe("Frame.io's own mutants are real defects", () => probeEach(PROBES))
