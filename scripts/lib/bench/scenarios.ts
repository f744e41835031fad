import type { ApiName } from '../../../mocks/registry.ts'
import type { BenchConfig } from './config.ts'
import { runLoads } from './load.ts'
import type { LoadJob, LoadOutcome, LoadScenario } from './load-types.ts'
import { captureResponses, issueAndCheck } from './plan.ts'
import { startBare, startMock, startPrism, type Server } from './servers.ts'

export const SCENARIOS: readonly LoadScenario[] = ['get', 'issue', 'flow']
export const SCENARIO_TITLES: Record<LoadScenario, string> = {
  get: 'token-checked GET',
  issue: 'token issue',
  flow: 'issue + GET flow',
}

/** One scenario of one API on the mock and both baselines; ratios compare iterations per second. */
export interface ScenarioResult {
  api: ApiName
  scenario: LoadScenario
  mock: LoadOutcome
  bare: LoadOutcome
  prism: LoadOutcome
  vsBare: number
  vsPrism: number
}

export interface LoadResults {
  scenarios: ScenarioResult[]
  /** ms from spawn until Prism answered, per API (information only). */
  prismStartupMs: Partial<Record<ApiName, number>>
}

async function withServer<T>(start: () => Promise<Server>, use: (server: Server) => Promise<T>): Promise<T> {
  const server = await start()
  try {
    return await use(server)
  } finally {
    await server.stop()
  }
}

function job(config: BenchConfig, api: ApiName, scenario: LoadScenario, url: string, token?: string): LoadJob {
  return { url, api, scenario, token, connections: config.connections, warmupS: config.warmupS, durationS: config.durationS }
}

/** The run whose iterations per second is the median (its latency numbers come with it). */
function medianRun(runs: readonly LoadOutcome[]): LoadOutcome {
  const sorted = [...runs].sort((a, b) => a.iterationsPerS - b.iterationsPerS)
  return sorted[(sorted.length - 1) >> 1]!
}

/**
 * Mock and bare, both already running (both pinned to the server CPU; the idle one costs nothing), measured
 * alternately — mock, bare, mock, bare … — `config.rounds` times per scenario from one load process, so slow
 * drift of the machine hits both alike; each side keeps its median run.
 */
async function interleaved(config: BenchConfig, api: ApiName, mock: Server, bare: Server, token: string, log: (line: string) => void) {
  const plan = SCENARIOS.flatMap((scenario) => Array.from({ length: config.rounds }, () => [job(config, api, scenario, mock.url, token), job(config, api, scenario, bare.url)]).flat())
  const outcomes = await runLoads(plan, `${api} mock+bare`)
  const pick = (scenario: LoadScenario, side: 0 | 1) => medianRun(outcomes.filter((_, i) => plan[i]!.scenario === scenario && i % 2 === side))
  const result = { mock: {} as Record<LoadScenario, LoadOutcome>, bare: {} as Record<LoadScenario, LoadOutcome> }
  for (const scenario of SCENARIOS) {
    result.mock[scenario] = pick(scenario, 0)
    result.bare[scenario] = pick(scenario, 1)
    log(`${api} ${SCENARIO_TITLES[scenario]}: mock ${Math.round(result.mock[scenario].iterationsPerS)}/s, bare ${Math.round(result.bare[scenario].iterationsPerS)}/s (median of ${config.rounds})`)
  }
  return result
}

/** The three scenarios against Prism, once each (it is an order of magnitude slower; noise does not matter). */
async function prismRuns(config: BenchConfig, api: ApiName, server: Server, log: (line: string) => void): Promise<Record<LoadScenario, LoadOutcome>> {
  const outcomes = await runLoads(
    SCENARIOS.map((scenario) => job(config, api, scenario, server.url)),
    `${api} prism`,
  )
  const out = {} as Record<LoadScenario, LoadOutcome>
  SCENARIOS.forEach((scenario, i) => {
    out[scenario] = outcomes[i]!
    log(`${api} prism ${SCENARIO_TITLES[scenario]}: ${Math.round(out[scenario].iterationsPerS)}/s, p99 ${out[scenario].latencyMs.p99} ms`)
  })
  return out
}

/**
 * Token-checked GET, token issue and the issue-then-GET flow for every API, on the mock and on both
 * baselines. The bare server replays the bytes this API's mock answered (captured before the load), so it
 * sends the same payloads, and is measured interleaved with the mock; Prism runs once per API (its own spec).
 */
export async function runLoadScenarios(config: BenchConfig, log: (line: string) => void): Promise<LoadResults> {
  const results: LoadResults = { scenarios: [], prismStartupMs: {} }
  for (const api of config.apis) {
    const { mock, bare } = await withServer(
      () => startMock(api),
      async (mockServer) => {
        const token = await issueAndCheck(api, mockServer.url)
        const canned = await captureResponses(api, mockServer.url, token)
        return withServer(
          () => startBare(canned),
          (bareServer) => interleaved(config, api, mockServer, bareServer, token, log),
        )
      },
    )
    const prism = await withServer(
      () => startPrism(api),
      (server) => {
        results.prismStartupMs[api] = server.startupMs
        return prismRuns(config, api, server, log)
      },
    )
    for (const scenario of SCENARIOS) {
      const m = mock[scenario]
      results.scenarios.push({
        api,
        scenario,
        mock: m,
        bare: bare[scenario],
        prism: prism[scenario],
        vsBare: m.iterationsPerS / bare[scenario].iterationsPerS,
        vsPrism: m.iterationsPerS / prism[scenario].iterationsPerS,
      })
    }
  }
  return results
}
