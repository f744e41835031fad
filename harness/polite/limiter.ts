import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The run's request budget for real servers, shared by every Playwright worker (separate processes): a small
 * HTTP server in the runner (started by the global setup) that a worker asks before each request to a target
 * and tells when the answer is in. Per key (an API of the target): a token bucket of `rateLimit` requests per
 * second (a burst of one second's worth), and at most `maxConcurrent` requests in flight. A grant is a lease,
 * released by the worker or, if the worker died, after LEASE_SECONDS. 0 turns a bound off.
 */
export interface Budget {
  rateLimit: number
  maxConcurrent: number
}

const LEASE_SECONDS = 120

class Bucket {
  #tokens: number
  #last = performance.now()
  readonly #leases = new Map<string, number>()
  readonly #queue: { grant: (lease: string) => void; gone: () => boolean }[] = []
  #timer: NodeJS.Timeout | undefined
  #next = 0

  constructor(readonly budget: Budget) {
    this.#tokens = Math.max(1, budget.rateLimit)
  }

  acquire(grant: (lease: string) => void, gone: () => boolean): void {
    this.#queue.push({ grant, gone })
    this.#pump()
  }

  release(lease: string): void {
    this.#leases.delete(lease)
    this.#pump()
  }

  close(): void {
    clearTimeout(this.#timer)
  }

  #pump(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const now = performance.now()
    const { rateLimit, maxConcurrent } = this.budget
    for (const [lease, expiry] of this.#leases) if (expiry <= now) this.#leases.delete(lease)
    if (rateLimit > 0) this.#tokens = Math.min(Math.max(1, rateLimit), this.#tokens + ((now - this.#last) / 1000) * rateLimit)
    this.#last = now
    while (this.#queue.length) {
      if (this.#queue[0]!.gone()) {
        this.#queue.shift()
        continue
      }
      if (maxConcurrent > 0 && this.#leases.size >= maxConcurrent) {
        // A worker that died holding a lease frees it when the lease runs out.
        const soonest = Math.min(...this.#leases.values())
        this.#timer = setTimeout(() => this.#pump(), Math.max(10, soonest - now))
        return
      }
      if (rateLimit > 0 && this.#tokens < 1) {
        this.#timer = setTimeout(() => this.#pump(), Math.ceil(((1 - this.#tokens) / rateLimit) * 1000))
        return
      }
      if (rateLimit > 0) this.#tokens -= 1
      const lease = String(++this.#next)
      this.#leases.set(lease, now + LEASE_SECONDS * 1000)
      this.#queue.shift()!.grant(lease)
    }
  }
}

/** Starts the limiter on loopback; `url` goes to the workers (LIMITER_ENV). */
export async function startLimiter(budgets: Record<string, Budget>): Promise<{ url: string; close(): Promise<void> }> {
  const buckets = new Map(Object.entries(budgets).map(([key, budget]) => [key, new Bucket(budget)]))
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const [, verb, key, lease] = (request.url ?? '').split('/')
    const bucket = buckets.get(decodeURIComponent(key ?? ''))
    if (request.method !== 'POST' || !bucket) return void response.writeHead(404).end()
    request.resume()
    if (verb === 'acquire') {
      // A worker that goes away while it waits (it ended, or died) leaves the queue; a grant it never saw is not held.
      let gone = false
      response.on('close', () => (gone = !response.writableFinished))
      bucket.acquire((granted) => response.writeHead(200, { 'content-type': 'text/plain' }).end(granted), () => gone)
    } else if (verb === 'release' && lease) {
      bucket.release(lease)
      response.writeHead(204).end()
    } else response.writeHead(404).end()
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const bucket of buckets.values()) bucket.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
