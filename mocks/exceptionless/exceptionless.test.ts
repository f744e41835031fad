import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMockClock } from '../core/mock-clock.ts'
import { exceptionless } from './index.ts'

/** The Exceptionless core without a server: Request in, Response out. */
function instance() {
  const mock = exceptionless.create({ clock: createMockClock(), fixtures: exceptionless.parseFixtures(exceptionless.defaultFixtures), prepared: undefined, profile: 'exceptionless@8.7', mutants: new Set() })
  const call = (path: string, init: RequestInit = {}) => Promise.resolve(mock.fetch(new Request(`http://exceptionless.test${path}`, init)))
  return { call }
}

describe('Exceptionless mock', () => {
  it('keeps GET /api/v2/organizations current as events arrive (its body is serialised once per change)', async () => {
    const { call } = instance()
    const login = await call('/api/v2/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'noreply@exceptionless.io', password: 'exceptionless' }),
    })
    const { token } = (await login.json()) as { token: string }
    const counts = async () =>
      ((await (await call('/api/v2/organizations', { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; event_count: number }[]).map((o) => o.event_count)
    const before = await counts()
    assert.deepEqual(await counts(), before, 'a second read answers the same')
    const posted = await call('/api/v2/events', {
      method: 'POST',
      headers: { authorization: 'Bearer LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest', 'content-type': 'application/json' },
      body: JSON.stringify([{ message: 'one' }, { message: 'two' }]),
    })
    assert.equal(posted.status, 202)
    const after = await counts()
    assert.equal(after.reduce((a, b) => a + b, 0), before.reduce((a, b) => a + b, 0) + 2, 'the two events are counted')
  })
})
