import type { ApiName, ImplementedApi } from './apis.ts'
import { basiq } from './basiq/index.ts'
import type { AnyMockDefinition } from './core/definition.ts'
import { dadi } from './dadi/index.ts'
import { exceptionless } from './exceptionless/index.ts'
import { frameio } from './frameio/index.ts'
import { gotosocial } from './gotosocial/index.ts'

export { DEFAULT_PORT_BASE, implementedApis, IMPLEMENTED_APIS, PORT_OFFSETS, portFor, type ApiName, type ImplementedApi } from './apis.ts'

/** Every API's mock: exactly the APIs `IMPLEMENTED_APIS` (apis.ts) names, checked by the compiler. */
const mocks = { dadi, exceptionless, frameio, basiq, gotosocial } satisfies Record<ImplementedApi, AnyMockDefinition>

export const definitions: Partial<Record<ApiName, AnyMockDefinition>> = mocks
