import { pinning } from './children.ts'
import { cpus } from 'node:os'
import type { ApiName } from '../mocks/registry.ts'
import type { ColdStartResult } from './cold-start.ts'
import type { BenchConfig } from './config.ts'
import { planFor } from './plans.ts'
import type { ScaleResult } from './scale.ts'
import type { ScenarioResult } from './scenarios.ts'
import type { SuiteSpeedResult } from './suite-speed.ts'
import type { TargetCheck } from './targets.ts'

/** Everything one benchmark run measured: what reports/bench/bench.json holds. */
export interface BenchReport {
  generatedAt: string
  environment: { node: string; platform: string; cpus: number; cpuModel: string; nodeExtraCaCerts: string }
  config: Omit<BenchConfig, 'outDir'>
  method: Record<string, string>
  scenarios: ScenarioResult[]
  prismStartupMs: Partial<Record<ApiName, number>>
  cold: ColdStartResult[]
  scale: ScaleResult[]
  suite?: SuiteSpeedResult
  targets: TargetCheck[]
}

/** How each number was measured, so the report explains itself. */
export function methodNotes(config: BenchConfig): Record<string, string> {
  return {
    cpus: pinning,
    load: `autocannon 9 in its own process: ${config.connections} connections, pipelining 1, ${config.warmupS} s warm-up then ${config.durationS} s measured per run; mock, bare and Prism take turns ${config.rounds}× per scenario (so drift of the machine hits all three alike) and each keeps its median run; any non-2xx, error or timeout fails the run (the sign-in walk: see walk)`,
    throughput: "iterations per second (a flow iteration is the token request plus the token-checked GET; a walk iteration the whole sign-in walk, verified), each side's median run; a ratio is the median of the rounds' own ratios (mock, bare and Prism of one round run back to back, so drift between rounds does not tilt it), and bench.json keeps every round",
    walk: "the sign-in walk, for APIs whose bench plan has one (bench/walks.ts): every iteration a fresh browser on one autocannon connection (its own cookie jar and values in autocannon's per-connection context, reset when the sequence starts again) going through the whole flow — pages, forms, session cookie, CSRF token, redirects, the code, the token exchange, the first GET as the user; an iteration counts only when every step answered its expected status, every value was read off its answer and the last answer is a 200 with the user's own data (the others are counted and printed, and a run with no verified iteration, an error or a timeout fails); the bare side is a second bare node:http process replaying the mock's answer to each step (cookies, Location, pages), recorded in one walk before the load, by method, path and whether a query follows; mock and bare alternate, Prism is not applicable",
    latency: 'per HTTP request, from autocannon over the measured run: mean, and percentiles in whole milliseconds (<1 = under 1 ms)',
    mock: 'node scripts/start-mock.mjs --control (what npm run mock and the suites start: scripts/mock.ts bundled by esbuild), one process per API for the three scenarios (GET, then issue, then flow), one token issued before the load',
    bare: 'plain node:http on the same machine replaying the mock\'s own responses for this API (status, headers, body captured before the load) behind a trivial Authorization check; POST drains the body and answers the captured token response',
    prism: "@stoplight/prism-cli 5.14.2 `prism mock openapi/<api>.yaml` (accepts any Bearer); the flow uses the token from Prism's example when it has the API's shape; not applicable to the sign-in walk (no pages, sessions or codes)",
    coldStart: 'spawn of a fresh `node scripts/start-mock.mjs` process (bundle already built by one unmeasured start) until GET /__mock/health first answers 200, polled every 2 ms, in turn with a bare node:http server in a fresh `node -e` process (the floor); median of the runs',
    scale: `the token-checked GET on two mock processes, one with 1 live token, one preloaded (POST /__mock/preload) to ${config.scaleTokens.toLocaleString('en-US')}, measured in turn ${config.rounds}× after a warm-up of each, median runs and the median of the rounds' own ratios, divided by the same ratio measured before the preload with one token in each (two node processes here were seen to differ on their own by up to 15 % across a run); RSS is VmRSS from /proc/<pid>/status after the loads`,
    ...Object.fromEntries(config.apis.flatMap((api) => (planFor(api).plan.noFlow ? [[`flow (${api})`, `left out: ${planFor(api).plan.noFlow}`]] : []))),
    suite: 'wall time of `npx playwright test` against the embedded mock (own ports and output folder), per API with its suites/<api>/ path; net = minus Playwright’s own start-up (`npx playwright test -c bench/playwright-floor/playwright.config.ts`: runner and two workers, two empty tests); start-up, each API and the whole run take turns, and each keeps its median',
  }
}

/** The report's envelope around the measured parts. */
export function buildReport(config: BenchConfig, parts: Omit<BenchReport, 'generatedAt' | 'environment' | 'config' | 'method'>): BenchReport {
  const { outDir: _outDir, ...shown } = config
  return {
    generatedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      // Node reads and parses this bundle of certificates at every process start (tens of ms on a slow machine).
      nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ? `set (${process.env.NODE_EXTRA_CA_CERTS}): every node process parses it at start-up` : 'unset',
    },
    config: shown,
    method: methodNotes(config),
    ...parts,
  }
}
