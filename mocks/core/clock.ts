/**
 * The mock's notion of "now". Every expiry decision goes through a Clock, so tests can move time forward
 * on one mock instance without touching the others (oidc-provider routes time through `helpers/epoch_time.js`).
 *
 * @example
 * const clock = createClock()
 * clock.advance(1801 * 1000) // a 1800 s token issued before this is now expired
 */
export interface Clock {
  /** Milliseconds since the epoch, wall time plus every `advance` so far. */
  now(): number
  /** Moves this clock forward; never backwards. */
  advance(ms: number): void
}

export function createClock(wall: () => number = Date.now): Clock {
  let offset = 0
  return {
    now: () => wall() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward, got ${ms} ms`)
      offset += ms
    },
  }
}
