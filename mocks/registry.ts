import type { MockDefinition } from './core/definition.ts'
import { dadi } from './dadi/index.ts'
import { exceptionless } from './exceptionless/index.ts'

/**
 * Every API the project mocks, with its fixed port offset. Each API gets its own origin because their paths
 * collide (`/token`) and real clients drop path prefixes: port = base (4700, or AUTHCONFORM_PORT_BASE) + offset.
 * Offsets are reserved for all five documented APIs so URLs never move as mocks are added.
 */
export const PORT_OFFSETS = { dadi: 0, exceptionless: 1, frameio: 2, basiq: 3, gotosocial: 4 } as const
export type ApiName = keyof typeof PORT_OFFSETS
export const DEFAULT_PORT_BASE = 4700

export const definitions: Partial<Record<ApiName, MockDefinition<any>>> = { dadi, exceptionless }

export function implementedApis(): ApiName[] {
  return (Object.keys(PORT_OFFSETS) as ApiName[]).filter((name) => definitions[name] !== undefined)
}

export function portFor(api: ApiName, base: number = DEFAULT_PORT_BASE): number {
  return base + PORT_OFFSETS[api]
}
