import type { ApiName } from '../../../mocks/registry.ts'
import { startMock } from './servers.ts'

/** Spawn-to-first-200 of a fresh `npm run mock` process, on GET /__mock/health, over several runs. */
export interface ColdStartResult {
  api: ApiName
  route: 'GET /__mock/health'
  runsMs: number[]
  medianMs: number
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Starts a fresh mock process `runs` times (the same command as `npm run mock`, with --control) and
 * measures from spawn until GET /__mock/health first answers 200, polling every 2 ms.
 */
export async function runColdStart(api: ApiName, runs: number, log: (line: string) => void): Promise<ColdStartResult> {
  const runsMs: number[] = []
  for (let i = 0; i < runs; i++) {
    const server = await startMock(api)
    runsMs.push(server.startupMs)
    await server.stop()
  }
  const result: ColdStartResult = { api, route: 'GET /__mock/health', runsMs, medianMs: median(runsMs) }
  log(`${api} cold start: median ${result.medianMs.toFixed(0)} ms of ${runs} (${runsMs.map((m) => m.toFixed(0)).join(', ')})`)
  return result
}
