import type { ApiName } from '../mocks/registry.ts'
import type { BenchConfig } from './config.ts'
import { median } from './cold-start.ts'
import { runLoads } from './load.ts'
import type { LoadJob, LoadOutcome, LoadScenario, WalkTally } from './load-types.ts'
import { planFor } from './plans.ts'
import { captureResponses, captureWalk, issueAndCheck, type CapturedWalk } from './requests.ts'
import { startBare, startMock, startPrism, type Server } from './servers.ts'

export const SCENARIOS: readonly LoadScenario[] = ['get', 'issue', 'flow', 'walk']
export const SCENARIO_TITLES: Record<LoadScenario, string> = {
  get: 'token-checked GET',
  issue: 'token issue',
  flow: 'issue + GET flow',
  walk: 'sign-in walk',
}

/** Why the sign-in walk has no Prism side (shown instead of a number). */
export const PRISM_CANNOT_WALK = "not applicable: Prism answers each request from the spec's examples, with no sign-in page, session cookie or code to carry from one step to the next"

/** What a sign-in walk result says about the walk itself. */
export interface WalkInfo {
  /** The plan's name for it, e.g. `OOB flow`. */
  name: string
  summary: string
  /** Each step as the parent walked it once on the mock before the load: its name, request and status. */
  steps: { name: string; request: string; status: number }[]
  /** The iterations of every measured round added up, per side (the median run's alone are in `mock.walk`, `bare.walk`). */
  totals: { mock: WalkTally; bare: WalkTally }
}

/**
 * One scenario of one API on the mock and its baselines. `mock`, `bare` and `prism` are each side's median run;
 * the ratios compare iterations per second, each the median of the rounds' own ratios (the sides of a round run
 * back to back, so a machine that speeds up or slows down between rounds does not tilt them). The sign-in walk has
 * no Prism side: `prism`, `vsPrism` and `bareVsPrism` are null.
 */
export interface ScenarioResult {
  api: ApiName
  scenario: LoadScenario
  mock: LoadOutcome
  bare: LoadOutcome
  prism: LoadOutcome | null
  vsBare: number
  vsPrism: number | null
  /** What bare node:http itself reaches against Prism: the most any server on node:http could show here. */
  bareVsPrism: number | null
  /** Iterations per second of each round, in order. */
  rounds: Partial<Record<Side, number>>[]
  /** The sign-in walk only. */
  walk?: WalkInfo
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

async function withOptionalServer<T>(start: (() => Promise<Server>) | undefined, use: (server: Server | undefined) => Promise<T>): Promise<T> {
  return start ? withServer(start, use) : use(undefined)
}

function job(config: BenchConfig, api: ApiName, scenario: LoadScenario, url: string, extra: Pick<LoadJob, 'token' | 'captured'> = {}): LoadJob {
  return { url, api, scenario, ...extra, connections: config.connections, warmupS: config.warmupS, durationS: config.durationS }
}

/** The run whose iterations per second is the median (its latency numbers come with it). */
export function medianRun(runs: readonly LoadOutcome[]): LoadOutcome {
  const sorted = [...runs].sort((a, b) => a.iterationsPerS - b.iterationsPerS)
  return sorted[(sorted.length - 1) >> 1]!
}

type Side = 'mock' | 'bare' | 'prism'
const SIDES: readonly Side[] = ['mock', 'bare', 'prism']
/** The sides a scenario is measured on: Prism cannot walk. */
const sidesOf = (scenario: LoadScenario): readonly Side[] => (scenario === 'walk' ? ['mock', 'bare'] : SIDES)

interface Servers {
  mock: Server
  bare: Server
  prism: Server
  /** The bare server replaying the walk's answers, where the API has a walk. */
  bareWalk?: Server
}

const rate = (o: LoadOutcome | undefined) => (o ? `${Math.round(o.iterationsPerS)}/s` : 'n/a')

/** The walk tallies of several runs added up. */
export function sumTallies(runs: readonly LoadOutcome[]): WalkTally {
  const total: WalkTally = { verified: 0, failed: 0, unexpected: 0, fallbacks: 0, reasons: {} }
  for (const w of runs.flatMap((o) => (o.walk ? [o.walk] : []))) {
    total.verified += w.verified
    total.failed += w.failed
    total.unexpected += w.unexpected
    total.fallbacks += w.fallbacks
    for (const [reason, n] of Object.entries(w.reasons)) total.reasons[reason] = (total.reasons[reason] ?? 0) + n
  }
  return total
}

/** A walk tally in words: how many iterations were verified, how many failed and the commonest reason. */
export function tallyText(t: WalkTally): string {
  const worst = Object.entries(t.reasons).sort((a, b) => b[1] - a[1])[0]
  return `${t.verified.toLocaleString('en-US')} verified, ${t.failed} failed${worst ? ` (most: ${worst[0]} ×${worst[1]})` : ''}, ${t.unexpected} unexpected statuses, ${t.fallbacks} fallbacks`
}

/**
 * Mock, bare and Prism, all already running (all pinned to the server CPU; the idle ones cost nothing), measured
 * in turn — mock, bare, Prism, mock, bare, Prism … — `config.rounds` times per scenario from one load process, so
 * slow drift of the machine (a shared VM's neighbours) hits all three alike; each keeps its median run. The sign-in
 * walk goes last (its apps, sessions and codes stay in the mock's store) and alternates mock and bare only.
 */
async function interleaved(config: BenchConfig, api: ApiName, servers: Servers, token: string, walk: CapturedWalk | undefined, log: (line: string) => void) {
  const { noFlow } = planFor(api).plan
  const scenarios = SCENARIOS.filter((s) => (s !== 'walk' || (walk && servers.bareWalk)) && (s !== 'flow' || !noFlow))
  if (noFlow) log(`${api} ${SCENARIO_TITLES.flow}: left out — ${noFlow}`)
  const urlOf = (scenario: LoadScenario, side: Side) => (scenario === 'walk' && side === 'bare' ? servers.bareWalk!.url : servers[side].url)
  const plan = scenarios.flatMap((scenario) =>
    Array.from({ length: config.rounds }, () =>
      sidesOf(scenario).map((side) => ({
        side,
        job: job(config, api, scenario, urlOf(scenario, side), scenario === 'walk' ? { captured: walk!.captured } : side === 'mock' ? { token } : {}),
      })),
    ).flat(),
  )
  const outcomes = await runLoads(
    plan.map((p) => p.job),
    `${api} mock+bare+prism`,
  )
  const result: Partial<Record<LoadScenario, Partial<Record<Side, LoadOutcome>>>> = {}
  const rounds: Partial<Record<LoadScenario, Partial<Record<Side, number>>[]>> = {}
  for (const scenario of scenarios) {
    const runsOf = (side: Side) => outcomes.filter((_, i) => plan[i]!.job.scenario === scenario && plan[i]!.side === side)
    const sides = sidesOf(scenario)
    result[scenario] = Object.fromEntries(sides.map((side) => [side, medianRun(runsOf(side))]))
    rounds[scenario] = runsOf('mock').map((_, i) => Object.fromEntries(sides.map((side) => [side, runsOf(side)[i]!.iterationsPerS])))
    const r = result[scenario]
    if (scenario === 'walk') {
      log(`${api} ${SCENARIO_TITLES.walk} (${planFor(api).plan.walk!.name}, ${walk!.steps.length} requests): mock ${rate(r.mock)}, bare ${rate(r.bare)}, Prism n/a (median of ${config.rounds})`)
      log(`${api} ${SCENARIO_TITLES.walk} iterations in all rounds: mock ${tallyText(sumTallies(runsOf('mock')))}; bare ${tallyText(sumTallies(runsOf('bare')))}`)
    } else log(`${api} ${SCENARIO_TITLES[scenario]}: mock ${rate(r.mock)}, bare ${rate(r.bare)}, Prism ${rate(r.prism)} (median of ${config.rounds})`)
  }
  const walkTotals = scenarios.includes('walk')
    ? { mock: sumTallies(outcomes.filter((_, i) => plan[i]!.job.scenario === 'walk' && plan[i]!.side === 'mock')), bare: sumTallies(outcomes.filter((_, i) => plan[i]!.job.scenario === 'walk' && plan[i]!.side === 'bare')) }
    : undefined
  return { scenarios, result, rounds, walkTotals }
}

export async function runLoadScenarios(config: BenchConfig, log: (line: string) => void): Promise<LoadResults> {
  const results: LoadResults = { scenarios: [], prismStartupMs: {} }
  for (const api of config.apis) {
    let walk: CapturedWalk | undefined
    const measured = await withServer(
      () => startMock(api),
      async (mockServer) => {
        const token = await issueAndCheck(api, mockServer.url)
        const canned = await captureResponses(api, mockServer.url, token)
        walk = await captureWalk(api, mockServer.url)
        const captured = walk
        return withServer(
          () => startBare(canned),
          (bareServer) =>
            withOptionalServer(
              captured ? () => startBare({ walk: captured.routes }) : undefined,
              (bareWalk) =>
                withServer(
                  () => startPrism(api),
                  (prismServer) => {
                    results.prismStartupMs[api] = prismServer.startupMs
                    return interleaved(config, api, { mock: mockServer, bare: bareServer, prism: prismServer, ...(bareWalk ? { bareWalk } : {}) }, token, captured, log)
                  },
                ),
            ),
        )
      },
    )
    for (const scenario of measured.scenarios) {
      const rounds = measured.rounds[scenario]!
      const sides = measured.result[scenario]!
      const ratio = (a: Side, b: Side) => median(rounds.map((r) => r[a]! / r[b]!))
      const hasPrism = sides.prism !== undefined
      const walkInfo = scenario === 'walk' && walk && measured.walkTotals ? walkInfoOf(api, walk, measured.walkTotals) : undefined
      results.scenarios.push({
        api,
        scenario,
        mock: sides.mock!,
        bare: sides.bare!,
        prism: sides.prism ?? null,
        vsBare: ratio('mock', 'bare'),
        vsPrism: hasPrism ? ratio('mock', 'prism') : null,
        bareVsPrism: hasPrism ? ratio('bare', 'prism') : null,
        rounds,
        ...(walkInfo ? { walk: walkInfo } : {}),
      })
    }
  }
  return results
}

function walkInfoOf(api: ApiName, walk: CapturedWalk, totals: WalkInfo['totals']): WalkInfo {
  const plan = planFor(api).plan.walk!
  return {
    name: plan.name,
    summary: plan.summary,
    steps: walk.steps.map((s) => ({ name: s.step.name, request: `${s.sent.method} ${s.sent.path.split('?')[0]}`, status: s.answer.status })),
    totals,
  }
}
