import { describe } from 'node:test'
import type { OAuth2Mutant } from '../oauth2/mutants.ts'
import { SCOPES } from './fixtures.ts'
import { probeEach, type Probe } from './mutant-probes.ts'
import type { FrameioMutant } from './mutants.ts'
import { BOB, developerToken, fixtures, JANE, oauthTokens, type Instance } from './test-client.ts'

const ACCOUNT = fixtures.accounts[0]!.id
const FOLDER = fixtures.assets[0]!.id
const FOREIGN_ASSET = fixtures.assets[2]!.id
const JANE_BASIC = `Basic ${btoa(`${JANE.email}:${JANE.password}`)}`
const get = (m: Instance, path: string, tokenValue?: string) => m.call(path, tokenValue ? { headers: { authorization: `Bearer ${tokenValue}` } } : {})
const status = async (response: Promise<Response>) => (await response).status
const createChild = (m: Instance, tokenValue: string) =>
  m.call(`/v2/assets/${FOLDER}/children`, { method: 'POST', headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' }, body: '{"type":"folder","name":"Probe"}' })
const createToken = (m: Instance, body: unknown) => m.call('/developer/api/tokens', { method: 'POST', headers: { authorization: JANE_BASIC, 'content-type': 'application/json' }, body: JSON.stringify(body) })

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
}

describe("Frame.io's own mutants are real defects", () => probeEach(PROBES))
