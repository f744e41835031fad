import type { MockClock } from './mock-clock.ts'

/**
 * Returns `id` after making V8 store it flat (ids built piece by piece are ropes: see
 * docs/decisions/memory-store.md). Reading a character flattens a rope in place.
 */
function flatten(id: string): string {
  void id.charCodeAt(0)
  return id
}

/**
 * In-memory state for one mock instance, keyed by id, with optional expiry against the instance's clock.
 * The shape follows oidc-provider's adapter (`upsert / find / consume / destroy`, plus `revokeByGrantId` as
 * `destroyLinked`): expired entries are invisible at once and removed lazily on lookup or by `purgeExpired()`.
 *
 * Links are secondary indexes: an entry upserted with `links: ['grant:abc']` is found by `linked('grant:abc')`
 * and destroyed with every other entry of that grant by `destroyLinked('grant:abc')` — "revoke every token
 * issued from this code" (RFC 9700 §4.2.4) in one call.
 *
 * Values and expiries live in two maps, an expiry as whole ms after the store's creation (small integers V8
 * keeps unboxed): a live entry without links is its id and two map slots.
 *
 * @example
 * const codes = new MemoryStore<Code>(clock)
 * codes.upsert(code, { clientId }, 600, [`grant:${grantId}`])
 * tokens.destroyLinked(`grant:${grantId}`)
 */
export class MemoryStore<T> {
  readonly #values = new Map<string, T>()
  /** Expiry of the entries that have one, in ms after `#base`. */
  readonly #expiries = new Map<string, number>()
  /** link → ids, and id → its links (only for entries that have links). */
  readonly #byLink = new Map<string, Set<string>>()
  readonly #linksOf = new Map<string, readonly string[]>()
  readonly #clock: MockClock
  readonly #base: number

  constructor(clock: MockClock) {
    this.#clock = clock
    this.#base = clock.now()
  }

  #now(): number {
    return this.#clock.now() - this.#base
  }

  /** Stores `value` under `id`, replacing any entry; `ttlSeconds` undefined means it never expires. */
  upsert(id: string, value: T, ttlSeconds?: number, links?: readonly string[]): void {
    const key = flatten(id)
    if (this.#linksOf.has(key)) this.#unlink(key)
    this.#values.set(key, value)
    if (ttlSeconds === undefined) this.#expiries.delete(key)
    else this.#expiries.set(key, Math.ceil(this.#now() + ttlSeconds * 1000))
    if (links?.length) {
      this.#linksOf.set(key, links)
      for (const link of links) {
        let ids = this.#byLink.get(link)
        if (!ids) this.#byLink.set(link, (ids = new Set()))
        ids.add(key)
      }
    }
  }

  find(id: string): T | undefined {
    const value = this.#values.get(id)
    if (value === undefined) return undefined
    const expiry = this.#expiries.get(id)
    if (expiry !== undefined && expiry <= this.#now()) {
      this.destroy(id)
      return undefined
    }
    return value
  }

  /** Finds and removes in one step, synchronously: single-use codes (RFC 6749 §4.1.2) cannot be redeemed twice. */
  consume(id: string): T | undefined {
    const value = this.find(id)
    if (value !== undefined) this.destroy(id)
    return value
  }

  /**
   * Atomically marks a live entry as used, keeping its expiry and links (a tombstone stays findable, so a second
   * use can still learn which grant to revoke: RFC 9700 §4.2.4, §4.14.2). `won` is true for exactly one caller:
   * the one that found it claimable (`claimable(value)`) and stored `mark(value)`. Synchronous on purpose — no
   * other request can run between the read and the write in one JavaScript realm.
   *
   * @example
   * const claimed = codes.claim(code, (c) => c.state === 'live', (c) => ({ ...c, state: 'redeemed' }))
   * if (!claimed?.won) refuse() // unknown, expired, or already redeemed (claimed.value says which grant)
   */
  claim(id: string, claimable: (value: T) => boolean, mark: (value: T) => T): { value: T; won: boolean } | undefined {
    const value = this.find(id)
    if (value === undefined) return undefined
    if (!claimable(value)) return { value, won: false }
    this.#values.set(id, mark(value))
    return { value, won: true }
  }

  destroy(id: string): boolean {
    this.#expiries.delete(id)
    if (this.#linksOf.has(id)) this.#unlink(id)
    return this.#values.delete(id)
  }

  /** The live ids linked to `link`. */
  linked(link: string): string[] {
    return [...(this.#byLink.get(link) ?? [])].filter((id) => this.find(id) !== undefined)
  }

  /** Destroys every entry linked to `link`; returns how many were live. */
  destroyLinked(link: string): number {
    let removed = 0
    for (const id of this.linked(link)) if (this.destroy(id)) removed++
    return removed
  }

  /** Removes every live entry the predicate selects; returns how many. */
  destroyWhere(predicate: (value: T, id: string) => boolean): number {
    let removed = 0
    for (const [id, value] of this.entries()) {
      if (predicate(value, id)) {
        this.destroy(id)
        removed++
      }
    }
    return removed
  }

  /** Live entries, in insertion order. */
  *entries(): IterableIterator<[string, T]> {
    const now = this.#now()
    for (const [id, value] of this.#values) if ((this.#expiries.get(id) ?? Infinity) > now) yield [id, value]
  }

  /** Drops expired entries; returns how many. */
  purgeExpired(): number {
    const now = this.#now()
    let removed = 0
    for (const [id, expiry] of this.#expiries) {
      if (expiry <= now) {
        this.destroy(id)
        removed++
      }
    }
    return removed
  }

  get size(): number {
    return this.#values.size
  }

  clear(): void {
    this.#values.clear()
    this.#expiries.clear()
    this.#byLink.clear()
    this.#linksOf.clear()
  }

  #unlink(id: string): void {
    for (const link of this.#linksOf.get(id) ?? []) {
      const ids = this.#byLink.get(link)
      ids?.delete(id)
      if (ids?.size === 0) this.#byLink.delete(link)
    }
    this.#linksOf.delete(id)
  }
}
