import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { createMockHost, type HostOptions, type MockHost } from '../core/host.ts'
import { definitions, portFor, type ApiName } from '../registry.ts'

export interface ServeOptions extends Omit<HostOptions, 'mutants' | 'fixtures' | 'profile'> {
  apis: readonly ApiName[]
  /** Port of the first API; each API listens on base + its offset. 0 picks free ports. */
  portBase: number
  hostname?: string
  mutants?: Partial<Record<ApiName, readonly string[]>>
  fixtures?: Partial<Record<ApiName, unknown>>
  /** The profile each API answers as (its first profile otherwise). */
  profiles?: Partial<Record<ApiName, string>>
}

export interface RunningMock {
  api: ApiName
  url: string
  host: MockHost
  server: Server
}

/**
 * Serves each API's Fetch-standard mock on its own origin with node:http (through hono's node adapter,
 * which turns IncomingMessage into a Request lazily and writes plain Responses without copying).
 *
 * @example
 * const running = await serveMocks({ apis: ['dadi'], portBase: 4700, control: true })
 * running[0].url // http://127.0.0.1:4700
 */
export async function serveMocks(options: ServeOptions): Promise<RunningMock[]> {
  const hostname = options.hostname ?? '127.0.0.1'
  const running: RunningMock[] = []
  try {
    for (const api of options.apis) {
      const definition = definitions[api]
      if (!definition) throw new Error(`[authconform] no mock for "${api}" yet`)
      const host = createMockHost(definition, { ...options, mutants: options.mutants?.[api], fixtures: options.fixtures?.[api], profile: options.profiles?.[api] })
      await host.ready
      const server = createServer({ keepAliveTimeout: 10_000 }, getRequestListener(host.fetch))
      const port = options.portBase === 0 ? 0 : portFor(api, options.portBase)
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) =>
          reject(
            error.code === 'EADDRINUSE'
              ? new Error(`[authconform] ${hostname}:${port} (${api}) is already in use: another mock or test run holds it; stop it or pick another port base`)
              : error,
          ),
        )
        server.listen(port, hostname, () => resolve())
      })
      const { port: bound } = server.address() as AddressInfo
      running.push({ api, url: `http://${hostname}:${bound}`, host, server })
    }
  } catch (error) {
    await closeMocks(running)
    throw error
  }
  const purger = setInterval(() => running.forEach((r) => r.host.purgeExpired()), 60_000)
  purger.unref()
  running.forEach((r) => r.server.once('close', () => clearInterval(purger)))
  return running
}

export async function closeMocks(running: readonly RunningMock[]): Promise<void> {
  await Promise.all(
    running.map(
      (r) =>
        new Promise<void>((resolve) => {
          r.server.closeAllConnections()
          r.server.close(() => resolve())
        }),
    ),
  )
}
