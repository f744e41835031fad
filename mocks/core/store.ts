import type { Clock } from './clock.ts'

interface Entry<T> {
  value: T
  /** Epoch ms after which the entry is gone; Infinity for none. */
  expiresAt: number
}

/**
 * In-memory state for one mock instance, keyed by id, with optional expiry against the instance's clock.
 * The shape follows oidc-provider's adapter (`upsert / find / consume / destroy`): expired entries are
 * invisible at once and removed lazily on lookup or by `sweep()`.
 */
export class MemoryStore<T> {
  readonly #items = new Map<string, Entry<T>>()
  readonly #clock: Clock

  constructor(clock: Clock) {
    this.#clock = clock
  }

  /** Stores `value` under `id`, replacing any entry; `ttlSeconds` undefined means it never expires. */
  upsert(id: string, value: T, ttlSeconds?: number): void {
    const expiresAt = ttlSeconds === undefined ? Infinity : this.#clock.now() + ttlSeconds * 1000
    this.#items.set(id, { value, expiresAt })
  }

  find(id: string): T | undefined {
    const entry = this.#items.get(id)
    if (!entry) return undefined
    if (entry.expiresAt <= this.#clock.now()) {
      this.#items.delete(id)
      return undefined
    }
    return entry.value
  }

  /** Finds and removes in one step: what single-use codes need (RFC 6749 §4.1.2). */
  consume(id: string): T | undefined {
    const value = this.find(id)
    if (value !== undefined) this.#items.delete(id)
    return value
  }

  destroy(id: string): boolean {
    return this.#items.delete(id)
  }

  /** Removes every live entry the predicate selects; returns how many. */
  destroyWhere(predicate: (value: T, id: string) => boolean): number {
    let removed = 0
    for (const [id, entry] of this.#items) {
      if (predicate(entry.value, id)) {
        this.#items.delete(id)
        removed++
      }
    }
    return removed
  }

  /** Live entries, in insertion order. */
  *entries(): IterableIterator<[string, T]> {
    const now = this.#clock.now()
    for (const [id, entry] of this.#items) if (entry.expiresAt > now) yield [id, entry.value]
  }

  /** Drops expired entries; returns how many. */
  sweep(): number {
    const now = this.#clock.now()
    let removed = 0
    for (const [id, entry] of this.#items) {
      if (entry.expiresAt <= now) {
        this.#items.delete(id)
        removed++
      }
    }
    return removed
  }

  get size(): number {
    return this.#items.size
  }

  clear(): void {
    this.#items.clear()
  }
}
