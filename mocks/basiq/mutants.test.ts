import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeJwt, SignJWT } from 'jose'
import { basiqMutants, type BasiqMutant } from './mutants.ts'
import { basiqInstance } from './testing.ts'

/**
 * Proof that each mutant changes what its requirement checks: one probe per mutant, run on the plain mock and on
 * the mock with that mutant on, must observe different answers. (`npm run mutants` proves the suites in
 * suites/basiq catch each one by the requirement it names; this proves there is something to catch.)
 */
type Kit = Awaited<ReturnType<typeof basiqInstance>>
const status = async (pending: Promise<Response>) => (await pending).status
const json = async (pending: Promise<Response>) => (await (await pending).json()) as Record<string, unknown>
const v3 = { 'basiq-version': '3.0' }
const post = (k: Kit, headers: Record<string, string>, body?: string) => status(k.call('/token', { method: 'POST', headers, body }))
const asKey = (k: Kit, status_: 'live' | 'disabled' | 'deleted', headers: Record<string, string> = v3) => post(k, { authorization: `Basic ${k.key(status_)}`, ...headers })
const server = (k: Kit) => k.token()
const accessToken = async (pending: Promise<Response>) => {
  const body = (await (await pending).json()) as { access_token?: string }
  return body.access_token
}
const client = (k: Kit, user = k.users.richard) => k.clientToken(user)
const read = async (k: Kit, path: string, bearer: Promise<string> | string, init: RequestInit = {}) => status(k.get(path, await bearer, init))
const expired = async (k: Kit) => {
  const t = await k.token()
  k.clock.advance(3600_000)
  return t
}
const resign = async (k: Kit, key: Uint8Array) => new SignJWT(decodeJwt(await k.token())).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key)
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const richardsJob = 'e9132638-0c5d-4f5e-9a1b-2c3d4e5f6a7b'
const gavinsJob = 'b1ef29c9-3f8c-45c9-a823-d819605989c6'

const probes: Record<BasiqMutant, (k: Kit) => Promise<unknown>> = {
  'missing-auth-as-404': (k) => post(k, v3),
  'malformed-auth-as-404': (k) => post(k, { ...v3, authorization: 'Bearer x' }),
  'key-decoded-twice': (k) => post(k, { ...v3, authorization: `Basic ${btoa(k.key('live'))}` }),
  'version-header-ignored': (k) => asKey(k, 'live', {}),
  'v3-only': (k) => asKey(k, 'live', { 'basiq-version': '2.0' }),
  'any-version-accepted': (k) => asKey(k, 'live', { 'basiq-version': '0.9' }),
  'version-check-after-key': (k) => asKey(k, 'deleted', {}),
  'form-only': (k) => asKey(k, 'live', { ...v3, 'content-type': 'application/json' }),
  'form-charset-refused': (k) => status(k.tokenRequest('scope=SERVER_ACCESS', { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' })),
  'extra-params-refused': (k) => status(k.tokenRequest('grant_type=client_credentials')),
  'bad-body-as-server': (k) => status(k.tokenRequest('{', { 'content-type': 'application/json' })),
  'unknown-scope-as-server': (k) => status(k.tokenRequest('scope=ADMIN')),
  'scope-case-confused': async (k) => {
    const token = await accessToken(k.tokenRequest('scope=client_access'))
    return token ? read(k, '/users', token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"mobile":"+61410888000"}' }) : 'refused'
  },
  'default-scope-client': (k) => status(k.tokenRequest('')),
  'scope-from-header': (k) => status(k.tokenRequest('scope=SERVER_ACCESS', { scope: 'CLIENT_ACCESS' })),
  'unknown-key-401': (k) => post(k, { ...v3, authorization: `Basic ${btoa('a:b')}` }),
  'deleted-key-accepted': (k) => asKey(k, 'deleted'),
  'key-id-only': (k) => post(k, { ...v3, authorization: `Basic ${btoa(`${atob(k.key('live')).split(':')[0]}:not-the-secret`)}` }),
  'disabled-key-accepted': (k) => asKey(k, 'disabled'),
  'no-rate-limit': async (k) => {
    for (let i = 0; i < 1500; i++) await k.call('/token', { method: 'POST' })
    return status(k.tokenRequest())
  },
  'rate-limit-never-resets': async (k) => {
    for (let i = 0; i < 1501; i++) await k.call('/token', { method: 'POST' })
    k.clock.advance(301_000)
    return status(k.tokenRequest())
  },
  'rate-limit-429': async (k) => {
    for (let i = 0; i < 1500; i++) await k.call('/token', { method: 'POST' })
    return status(k.tokenRequest())
  },
  'rate-limit-per-key': async (k) => {
    for (let i = 0; i < 1500; i++) await k.call('/token', { method: 'POST' })
    return status(k.tokenRequest())
  },
  'unbound-client-token': (k) => status(k.tokenRequest('scope=CLIENT_ACCESS')),
  'userid-required-all-versions': (k) => status(k.tokenRequest('scope=CLIENT_ACCESS', { 'basiq-version': '2.0' })),
  'unknown-user-token': (k) => status(k.tokenRequest('scope=CLIENT_ACCESS&userId=nobody')),
  'token-as-key': async (k) => post(k, { ...v3, authorization: `Bearer ${await server(k)}` }),
  'token-type-lowercase': async (k) => (await json(k.tokenRequest())).token_type,
  'expires-in-string': async (k) => typeof (await json(k.tokenRequest())).expires_in,
  'opaque-tokens': async (k) => (await server(k)).split('.').length,
  'refresh-token-issued': async (k) => 'refresh_token' in (await json(k.tokenRequest())),
  'no-cache-control': async (k) => (await k.tokenRequest()).headers.get('cache-control'),
  'ttl-mismatch': async (k) => {
    const t = await server(k)
    k.clock.advance(1800_000)
    return read(k, '/institutions', t)
  },
  'gateway-missing-token': (k) => status(k.call('/institutions')),
  'scheme-not-checked': async (k) => status(k.call('/institutions', { headers: { authorization: `Token ${await server(k)}` } })),
  'bearer-case-sensitive': async (k) => status(k.call('/institutions', { headers: { authorization: `bearer ${await server(k)}` } })),
  'signature-not-checked': async (k) => read(k, '/institutions', `${(await server(k)).slice(0, -4)}AAAA`),
  'alg-none-accepted': async (k) => read(k, '/institutions', `${b64({ alg: 'none' })}.${(await server(k)).split('.')[1]}.`),
  'weak-signing-key': async (k) => read(k, '/institutions', resign(k, new TextEncoder().encode('secret'))),
  'expired-as-401': (k) => read(k, '/institutions', expired(k)),
  'expiry-unchecked-accounts': (k) => read(k, `/users/${k.users.richard}/accounts`, expired(k)),
  'ignore-expiry': (k) => read(k, '/institutions', expired(k)),
  'expiry-before-signature': async (k) => read(k, '/institutions', `${(await expired(k)).slice(0, -4)}AAAA`),
  'query-token-accepted': async (k) => status(k.call(`/institutions?access_token=${await server(k)}`)),
  'jobs-token-from-query': (k) => read(k, `/jobs/${richardsJob}`, server(k)),
  'version-required-later': (k) => read(k, '/institutions', server(k)),
  'scope-not-enforced': (k) => read(k, '/users/' + k.users.richard + '/accounts', client(k)),
  'forbidden-as-401': (k) => read(k, '/users/' + k.users.richard + '/accounts', client(k)),
  'cross-user-access': (k) => read(k, `/users/${k.users.gavin}`, client(k)),
  'client-own-user-forbidden': (k) => read(k, `/users/${k.users.richard}`, client(k)),
  'client-institutions-forbidden': (k) => read(k, '/institutions', client(k)),
  'client-jobs-forbidden': (k) => read(k, `/jobs/${richardsJob}`, client(k)),
  'client-reads-any-job': (k) => read(k, `/jobs/${gavinsJob}`, client(k)),
  'ownership-for-server-tokens': (k) => read(k, `/users/${k.users.gavin}`, server(k)),
  'cross-application-users': (k) => read(k, `/users/${k.users.erlich}`, server(k)),
  'user-not-found-403': (k) => read(k, '/users/nobody', server(k)),
  'deleted-user-cached': async (k) => {
    const t = await server(k)
    await read(k, `/users/${k.users.richard}`, t)
    await read(k, `/users/${k.users.richard}`, t, { method: 'DELETE' })
    return read(k, `/users/${k.users.richard}`, t)
  },
  'create-user-unvalidated': (k) => read(k, '/users', server(k), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
  'static-correlation-id': async (k) => (await json(k.call('/institutions'))).correlationId === (await json(k.call('/institutions'))).correlationId,
  'oauth-error-body': async (k) => (await json(k.call('/token', { method: 'POST' }))).type,
  'echo-api-key': async (k) => JSON.stringify(await json(k.call('/token', { method: 'POST', headers: { ...v3, authorization: `Basic ${k.key('deleted')}` } }))).includes(k.key('deleted')),
}

describe('Basiq mutants: each changes what its requirement checks', () => {
  it('has a probe for every mutant', () => assert.deepEqual(Object.keys(probes).sort(), Object.keys(basiqMutants).sort()))
  for (const [name, probe] of Object.entries(probes) as [BasiqMutant, (k: Kit) => Promise<unknown>][]) {
    it(`${name} (${basiqMutants[name].expect.join(', ')})`, async () => {
      const plain = await probe(await basiqInstance())
      const mutated = await probe(await basiqInstance([name]))
      assert.notDeepEqual(mutated, plain, `${name}: the probe answers ${JSON.stringify(plain)} either way`)
    })
  }
})
