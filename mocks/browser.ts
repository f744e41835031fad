/**
 * In the browser: MSW's service worker answering each API's origin with its mock, so a frontend logs in
 * exactly as against the real API. Copy the worker once with `npx msw init public/`.
 *
 * @example
 * import { startAuthMocks } from 'authconform/mocks/browser'
 * await startAuthMocks({ dadi: 'https://api.example.com' })
 */
import { setupWorker } from 'msw/browser'
import type { HostOptions } from './core/host.ts'
import { createHandlers } from './adapters/msw-handlers.ts'
import type { ApiName } from './registry.ts'

export async function startAuthMocks(origins: Partial<Record<ApiName, string>>, options: Omit<HostOptions, 'cors'> = {}) {
  const worker = setupWorker(...createHandlers(origins, options))
  await worker.start({ onUnhandledRequest: 'bypass' })
  return worker
}
