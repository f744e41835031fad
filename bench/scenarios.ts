import type { ApiName } from '../mocks/registry.ts'
import type { BenchConfig } from './config.ts'
import { median } from './cold-start.ts'
import { runLoads } from './load.ts'
import type { LoadJob, LoadOutcome, LoadScenario } from './load-types.ts'
import { captureResponses, issueAndCheck } from './requests.ts'
import { startBare, startMock, startPrism, type Server } from './servers.ts'

export const SCENARIOS: readonly LoadScenario[] = ['get', 'issue', 'flow']
export const SCENARIO_TITLES: Record<LoadScenario, string> = {
  get: 'token-checked GET',
  issue: 'token issue',
  flow: 'issue + GET flow',
}

/**
 * One scenario of one API on the mock and both baselines. `mock`, `bare` and `prism` are each side's median run;
 * the ratios compare iterations per second, each the median of the rounds' own ratios (the three sides of a round
 * run back to back, so a machine that speeds up or slows down between rounds does not tilt them).
 */
export interface ScenarioResult {
  api: ApiName
  scenario: LoadScenario
  mock: LoadOutcome
  bare: LoadOutcome
  prism: LoadOutcome
  vsBare: number
  vsPrism: number
  /** What bare node:http itself reaches against Prism: the most any server on node:http could show here. */
  bareVsPrism: number
  /** Iterations per second of each round, in order. */
  rounds: Record<Side, number>[]
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
export function medianRun(runs: readonly LoadOutcome[]): LoadOutcome {
  const sorted = [...runs].sort((a, b) => a.iterationsPerS - b.iterationsPerS)
  return sorted[(sorted.length - 1) >> 1]!
}

type Side = 'mock' | 'bare' | 'prism'
const SIDES: readonly Side[] = ['mock', 'bare', 'prism']

/**
 * Mock, bare and Prism, all already running (all pinned to the server CPU; the idle ones cost nothing), measured
 * in turn — mock, bare, Prism, mock, bare, Prism … — `config.rounds` times per scenario from one load process, so
 * slow drift of the machine (a shared VM's neighbours) hits all three alike; each keeps its median run.
 */
async function interleaved(config: BenchConfig, api: ApiName, servers: Record<Side, Server>, token: string, log: (line: string) => void) {
  const plan = SCENARIOS.flatMap((scenario) =>
    Array.from({ length: config.rounds }, () => SIDES.map((side) => ({ side, job: job(config, api, scenario, servers[side].url, side === 'mock' ? token : undefined) }))).flat(),
  )
  const outcomes = await runLoads(
    plan.map((p) => p.job),
    `${api} mock+bare+prism`,
  )
  const result = { mock: {}, bare: {}, prism: {} } as Record<Side, Record<LoadScenario, LoadOutcome>>
  const rounds = {} as Record<LoadScenario, Record<Side, number>[]>
  for (const scenario of SCENARIOS) {
    const runsOf = (side: Side) => outcomes.filter((_, i) => plan[i]!.job.scenario === scenario && plan[i]!.side === side)
    for (const side of SIDES) result[side][scenario] = medianRun(runsOf(side))
    const [mock, bare, prism] = SIDES.map(runsOf) as [LoadOutcome[], LoadOutcome[], LoadOutcome[]]
    rounds[scenario] = mock.map((m, i) => ({ mock: m.iterationsPerS, bare: bare[i]!.iterationsPerS, prism: prism[i]!.iterationsPerS }))
    const rate = (side: Side) => Math.round(result[side][scenario].iterationsPerS)
    log(`${api} ${SCENARIO_TITLES[scenario]}: mock ${rate('mock')}/s, bare ${rate('bare')}/s, Prism ${rate('prism')}/s (median of ${config.rounds})`)
  }
  return { result, rounds }
}

export async function runLoadScenarios(config: BenchConfig, log: (line: string) => void): Promise<LoadResults> {
  const results: LoadResults = { scenarios: [], prismStartupMs: {} }
  for (const api of config.apis) {
    const measured = await withServer(
      () => startMock(api),
      async (mockServer) => {
        const token = await issueAndCheck(api, mockServer.url)
        const canned = await captureResponses(api, mockServer.url, token)
        return withServer(
          () => startBare(canned),
          (bareServer) =>
            withServer(
              () => startPrism(api),
              (prismServer) => {
                results.prismStartupMs[api] = prismServer.startupMs
                return interleaved(config, api, { mock: mockServer, bare: bareServer, prism: prismServer }, token, log)
              },
            ),
        )
      },
    )
    for (const scenario of SCENARIOS) {
      const rounds = measured.rounds[scenario]
      const ratio = (a: Side, b: Side) => median(rounds.map((r) => r[a] / r[b]))
      results.scenarios.push({
        api,
        scenario,
        mock: measured.result.mock[scenario],
        bare: measured.result.bare[scenario],
        prism: measured.result.prism[scenario],
        vsBare: ratio('mock', 'bare'),
        vsPrism: ratio('mock', 'prism'),
        bareVsPrism: ratio('bare', 'prism'),
        rounds,
      })
    }
  }
  return results
}
