import type { MockClock } from './mock-clock.ts'

/** One realistic defect a real implementation could ship, switched on in the real mock by name. */
export interface Mutant {
  description: string
  /** Requirement IDs whose checks must fail when this mutant is on. */
  expect: readonly string[]
  /** The profiles of the API the defect means something in (all of them when absent). */
  profiles?: readonly string[]
}

/** What a mock instance is built from: its own clock, its seeded fixtures, what the host prepared, the mutants on. */
export interface InstanceContext<F, M extends string = string, P = undefined, R extends string = string> {
  clock: MockClock
  fixtures: F
  /** Which released behaviour of the API this instance copies (`dadi@3`, `dadi@6`): see the definition's `profiles`. */
  profile: R
  /** The result of the definition's `prepare` (signing keys, page templates), shared by every instance of a host. */
  prepared: P
  /** Typed: `mutants.has('misspelt')` does not compile. */
  mutants: ReadonlySet<M>
}

/** A running mock of one API: a Fetch-standard handler over its own state. */
export interface MockInstance {
  fetch(request: Request): Response | Promise<Response>
  /** Drops expired state; the node server calls it on a timer. */
  purgeExpired?(): void
  /** Adds `count` live tokens for the first principal (the benchmark's store-size scenario). */
  preload?(count: number): void
  /**
   * Changes what only the API's operators can change in this instance (`POST /__mock/admin`): a client's grants,
   * a user's deletion, an organization's suspension. Returns what the caller may need; throws a MockError (400)
   * for an action or argument it does not know.
   */
  admin?(action: string, args: Readonly<Record<string, unknown>>): unknown
}

/** Sends one request to the mock (an instance, a host, or a server behind a URL) and returns its answer. */
export type Call = (request: Request) => Promise<Response>

/**
 * Everything the project knows about one API's mock. Adapters (node server, MSW) and the session host only ever
 * see this shape, so adding an API never touches them.
 *
 * @example
 * const host = createMockHost(definitions.dadi)
 * const token = await definitions.dadi.obtainToken((r) => Promise.resolve(host.fetch(r)), 'http://dadi.test', fixtures)
 */
export interface MockDefinition<F = unknown, M extends string = string, P = undefined, R extends string = string> {
  name: string
  title: string
  /**
   * The released behaviours of the API this mock can copy, the default first: where versions of the real service
   * answer differently (DADI 1.x–3.x against 4.x–6.x), each is a profile; a target names the one it runs.
   */
  profiles: readonly [R, ...R[]]
  /** One line per profile: which releases it stands for. */
  profileNotes: Readonly<Record<R, string>>
  /** Validates fixtures (zod); throws a MockError that names the bad field. */
  parseFixtures(input: unknown): F
  defaultFixtures: unknown
  /** Once per host, before the first instance: asynchronous set-up (a JWT signing key, page templates). */
  prepare?(fixtures: F): Promise<P>
  create(context: InstanceContext<F, M, P, R>): MockInstance
  mutants: Readonly<Record<M, Mutant>>
  /** The media types this API's error answers come in (the robustness test holds every error to them). */
  errorMediaTypes: readonly string[]
  /**
   * The API answers CORS itself, as its real server does (preflights, exposed headers): the host's own CORS
   * (`HostOptions.cors`, for browser clients of the others) stays out of its way.
   */
  ownCors?: boolean
  /** How a client of this API gets a token from the mock at `origin`, in as many steps as the API takes. */
  obtainToken(call: Call, origin: string, fixtures: F): Promise<string>
  /** Lines printed by `npm run mock` so a frontend developer can log in at once (seeded, public test data). */
  describe(fixtures: F): string[]
}

/** A definition whatever its fixtures, mutants and preparation (what registries and adapters hold). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMockDefinition = MockDefinition<any, string, any, any>
