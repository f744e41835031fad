import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { startLimiter } from './limiter.ts'
import { masked } from './ledger.ts'
import { retryDelay } from './retry.ts'

const acquire = (url: string, key: string) => fetch(`${url}/acquire/${key}`, { method: 'POST' }).then((r) => r.text())
const release = (url: string, key: string, lease: string) => fetch(`${url}/release/${key}/${lease}`, { method: 'POST' }).then((r) => r.arrayBuffer())

describe('the run-wide request limiter', () => {
  it('grants a burst of one second, then rateLimit per second', async () => {
    const limiter = await startLimiter({ api: { rateLimit: 20, maxConcurrent: 0 } })
    try {
      const started = performance.now()
      const leases = await Promise.all(Array.from({ length: 30 }, () => acquire(limiter.url, 'api')))
      const took = performance.now() - started
      assert.equal(new Set(leases).size, 30, 'each grant is its own lease')
      // 20 at once, the other 10 at 20/s: about half a second; never all at once.
      assert.ok(took >= 400, `30 grants at 20/s with a burst of 20 took ${Math.round(took)} ms`)
    } finally {
      await limiter.close()
    }
  })

  it('holds requests beyond maxConcurrent until one is released', async () => {
    const limiter = await startLimiter({ api: { rateLimit: 0, maxConcurrent: 2 } })
    try {
      const [a, b] = await Promise.all([acquire(limiter.url, 'api'), acquire(limiter.url, 'api')])
      let third: string | undefined
      const waiting = acquire(limiter.url, 'api').then((lease) => (third = lease))
      await new Promise((r) => setTimeout(r, 150))
      assert.equal(third, undefined, 'a third request waits while two are in flight')
      await release(limiter.url, 'api', a!)
      await waiting
      assert.ok(third && third !== a && third !== b)
    } finally {
      await limiter.close()
    }
  })

  it('answers 404 for a key it has no budget for', async () => {
    const limiter = await startLimiter({ api: { rateLimit: 1, maxConcurrent: 1 } })
    try {
      assert.equal((await fetch(`${limiter.url}/acquire/other`, { method: 'POST' })).status, 404)
    } finally {
      await limiter.close()
    }
  })
})

describe('429 back-off', () => {
  it('honours Retry-After in seconds or as an HTTP date, else backs off exponentially', () => {
    assert.equal(retryDelay('3', 0), 3000)
    const now = Date.parse('2026-11-29T12:00:00Z')
    assert.equal(retryDelay('Sun, 29 Nov 2026 12:00:05 GMT', 0, now), 5000)
    assert.equal(retryDelay('Sun, 29 Nov 2026 11:00:00 GMT', 0, now), 0, 'a date in the past: at once')
    assert.deepEqual([0, 1, 2].map((attempt) => retryDelay(undefined, attempt)), [1000, 2000, 4000])
    assert.equal(retryDelay('soon', 1), 2000, 'an unreadable value backs off')
  })
})

describe('the cleanup ledger', () => {
  it('never writes an id in full', () => {
    assert.equal(masked('/api/v2/tokens/LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest'), '/api/v2/tokens/LhhP…')
  })
})
