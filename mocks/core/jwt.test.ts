import assert from 'node:assert/strict'
import { createHmac, randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { jwtVerify, SignJWT } from 'jose'
import { base64url, decodeJwtUnverified, jwtKey, signJwt, verifyJwt } from './jwt.ts'
import { createMockClock } from './mock-clock.ts'

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

describe('base64url', () => {
  it('encodes base64url as Buffer does', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = randomBytes(length)
      assert.equal(base64url(bytes), bytes.toString('base64url'))
    }
  })
})

describe('jwt against jose', () => {
  it('signs what jose verifies, with the claims in SignJWT order', async () => {
    const clock = createMockClock()
    const key = await jwtKey()
    const token = signJwt({ scope: 'SERVER_ACCESS', name: 'Zoë' }, key, clock, { expiresIn: 60, subject: 's' })
    const { payload, protectedHeader } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(clock.now()) })
    assert.deepEqual(protectedHeader, { alg: 'HS256', typ: 'JWT' })
    assert.deepEqual(Object.keys(payload), ['scope', 'name', 'iat', 'exp', 'sub', 'jti'])
    assert.equal(payload.exp, payload.iat! + 60)
    assert.equal(payload.name, 'Zoë')
    const expected = await new SignJWT({ scope: 'SERVER_ACCESS', name: 'Zoë' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(payload.iat!)
      .setExpirationTime(payload.exp!)
      .setSubject('s')
      .setJti(payload.jti!)
      .sign(key)
    assert.equal(token, expected, 'byte for byte what jose signs')
    assert.equal(decodeJwtUnverified(signJwt({}, key, clock, { expiresIn: 1, id: null }))?.claims.jti, undefined, 'no jti when id is null')
  })

  it('accepts and refuses exactly what jose does, the signature before the claims', async () => {
    const clock = createMockClock()
    const key = await jwtKey()
    const now = Math.floor(clock.now() / 1000)
    const sign = (header: Record<string, unknown>, claims: unknown) => new SignJWT(claims as Record<string, unknown>).setProtectedHeader(header as { alg: string }).sign(key)
    const raw = (header: unknown, claims: unknown) => {
      const input = `${b64(header)}.${b64(claims)}`
      return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`
    }
    const good = await sign({ alg: 'HS256', typ: 'JWT' }, { a: 1, exp: now + 10 })
    const [h, p, s] = good.split('.') as [string, string, string]
    const cases: Record<string, string> = {
      good,
      'no typ': await sign({ alg: 'HS256' }, { a: 1 }),
      'other typ': await sign({ alg: 'HS256', typ: 'at+jwt' }, { a: 1 }),
      'another key': await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(randomBytes(32)),
      'HS512 with the same key': await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'HS512' }).sign(key),
      'alg none': `${b64({ alg: 'none' })}.${p}.`,
      'alg none, signature kept': `${b64({ alg: 'none' })}.${p}.${s}`,
      'signature removed': `${h}.${p}.`,
      'signature altered': `${h}.${p}.${s.slice(0, -2)}${s.at(-2) === 'A' ? 'B' : 'A'}${s.at(-1)}`,
      'payload edited': `${h}.${b64({ a: 2, exp: now + 10 })}.${s}`,
      'two segments': `${h}.${p}`,
      'four segments': `${good}.x`,
      'crit header': raw({ alg: 'HS256', crit: ['exp'] }, { a: 1 }),
      'header not JSON': raw('not json', { a: 1 }),
      'header an array': raw(['HS256'], { a: 1 }),
      'payload an array': raw({ alg: 'HS256' }, [1]),
      'payload null': raw({ alg: 'HS256' }, null),
      'payload not JSON': `${h}.${b64('{')}.${createHmac('sha256', key).update(`${h}.${b64('{')}`).digest('base64url')}`,
      'exp a string': raw({ alg: 'HS256' }, { exp: String(now + 10) }),
      'iat a string': raw({ alg: 'HS256' }, { iat: 'now' }),
      'nbf in the future': raw({ alg: 'HS256' }, { nbf: now + 1 }),
      'nbf now': raw({ alg: 'HS256' }, { nbf: now }),
      'exp now': raw({ alg: 'HS256' }, { exp: now }),
      'exp next second': raw({ alg: 'HS256' }, { exp: now + 1 }),
      'exp passed, signature altered': `${raw({ alg: 'HS256' }, { exp: now - 5 }).slice(0, -1)}A`,
      'not a JWT': 'abc',
      'bad base64url': `${h}.${p}!.${s}`,
      empty: '',
    }
    for (const [name, token] of Object.entries(cases)) {
      const jose = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(clock.now()), clockTolerance: 0 }).then(
        (r) => ({ ok: true as const, claims: r.payload }),
        (error: { code?: string }) => ({ ok: false as const, reason: error.code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' }),
      )
      assert.deepEqual(verifyJwt(token, key, clock), jose, name)
    }
  })

  it('reads expiry on the instance clock, in whole seconds', async () => {
    const clock = createMockClock()
    const key = await jwtKey()
    const token = signJwt({ scope: 'SERVER_ACCESS' }, key, clock, { expiresIn: 60 })
    assert.equal(verifyJwt(token, key, clock).ok, true)
    clock.advance(59_000)
    assert.equal(verifyJwt(token, key, clock).ok, true)
    clock.advance(1_000)
    assert.deepEqual(verifyJwt(token, key, clock), { ok: false, reason: 'expired' })
  })
})

describe('jwt: tokens verified before', () => {
  it('still reads exp on the clock, refuses any other string, and keeps keys apart', async () => {
    const clock = createMockClock()
    const key = await jwtKey()
    const token = signJwt({ scope: 'SERVER_ACCESS' }, key, clock, { expiresIn: 60 })
    const first = verifyJwt(token, key, clock)
    assert.ok(first.ok)
    assert.ok(Object.isFrozen(first.claims), 'the claims of a verified token cannot be edited by a caller')
    assert.deepEqual(verifyJwt(token, key, clock), first, 'the second time gives the same claims')
    assert.deepEqual(verifyJwt(`${token}x`, key, clock), { ok: false, reason: 'invalid' })
    assert.deepEqual(verifyJwt(token, await jwtKey(), clock), { ok: false, reason: 'invalid' }, 'verified under one key is not verified under another')
    clock.advance(60_000)
    assert.deepEqual(verifyJwt(token, key, clock), { ok: false, reason: 'expired' })
  })
})
