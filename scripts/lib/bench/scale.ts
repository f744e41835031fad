import type { ApiName } from '../../../mocks/registry.ts'
import { rssMb } from './children.ts'
import type { BenchConfig } from './config.ts'
import { runLoads } from './load.ts'
import type { LoadOutcome } from './load-types.ts'
import { issueAndCheck } from './plan.ts'
import { startMock, type Server } from './servers.ts'

/** The token-checked GET with one live token, then with `config.scaleTokens`, on the same mock process. */
export interface ScaleResult {
  api: ApiName
  tokens: { small: number; large: number }
  small: { load: LoadOutcome; rssMb: number }
  large: { load: LoadOutcome; rssMb: number; preloadMs: number }
  /** large / small throughput. */
  ratio: number
}

/** Adds `count` live tokens through POST /__mock/preload, `chunk` at a time (each call runs synchronously in the mock). */
async function preload(server: Server, count: number, chunk: number): Promise<number> {
  const since = performance.now()
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done)
    const response = await fetch(`${server.url}/__mock/preload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: n }) })
    if (!response.ok) throw new Error(`[authconform] preload of ${n} tokens answered ${response.status}: ${await response.text()}`)
    await response.arrayBuffer()
  }
  return performance.now() - since
}

function rssOf(server: Server): number {
  const rss = rssMb(server.pid)
  if (rss === undefined) throw new Error(`[authconform] cannot read VmRSS of pid ${server.pid} (needs /proc)`)
  return rss
}

/**
 * Store-size scenario for one API: a fresh mock with the one token the benchmark issues, measured; then
 * `scaleTokens - 1` more preloaded, measured again. RSS is read right after each load, from /proc.
 */
export async function runScale(config: BenchConfig, api: ApiName, log: (line: string) => void): Promise<ScaleResult> {
  const server = await startMock(api)
  try {
    const token = await issueAndCheck(api, server.url)
    const job = { url: server.url, api, scenario: 'get' as const, token, connections: config.connections, warmupS: config.warmupS, durationS: config.durationS }
    // Twice, keeping the second: the first run after start-up still pays for the JIT, which would flatter 1 M tokens.
    const [, smallLoad] = await runLoads([job, job], `${api} with 1 token`)
    const small = { load: smallLoad!, rssMb: rssOf(server) }
    log(`${api} 1 token: ${Math.round(smallLoad!.rps)}/s, ${small.rssMb.toFixed(0)} MB`)
    const preloadMs = await preload(server, config.scaleTokens - 1, config.preloadChunk)
    const [largeLoad] = await runLoads([job], `${api} with ${config.scaleTokens} tokens`)
    const large = { load: largeLoad!, rssMb: rssOf(server), preloadMs }
    log(`${api} ${config.scaleTokens} tokens: ${Math.round(largeLoad!.rps)}/s, ${large.rssMb.toFixed(0)} MB (preload ${(preloadMs / 1000).toFixed(1)} s)`)
    return { api, tokens: { small: 1, large: config.scaleTokens }, small, large, ratio: largeLoad!.rps / smallLoad!.rps }
  } finally {
    await server.stop()
  }
}
