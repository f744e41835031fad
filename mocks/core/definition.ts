import type { Clock } from './clock.ts'

/** One realistic defect a real implementation could ship, switched on in the real mock by name. */
export interface Mutant {
  description: string
  /** Requirement IDs whose checks must fail when this mutant is on. */
  expect: readonly string[]
}

/** What a mock instance is built from: its own clock, its seeded fixtures, and the mutants switched on. */
export interface InstanceContext<F> {
  clock: Clock
  fixtures: F
  mutants: ReadonlySet<string>
}

/** A running mock of one API: a Fetch-standard handler over its own state. */
export interface MockInstance {
  fetch(request: Request): Response | Promise<Response>
  /** Drops expired state; the node server calls it on a timer. */
  sweep?(): void
  /** Adds `count` live tokens for the first principal (the benchmark's store-size scenario). */
  preload?(count: number): void
}

/** A request in this API's own terms, for the benchmark and smoke checks. */
export interface RequestSpec {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
}

/** How `npm run bench` drives one API: issue a token, then make a token-checked read with it. */
export interface BenchPlan<F> {
  issue(fixtures: F): RequestSpec
  token(body: unknown): string
  protectedGet(token: string, fixtures: F): RequestSpec
}

/**
 * Everything the project knows about one API's mock. Adapters (node server, MSW) and the session host
 * only ever see this shape, so adding an API never touches them.
 *
 * @example
 * const dadi = definitions.dadi
 * const instance = dadi.create({ clock: createClock(), fixtures: dadi.parseFixtures(dadi.defaultFixtures), mutants: new Set() })
 * await instance.fetch(new Request('http://dadi.test/token', { method: 'POST', body: '{}' }))
 */
export interface MockDefinition<F = unknown> {
  name: string
  title: string
  /** Validates fixtures (zod); throws a MockError that names the bad field. */
  parseFixtures(input: unknown): F
  defaultFixtures: unknown
  create(context: InstanceContext<F>): MockInstance
  mutants: Readonly<Record<string, Mutant>>
  bench: BenchPlan<F>
  /** Lines printed by `npm run mock` so a frontend developer can log in at once (seeded, public test data). */
  describe(fixtures: F): string[]
}
