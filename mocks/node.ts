/**
 * In-process use from Node: MSW's `setupServer` answering each API's origin with its mock.
 *
 * @example
 * import { setupAuthMocks } from 'authconform/mocks/node'
 * const server = setupAuthMocks({ dadi: 'https://api.example.com' })
 * server.listen({ onUnhandledRequest: 'error' })
 */
import { setupServer } from 'msw/node'
import type { HostOptions } from './core/host.ts'
import { createHandlers } from './adapters/msw-handlers.ts'
import type { ApiName } from './registry.ts'

export function setupAuthMocks(origins: Partial<Record<ApiName, string>>, options: Omit<HostOptions, 'cors'> = {}) {
  return setupServer(...createHandlers(origins, options))
}
export { createHandlers }
