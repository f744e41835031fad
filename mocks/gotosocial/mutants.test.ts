import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadCatalogue } from '../../harness/catalogue.ts'
import { gotosocial } from './index.ts'
import type { GtsMutant } from './mutants.ts'
import {
  ALICE, allow, authorizePath, bearer, BOB, Browser, BROWSER_ACCEPT, CAROL, codeFields, exchange, instance, oobCode, OOB_APP, register, SEED, userToken, WEB_APP, type Instance,
} from './test-client.ts' // prettier-ignore
import { OOB } from './urls.ts'

/**
 * Until the suites exist, proof that each mutant is a real defect: a one-rule probe holds on the mock without it and
 * fails with it on, in each profile the mutant means something in. (`npm run mutants` will prove the suites catch
 * each by the requirement it names.) And the catalogue, the mutants and the profiles agree.
 */
type Probe = (mock: Instance) => Promise<boolean>
const json = (value: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) })
const form = (value: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(value) })
const cc = (extra: Record<string, string> = {}) => ({ grant_type: 'client_credentials', client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret, redirect_uri: OOB, ...extra })
const appToken = async (m: Instance) => ((await (await exchange(m, cc())).json()) as { access_token: string }).access_token
const verify = (m: Instance, token: string) => bearer(m, '/api/v1/accounts/verify_credentials', token)
const link = async (m: Instance, query = '') => (await bearer(m, `/api/v1/notifications${query}`, await userToken(m))).headers.get('link') ?? ''
const location = async (answer: Promise<Response>) => (await answer).headers.get('location') ?? ''
const signInText = async (m: Instance, username: string) => (await m.call('/auth/sign_in', form({ username, password: 'wrong-password' }))).text()

const PROBES: Record<GtsMutant, Probe> = {
  'code-client-unbound': async (m) => (await exchange(m, codeFields(await register(m), await oobCode(m, OOB_APP)))).status === 400,
  'code-redirect-unbound': async (m) => (await exchange(m, { ...codeFields(OOB_APP, await oobCode(m, OOB_APP)), redirect_uri: 'https://other.example/cb' })).status === 400,
  'teapot-missing': async (m) => (await m.call('/api/v1/instance', { headers: { 'user-agent': '' } })).status === 418,
  'errors-always-json': async (m) => (await m.call('/api/v1/accounts/verify_credentials', { headers: { accept: BROWSER_ACCEPT } })).headers.get('content-type')!.startsWith('text/html'),
  'challenge-sent': async (m) => (await m.call('/api/v1/accounts/verify_credentials')).headers.get('www-authenticate') === null,
  'app-json-only': async (m) => (await m.call('/api/v1/apps', form({ client_name: 'p', redirect_uris: OOB }))).status === 200,
  'redirect-uris-array-accepted': async (m) => (await m.call('/api/v1/apps', json({ client_name: 'p', redirect_uris: [OOB] }))).status === 400,
  'app-secret-cacheable': async (m) => (await m.call('/api/v1/apps', json({ client_name: 'p', redirect_uris: OOB }))).headers.get('cache-control') === 'no-store',
  'app-name-optional': async (m) => (await m.call('/api/v1/apps', json({ redirect_uris: OOB }))).status === 400,
  'app-default-scope-write': async (m) => JSON.stringify((await register(m, { scopes: '' })).scopes) === '["read"]',
  'app-token-scope-unchecked': async (m) => (await m.call('/api/v1/apps', json({ client_name: 'p' }, { authorization: `Bearer ${await userToken(m, { scope: 'read' })}` }))).status === 403,
  'app-singular-redirect-dropped': async (m) => 'redirect_uri' in (await register(m)),
  'session-cookie-persistent': async (m) => /Max-Age=120; HttpOnly/.test((await m.call(authorizePath(OOB_APP.client_id))).headers.get('set-cookie') ?? ''),
  'scope-plus-kept': async (m) => {
    const browser = new Browser(m)
    await browser.get(`/oauth/authorize?client_id=${OOB_APP.client_id}&redirect_uri=${OOB}&response_type=code&scope=read%2Bwrite`)
    await browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password })
    return (await (await browser.get('/oauth/authorize')).text()).includes('<em>read write</em>')
  },
  'signin-enumeration': async (m) => (await signInText(m, 'nobody@example.org')) === (await signInText(m, ALICE.email)),
  'signin-error-echoes-password': async (m) => !(await signInText(m, ALICE.email)).includes('wrong-password'),
  'disabled-user-authorizes': async (m) => (await allow(new Browser(m), OOB_APP.client_id, { user: CAROL })).status === 303,
  'consent-skipped': async (m) => {
    const browser = new Browser(m)
    await browser.get(authorizePath(OOB_APP.client_id))
    return (await location(browser.post('/auth/sign_in', { username: ALICE.email, password: ALICE.password }))) === '/oauth/authorize'
  },
  'consent-307': async (m) => (await allow(new Browser(m), OOB_APP.client_id)).status === 302,
  'callback-state-dropped': async (m) => (await location(allow(new Browser(m), WEB_APP.client_id, { redirectUri: WEB_APP.redirect_uris, state: 'keep-me' }))).endsWith('&state=keep-me'),
  'authorize-scope-unchecked': async (m) => (await location(allow(new Browser(m), OOB_APP.client_id, { scope: 'read admin' }))).startsWith(`${OOB}?error=invalid_scope`),
  'redirect-unchecked': async (m) => (await location(allow(new Browser(m), WEB_APP.client_id, { redirectUri: 'https://evil.example/cb' }))).includes('error=server_error'),
  'used-code-redeemable': async (m) => {
    const fields = codeFields(OOB_APP, await oobCode(m, OOB_APP))
    await exchange(m, fields)
    return (await exchange(m, fields)).status === 400
  },
  'exchange-race': async (m) => {
    const fields = codeFields(OOB_APP, await oobCode(m, OOB_APP))
    const answers = await Promise.all(Array.from({ length: 20 }, () => exchange(m, fields)))
    return answers.filter((a) => a.status === 200).length === 1
  },
  'failed-exchange-burns': async (m) => {
    const code = await oobCode(m, OOB_APP)
    await exchange(m, codeFields(await register(m), code))
    return (await exchange(m, codeFields(OOB_APP, code))).status === 200
  },
  'code-no-expiry': async (m) => {
    const fields = codeFields(OOB_APP, await oobCode(m, OOB_APP))
    m.clock.advance(601_000)
    return (await exchange(m, fields)).status === 400
  },
  'exchange-scope-from-request': async (m) => {
    const code = await oobCode(m, OOB_APP, { scope: 'read write' })
    return ((await (await exchange(m, { ...codeFields(OOB_APP, code), scope: 'read' })).json()) as { scope: string }).scope === 'read write'
  },
  'basic-client-auth': async (m) => (await m.call('/oauth/token', form({ grant_type: 'client_credentials', redirect_uri: OOB }, { authorization: `Basic ${btoa(`${OOB_APP.client_id}:${OOB_APP.client_secret}`)}` }))).status === 400,
  'wrong-secret-accepted': async (m) => (await exchange(m, cc({ client_secret: 'wrong' }))).status === 400,
  'secret-case-insensitive': async (m) => (await exchange(m, cc({ client_secret: OOB_APP.client_secret.toUpperCase() }))).status === 400,
  'token-response-cacheable': async (m) => (await exchange(m, cc())).headers.get('cache-control') === 'no-store',
  'user-token-expires': async (m) => !('expires_in' in ((await (await exchange(m, codeFields(OOB_APP, await oobCode(m, OOB_APP)))).json()) as object)),
  'token-error-echoes-code': async (m) => {
    const code = await oobCode(m, OOB_APP)
    const text = await (await exchange(m, { ...codeFields(OOB_APP, code), client_secret: 'not-the-secret' })).text()
    return !text.includes(code) && !text.includes('not-the-secret')
  },
  'password-grant-accepted': async (m) => (await exchange(m, { ...cc(), grant_type: 'password', username: ALICE.email, password: ALICE.password })).status === 400,
  'token-redirect-optional': async (m) => (await exchange(m, { grant_type: 'client_credentials', client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret })).status === 400,
  'cc-scope-unchecked': async (m) => (await exchange(m, cc({ scope: 'read admin' }))).status === 403,
  'app-token-acts-as-admin': async (m) => (await verify(m, await appToken(m))).status === 401,
  'query-token-read': async (m) => (await m.call(`/api/v1/accounts/verify_credentials?access_token=${await userToken(m)}`)).status === 401,
  'token-case-insensitive': async (m) => (await m.call('/api/v1/accounts/verify_credentials', { headers: { authorization: `Bearer ${(await userToken(m)).toLowerCase()}` } })).status === 401,
  'bearer-case-insensitive': async (m) => (await m.call('/api/v1/accounts/verify_credentials', { headers: { authorization: `bearer ${await userToken(m)}` } })).status === 401,
  'unauthorized-echoes-token': async (m) => {
    const token = await appToken(m)
    return !(await (await verify(m, token)).text()).includes(token)
  },
  'disabled-user-token-works': async (m) => {
    m.state.oauth.accessTokens.upsert('CAROL-TOKEN', { grantId: 'g', clientId: OOB_APP.client_id, userId: CAROL.id, scopes: ['read'], generation: '' })
    return (await verify(m, 'CAROL-TOKEN')).status === 401
  },
  'scope-unenforced': async (m) => (await bearer(m, '/api/v1/statuses', await userToken(m, { scope: 'read' }), json({ status: 'x' }))).status === 403,
  'write-implies-read': async (m) => (await bearer(m, '/api/v1/notifications', await userToken(m, { scope: 'write' }))).status === 403,
  'scope-children-refused': async (m) => (await bearer(m, '/api/v1/notifications', await userToken(m, { scope: 'read' }))).status === 200,
  'revoked-token-works': async (m) => {
    const token = await userToken(m, { app: OOB_APP })
    await m.call('/oauth/revoke', form({ token, client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret }))
    return (await verify(m, token)).status === 401
  },
  'revoke-foreign-allowed': async (m) => {
    const other = await register(m)
    const token = await userToken(m, { app: OOB_APP })
    return (await m.call('/oauth/revoke', form({ token, client_id: other.client_id, client_secret: other.client_secret }))).status === 403
  },
  'revoke-json-accepted': async (m) => (await m.call('/oauth/revoke', json({ token: 'x', client_id: OOB_APP.client_id, client_secret: OOB_APP.client_secret }))).status === 400,
  'link-prev-since-id': async (m) => /[?&]min_id=[^>]+>; rel="prev"/.test(await link(m)),
  'link-relative': async (m) => (await link(m)).startsWith('<http://gts.test/'),
  'empty-page-link': async (m) => (await link(m, '?max_id=0')) === '',
  'limit-unclamped': async (m) => (await link(m, '?limit=100')).includes('limit=80&'),
  'max-id-inclusive': async (m) => {
    const token = await userToken(m)
    const first = ((await (await bearer(m, '/api/v1/notifications?limit=1', token)).json()) as { id: string }[])[0]!.id
    const next = (await (await bearer(m, `/api/v1/notifications?limit=1&max_id=${first}`, token)).json()) as { id: string }[]
    return next[0]!.id !== first
  },
  'notifications-of-everyone': async (m) => ((await (await bearer(m, '/api/v1/notifications?limit=80', await userToken(m, { user: BOB }))).json()) as unknown[]).length === BOB.notifications,
  'status-query-accepted': async (m) => (await bearer(m, '/api/v1/statuses?status=hi', await userToken(m, { scope: 'read write' }), { method: 'POST' })).status === 406,
  'nodeinfo-relative-links': async (m) => ((await (await m.call('/.well-known/nodeinfo')).json()) as { links: { href: string }[] }).links.every((l) => l.href.startsWith('http://gts.test/')),
  'instance-needs-token': async (m) => (await m.call('/api/v1/instance')).status === 200,
  'verify-wrong-user': async (m) => ((await (await verify(m, await userToken(m, { user: BOB }))).json()) as { username: string }).username === 'bob',
}

describe('GoToSocial mutants', () => {
  const catalogue = loadCatalogue('gotosocial')
  it('agree with the catalogue and the definition: every expect is a requirement, every profile a profile', () => {
    assert.deepEqual(catalogue.profiles.map((p) => p.id), [...gotosocial.profiles])
    const ids = new Set(catalogue.requirements.map((r) => r.id))
    const mutants = Object.entries(gotosocial.mutants)
    assert.ok(mutants.length >= 8)
    for (const [name, mutant] of mutants) {
      assert.ok(mutant.expect.length > 0, name)
      for (const id of mutant.expect) assert.ok(ids.has(id), `${name} expects ${id}, which the catalogue lacks`)
      for (const p of mutant.profiles ?? []) assert.ok((gotosocial.profiles as readonly string[]).includes(p), `${name}: ${p}`)
    }
  })

  for (const [name, mutant] of Object.entries(gotosocial.mutants) as [GtsMutant, (typeof gotosocial.mutants)[GtsMutant]][]) {
    const profiles = (mutant.profiles ?? [SEED]) as (typeof SEED)[]
    for (const profile of profiles) {
      it(`${name} (${profile}): the rule holds without it and breaks with it`, async () => {
        assert.equal(await PROBES[name](instance(profile)), true, 'holds on the unmutated mock')
        assert.equal(await PROBES[name](instance(profile, [name])), false, `broken by ${name}`)
      })
    }
  }
})
