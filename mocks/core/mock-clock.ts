/**
 * The mock's notion of "now" (the harness has its own `TargetClock`, which moves a target's time). Every expiry
 * decision goes through a MockClock, so tests can move time forward on one mock instance without touching the
 * others (oidc-provider routes time through `helpers/epoch_time.js`).
 *
 * @example
 * const clock = createMockClock()
 * clock.advance(1801 * 1000) // a 1800 s token issued before this is now expired
 */
export interface MockClock {
  /** Milliseconds since the epoch, wall time plus every `advance` so far. */
  now(): number
  /** Moves this clock forward; never backwards. */
  advance(ms: number): void
}

export function createMockClock(wall: () => number = Date.now): MockClock {
  let offset = 0
  return {
    now: () => wall() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward, got ${ms} ms`)
      offset += ms
    },
  }
}

/** A clock stopped at the epoch: what the `ignore-expiry` kind of defect gives a store. */
export const FROZEN_CLOCK: MockClock = { now: () => 0, advance() {} }
