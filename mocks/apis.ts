/**
 * The documented APIs and their fixed origins, without loading any mock (the Playwright config and every test
 * worker read this; `registry.ts` holds the mocks themselves).
 *
 * Each API gets its own origin because their paths collide (`/token`) and real clients drop path prefixes:
 * port = base (4700, or AUTHCONFORM_PORT_BASE) + offset. Offsets are reserved for all five documented APIs so
 * URLs never move as mocks are added.
 */
export const PORT_OFFSETS = { dadi: 0, exceptionless: 1, frameio: 2, basiq: 3, gotosocial: 4 } as const
export type ApiName = keyof typeof PORT_OFFSETS
export const DEFAULT_PORT_BASE = 4700

/** The APIs with a mock, a spec and a suite today, in port order; `registry.ts` must define exactly these. */
export const IMPLEMENTED_APIS = ['dadi', 'exceptionless', 'frameio', 'basiq', 'gotosocial'] as const satisfies readonly ApiName[]
export type ImplementedApi = (typeof IMPLEMENTED_APIS)[number]

export function implementedApis(): ApiName[] {
  return [...IMPLEMENTED_APIS]
}

export function portFor(api: ApiName, base: number = DEFAULT_PORT_BASE): number {
  return base + PORT_OFFSETS[api]
}
