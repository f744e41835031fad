import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeJwt, SignJWT } from 'jose'
import { basiqInstance, errorOf } from './testing.ts'

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const parts = (token: string) => token.split('.') as [string, string, string]
/** The token with its payload edited and its signature kept. */
const withClaims = (token: string, edit: Record<string, unknown>) => {
  const [header, , signature] = parts(token)
  return `${header}.${b64url({ ...decodeJwt(token), ...edit })}.${signature}`
}
const withHeader = (token: string, header: Record<string, unknown>, signature?: string) => {
  const [, payload, original] = parts(token)
  return `${b64url(header)}.${payload}.${signature ?? original}`
}

describe('Basiq mock: tampered and foreign JWTs', () => {
  it('refuses every altered token with 401 invalid-authorization-token, never 200 or 403', async () => {
    const { token, clientToken, get, clock, users } = await basiqInstance()
    const server = await token()
    const client = await clientToken(users.richard)
    const expiredSoon = await clientToken(users.richard)
    const [h, p, s] = parts(client)
    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1)
    const foreign = await new SignJWT(decodeJwt(server)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(crypto.getRandomValues(new Uint8Array(32)))
    const wellKnown = await new SignJWT(decodeJwt(server)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('secret'))
    clock.advance(3601_000)
    const fresh = await clientToken(users.richard)
    const cases: [string, string, string][] = [
      ['signature altered', `${h}.${p}.${flipped}`, `/users/${users.richard}`],
      ['signature removed', `${h}.${p}.`, `/users/${users.richard}`],
      ['userId swapped', withClaims(fresh, { userId: users.gavin }), `/users/${users.gavin}`],
      ['scope raised', withClaims(fresh, { scope: 'SERVER_ACCESS' }), `/users/${users.richard}/accounts`],
      ['exp extended on an expired token', withClaims(expiredSoon, { exp: Math.floor(clock.now() / 1000) + 3600 }), `/users/${users.richard}`],
      ['alg none, no signature', `${withHeader(fresh, { alg: 'none', typ: 'JWT' }, '')}`, `/users/${users.richard}`],
      ['alg none with the scope raised', withHeader(withClaims(fresh, { scope: 'SERVER_ACCESS' }), { alg: 'none' }, ''), `/users/${users.richard}/accounts`],
      ['alg changed to HS512', withHeader(fresh, { alg: 'HS512', typ: 'JWT' }), `/users/${users.richard}`],
      ['alg changed to RS256', withHeader(fresh, { alg: 'RS256', typ: 'JWT' }), `/users/${users.richard}`],
      ['signed with another key', foreign, '/institutions'],
      ['signed with the well-known "secret"', wellKnown, '/institutions'],
      ['expired and re-signed badly', withClaims(expiredSoon, { jti: 'x' }), `/users/${users.richard}`],
    ]
    for (const [name, forged, path] of cases) {
      const error = await errorOf(await get(path, forged))
      assert.equal(error.status, 401, name)
      assert.deepEqual(error.item, { type: 'error', code: 'invalid-authorization-token', title: 'Invalid authorization token.' }, name)
    }
    assert.equal((await get(`/users/${users.richard}`, fresh)).status, 200, 'the untouched token still works')
  })

  it('answers a well-signed expired token 403 access-denied, not 401', async () => {
    const { token, get, clock } = await basiqInstance()
    const server = await token()
    clock.advance(3600_000)
    const error = await errorOf(await get('/institutions', server))
    assert.equal(error.status, 403)
    assert.deepEqual(error.item, { type: 'error', code: 'access-denied', title: 'Access denied.', detail: 'Token has expired', source: null })
  })
})
