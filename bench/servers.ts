import { createRequire } from 'node:module'
import { join } from 'node:path'
import { portFor, type ApiName } from '../mocks/registry.ts'
import type { CannedAnswers } from './bare-server.ts'
import { freePortBase, pinned, spawnTracked, stopChild, waitForHttp } from './children.ts'

const ROOT = join(import.meta.dirname, '..')
const HOST = '127.0.0.1'

/** A server under test, in its own process. */
export interface Server {
  kind: 'mock' | 'bare' | 'prism'
  url: string
  pid: number
  /** ms from spawn until the readiness URL first answered 200. */
  startupMs: number
  stop(): Promise<void>
}

/** The command `npm run mock` runs (and Playwright's web server), so the benchmark measures what users start. */
export function mockCommand(api: ApiName, portBase: number): [string, string[]] {
  return [process.execPath, [join(ROOT, 'scripts', 'start-mock.mjs'), '--control', '--quiet', '--port-base', String(portBase), '--api', api]]
}

/**
 * Starts one API's mock (with the /__mock control surface, on a free port) and waits for GET /__mock/health.
 */
export async function startMock(api: ApiName, options: { timeoutMs?: number } = {}): Promise<Server> {
  const base = await freePortBase(5)
  const url = `http://${HOST}:${portFor(api, base)}`
  const [command, args] = mockCommand(api, base)
  return launch('mock', url, `${url}/__mock/health`, command, args, options.timeoutMs ?? 30_000)
}

/**
 * Starts the bare node:http baseline, replaying `canned` (the mock's own responses) behind a trivial Authorization
 * check: the token request and GET, or the sign-in walk's steps (one more process, so the two never share a route).
 */
export async function startBare(canned: CannedAnswers, timeoutMs = 30_000): Promise<Server> {
  const port = await freePortBase(1)
  const url = `http://${HOST}:${port}`
  const script = join(import.meta.dirname, 'bare-server.ts')
  return launch('bare', url, `${url}/health`, process.execPath, ['--import', 'tsx', script, String(port), JSON.stringify(canned)], timeoutMs)
}

/**
 * The floor of a cold start: a bare node:http server in a fresh node process (`node -e`, no modules to load),
 * answering 200 to anything. Node's own start-up on this machine, in the same environment as the mock's.
 */
export async function startNodeFloor(timeoutMs = 30_000): Promise<Server> {
  const port = await freePortBase(1)
  const url = `http://${HOST}:${port}`
  const code = `require('node:http').createServer((q, s) => s.end('{}')).listen(${port}, '${HOST}')`
  return launch('bare', url, `${url}/`, process.execPath, ['-e', code], timeoutMs)
}

/**
 * Starts Prism's mock of the API's OpenAPI spec (`prism mock openapi/<api>.yaml`), run through its own bin
 * script rather than npx so the process measured and stopped is Prism itself. Ready once it answers at all
 * (it has no health route; its readiness is not what the benchmark compares).
 */
export async function startPrism(api: ApiName, timeoutMs = 60_000): Promise<Server> {
  const port = await freePortBase(1)
  const url = `http://${HOST}:${port}`
  const require = createRequire(join(ROOT, 'package.json'))
  const bin = join(require.resolve('@stoplight/prism-cli/package.json'), '..', 'dist', 'index.js')
  const spec = join(ROOT, 'openapi', `${api}.yaml`)
  return launch('prism', url, `${url}/`, process.execPath, [bin, 'mock', spec, '-h', HOST, '-p', String(port)], timeoutMs)
}

async function launch(kind: Server['kind'], url: string, readyUrl: string, command: string, args: string[], timeoutMs: number): Promise<Server> {
  const since = performance.now()
  const child = spawnTracked(...pinned('server', command, args), { cwd: ROOT })
  try {
    const startupMs = await waitForHttp(readyUrl, child, since, timeoutMs, kind === 'prism' ? 20 : 2, kind === 'prism')
    return { kind, url, pid: child.pid!, startupMs, stop: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
