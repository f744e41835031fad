import type { ApiName } from '../../../mocks/registry.ts'
import type { BenchConfig } from './config.ts'
import { runLoads } from './load.ts'
import type { LoadJob, LoadOutcome, LoadScenario } from './load-types.ts'
import { issueAndCheck } from './plan.ts'
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

function jobs(config: BenchConfig, api: ApiName, url: string, token?: string): LoadJob[] {
  return SCENARIOS.map((scenario) => ({ url, api, scenario, token, connections: config.connections, warmupS: config.warmupS, durationS: config.durationS }))
}

/** The three scenarios against one server, from one load process; logs each result. */
async function runAll(config: BenchConfig, api: ApiName, kind: Server['kind'], server: Server, log: (line: string) => void, token?: string): Promise<Record<LoadScenario, LoadOutcome>> {
  const outcomes = await runLoads(jobs(config, api, server.url, token), `${api} ${kind}`)
  const out = {} as Record<LoadScenario, LoadOutcome>
  SCENARIOS.forEach((scenario, i) => {
    out[scenario] = outcomes[i]!
    log(`${api} ${kind} ${SCENARIO_TITLES[scenario]}: ${Math.round(out[scenario].iterationsPerS)}/s, p99 ${out[scenario].latencyMs.p99} ms`)
  })
  return out
}

/**
 * Token-checked GET, token issue and the issue-then-GET flow for every API, on the mock and on both
 * baselines, one server process per API and kind, scenarios in that order (each after its own warm-up). The
 * bare server does the same work whatever the API, so it runs once, with the first API's requests; Prism
 * runs once per API (its own spec).
 */
export async function runLoadScenarios(config: BenchConfig, log: (line: string) => void): Promise<LoadResults> {
  const first = config.apis[0]!
  const bare = await withServer(startBare, (server) => runAll(config, first, 'bare', server, log))
  const results: LoadResults = { scenarios: [], prismStartupMs: {} }
  for (const api of config.apis) {
    const mock = await withServer(
      () => startMock(api),
      async (server) => runAll(config, api, 'mock', server, log, await issueAndCheck(api, server.url)),
    )
    const prism = await withServer(
      () => startPrism(api),
      (server) => {
        results.prismStartupMs[api] = server.startupMs
        return runAll(config, api, 'prism', server, log)
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
