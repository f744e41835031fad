import { http, type HttpHandler } from 'msw'
import { createMockHost, type HostOptions } from '../core/host.ts'
import { definitions, type ApiName } from '../registry.ts'

/**
 * MSW request handlers that answer each API's origin with its stateful mock. The same handlers serve
 * `setupServer` (Node) and `setupWorker` (browser): the mock core is Fetch-standard.
 *
 * @example
 * const server = setupServer(...createHandlers({ dadi: 'https://api.example.com' }))
 * server.listen()
 * await fetch('https://api.example.com/token', { method: 'POST', body: JSON.stringify({ clientId: 'testClient', secret: 'superSecret' }) })
 */
export function createHandlers(origins: Partial<Record<ApiName, string>>, options: Omit<HostOptions, 'cors'> = {}): HttpHandler[] {
  return Object.entries(origins).map(([api, origin]) => {
    const definition = definitions[api as ApiName]
    if (!definition) throw new Error(`[authconform] no mock for "${api}" yet; known: ${Object.keys(definitions).join(', ')}`)
    const host = createMockHost(definition, options)
    const base = origin!.replace(/\/+$/, '')
    return http.all(`${base}/*`, ({ request }) => host.fetch(request))
  })
}
