import type { ApiName } from '../mocks/registry.ts'
import { startMock, startNodeFloor, type Server } from './servers.ts'

/** Spawn-to-first-200 of fresh mock processes, on GET /__mock/health, over several runs. */
export interface ColdStartResult {
  api: ApiName
  route: 'GET /__mock/health'
  /** `node scripts/start-mock.mjs` (what `npm run mock` and Playwright start), its bundle already built. */
  runsMs: number[]
  medianMs: number
  /** The floor, started in turn with the mock: a bare node:http server in a fresh `node -e` process. */
  node: { runsMs: number[]; medianMs: number }
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function timeStart(start: () => Promise<Server>): Promise<number> {
  const server = await start()
  await server.stop()
  return server.startupMs
}

const list = (runs: readonly number[]) => runs.map((m) => m.toFixed(0)).join(', ')

/**
 * Starts a fresh mock process `runs` times (the `npm run mock` command, with --control) and measures from
 * spawn until GET /__mock/health first answers 200, polling every 2 ms; in turn with each, the same for a bare
 * node:http server in a fresh process, node's own floor on this machine (an environment such as
 * NODE_EXTRA_CA_CERTS weighs on both). One unmeasured start first builds the launcher's bundle if a source
 * changed, so every measured run is a cold process start, not a build.
 */
export async function runColdStart(api: ApiName, runs: number, log: (line: string) => void): Promise<ColdStartResult> {
  await timeStart(() => startMock(api))
  const runsMs: number[] = []
  const nodeMs: number[] = []
  for (let i = 0; i < runs; i++) {
    runsMs.push(await timeStart(() => startMock(api)))
    nodeMs.push(await timeStart(() => startNodeFloor()))
  }
  const result: ColdStartResult = { api, route: 'GET /__mock/health', runsMs, medianMs: median(runsMs), node: { runsMs: nodeMs, medianMs: median(nodeMs) } }
  log(`${api} cold start: median ${result.medianMs.toFixed(0)} ms of ${runs} (${list(runsMs)}); bare node:http ${result.node.medianMs.toFixed(0)} ms (${list(nodeMs)})`)
  return result
}
