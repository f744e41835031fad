import type { ApiName } from '../mocks/registry.ts'
import { rssMb } from './children.ts'
import type { BenchConfig } from './config.ts'
import { runLoads } from './load.ts'
import type { LoadOutcome } from './load-types.ts'
import { issueAndCheck } from './requests.ts'
import { median } from './cold-start.ts'
import { medianRun } from './scenarios.ts'
import { startMock, type Server } from './servers.ts'

/** The token-checked GET with one live token and with `config.scaleTokens`, each on its own mock process. */
export interface ScaleResult {
  api: ApiName
  tokens: { small: number; large: number }
  small: { load: LoadOutcome; rssMb: number }
  large: { load: LoadOutcome; rssMb: number; preloadMs: number }
  /** large / small throughput, corrected by `processRatio`. */
  ratio: number
  /**
   * The same two processes before the preload, both with one token: what they differ by on their own (two node
   * processes here were seen to differ by up to 15 % across a whole run). `ratio` is the measured ratio divided by this.
   */
  processRatio: number
  /** The measured ratio with 1,000,000 tokens, before that correction. */
  rawRatio: number
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
 * Store-size scenario for one API: two fresh mocks, one with the single token the benchmark issues, one with
 * `scaleTokens - 1` more preloaded, both running; the token-checked GET is measured on each in turn, after a
 * warm-up of each — small, large, small, large … `config.rounds` times — so a shared machine's drift hits both
 * alike; each keeps its median run, and the ratio is the median of the rounds' own ratios, divided by the same
 * measured on both processes before the preload (one token each). RSS is read from /proc after the loads.
 */
export async function runScale(config: BenchConfig, api: ApiName, log: (line: string) => void): Promise<ScaleResult> {
  const small = await startMock(api)
  let large: Server | undefined
  try {
    large = await startMock(api)
    const jobFor = async (server: Server) => ({
      url: server.url,
      api,
      scenario: 'get' as const,
      token: await issueAndCheck(api, server.url),
      connections: config.connections,
      warmupS: config.warmupS,
      durationS: config.durationS,
    })
    const [smallJob, largeJob] = [await jobFor(small), await jobFor(large)]
    // Both processes with one token first, so the ratio can be corrected for what two processes differ by.
    // A first run of each is thrown away: it still pays for the JIT, which would flatter whichever comes second.
    const rounds = (n: number) => [smallJob, largeJob, ...Array.from({ length: n }, () => [smallJob, largeJob]).flat()]
    const pairRatio = (outcomes: LoadOutcome[]) => median(outcomes.filter((_, i) => i % 2 === 1).map((l, i) => l.rps / outcomes[2 * i]!.rps))
    const processRatio = pairRatio((await runLoads(rounds(config.rounds), `${api} two processes, 1 token each`)).slice(2))
    const preloadMs = await preload(large, config.scaleTokens - 1, config.preloadChunk)
    const outcomes = (await runLoads(rounds(config.rounds), `${api} with 1 and ${config.scaleTokens} tokens`)).slice(2)
    const smalls = outcomes.filter((_, i) => i % 2 === 0)
    const larges = outcomes.filter((_, i) => i % 2 === 1)
    const [smallLoad, largeLoad] = [medianRun(smalls), medianRun(larges)]
    const rawRatio = pairRatio(outcomes)
    const result: ScaleResult = {
      api,
      tokens: { small: 1, large: config.scaleTokens },
      small: { load: smallLoad, rssMb: rssOf(small) },
      large: { load: largeLoad, rssMb: rssOf(large), preloadMs },
      // The median of each round's own ratio (the two runs of a round are back to back), corrected.
      ratio: rawRatio / processRatio,
      processRatio,
      rawRatio,
    }
    log(`${api} 1 token: ${Math.round(smallLoad.rps)}/s, ${result.small.rssMb.toFixed(0)} MB`)
    log(`${api} ${config.scaleTokens} tokens: ${Math.round(largeLoad.rps)}/s, ${result.large.rssMb.toFixed(0)} MB (preload ${(preloadMs / 1000).toFixed(1)} s)`)
    return result
  } finally {
    await small.stop()
    await large?.stop()
  }
}
