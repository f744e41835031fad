import type { LoadOutcome } from './load-types.ts'
import type { BenchReport } from './report.ts'
import { PRISM_CANNOT_WALK, SCENARIO_TITLES, tallyText, type ScenarioResult } from './scenarios.ts'

const int = (n: number): string => Math.round(n).toLocaleString('en-US')
/** autocannon's percentiles are whole milliseconds: 0 means under 1 ms. */
const msOf = (n: number): string => (!Number.isFinite(n) ? '–' : n === 0 ? '<1' : `${n}`)
const mean = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–')

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

function loadRow(api: string, scenario: string, server: string, o: LoadOutcome, vsBare: string, vsPrism: string): string[] {
  const l = o.latencyMs
  return [api, scenario, server, int(o.iterationsPerS), int(o.rps), mean(l.mean), msOf(l.p50), msOf(l.p90), msOf(l.p99), msOf(l.max), vsBare, vsPrism]
}

const titleOf = (s: ScenarioResult) => (s.walk ? `${SCENARIO_TITLES[s.scenario]}: ${s.walk.name} (${s.walk.steps.length} requests)` : SCENARIO_TITLES[s.scenario])

function throughputTable(report: BenchReport): string {
  const rows = report.scenarios.flatMap((s) => [
    loadRow(s.api, titleOf(s), '**mock**', s.mock, `**${s.vsBare.toFixed(2)}×**`, s.vsPrism === null ? 'n/a' : `**${s.vsPrism.toFixed(1)}×**`),
    loadRow('', '', 'bare node:http', s.bare, '1×', s.bareVsPrism === null ? 'n/a' : `(${s.bareVsPrism.toFixed(1)}×)`),
    s.prism ? loadRow('', '', 'Prism 5.14.2', s.prism, '', '1×') : ['', '', 'Prism 5.14.2', 'n/a', 'n/a', '', '', '', '', '', '', 'n/a'],
  ])
  return table(['API', 'scenario', 'server', 'iter/s', 'req/s', 'mean ms', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'mock / bare', 'mock / Prism'], rows)
}

function walkSection(report: BenchReport): string {
  const walks = report.scenarios.filter((s) => s.walk)
  if (!walks.length) return '_No API in this run has a sign-in walk (bench plans with `walk`: Frame.io, GoToSocial)._'
  const parts = [
    "Each iteration is a fresh browser (its own cookie jar) going through the whole flow on one connection; autocannon's request sequence carries the cookies, pages' values, code and token from step to step. Only iterations that end in a 200 with the user's own data count as iterations; the bare server replays the mock's answers for each step, recorded in one walk before the load.",
    '',
    `Prism 5.14.2: ${PRISM_CANNOT_WALK}.`,
  ]
  for (const s of walks) {
    const w = s.walk!
    parts.push(
      '',
      `**${s.api} — ${w.name}**: ${w.summary}. Mock ${int(s.mock.iterationsPerS)} walks/s, bare ${int(s.bare.iterationsPerS)} walks/s: **${s.vsBare.toFixed(2)}× bare**.`,
      '',
      table(
        ['#', 'step', 'request', 'mock answered'],
        w.steps.map((step, i) => [String(i + 1), step.name, `\`${step.request}\``, String(step.status)]),
      ),
      '',
      `Iterations in all ${s.rounds.length} measured rounds — mock: ${tallyText(w.totals.mock)}; bare: ${tallyText(w.totals.bare)}.`,
    )
  }
  return parts.join('\n')
}

function coldTable(report: BenchReport): string {
  const runs = (list: readonly number[]) => list.map((m) => Math.round(m)).join(', ')
  const rows = report.cold.flatMap((c) => [
    [c.api, '`node scripts/start-mock.mjs` (npm run mock)', c.route, `**${Math.round(c.medianMs)} ms**`, runs(c.runsMs)],
    ['', 'bare node:http in `node -e` (the floor, in turn)', 'GET /', `${Math.round(c.node.medianMs)} ms`, runs(c.node.runsMs)],
  ])
  for (const [api, ms] of Object.entries(report.prismStartupMs)) rows.push([api, 'Prism (for reference)', 'first answer', `${Math.round(ms!)} ms`, '1 run'])
  return table(['API', 'process', 'until', 'median', 'runs (ms)'], rows)
}

function scaleTable(report: BenchReport): string {
  const rows = report.scale.flatMap((s) => [
    [s.api, int(s.tokens.small), int(s.small.load.rps), msOf(s.small.load.latencyMs.p99), s.small.rssMb.toFixed(0), ''],
    ['', int(s.tokens.large), int(s.large.load.rps), msOf(s.large.load.latencyMs.p99), s.large.rssMb.toFixed(0), `${(s.ratio * 100).toFixed(0)} % of 1 token (measured ${(s.rawRatio * 100).toFixed(0)} %, the two processes alike ${(s.processRatio * 100).toFixed(0)} %); preload ${(s.large.preloadMs / 1000).toFixed(1)} s`],
  ])
  return table(['API', 'live tokens', 'GET req/s', 'p99 ms', 'RSS MB', ''], rows)
}

function suiteTable(report: BenchReport): string {
  const s = report.suite
  if (!s) return '_Not measured in this run (quick mode skips it, or --no-suite)._'
  const rows = [['Playwright start-up: two empty tests on two workers', `${int(s.startupMs)} ms`, '']]
  for (const p of s.perApi) rows.push([`\`npx playwright test suites/${p.api}/\``, `${int(p.ms)} ms`, `${int(p.netMs)} ms`])
  if (s.allMs !== undefined) rows.push(['`npx playwright test` (all APIs)', `${int(s.allMs)} ms`, `${int(s.allMs - s.startupMs)} ms`])
  return `${table(['run', `wall (median of ${s.runs})`, 'net of start-up'], rows)}`
}

function targetsTable(report: BenchReport): string {
  return table(
    ['target', 'API', 'this run', ''],
    report.targets.map((t) => [t.target, t.api, t.actual, t.met ? 'met' : '**NOT MET**']),
  )
}

/** The whole report as Markdown: what bench.md holds and what the command prints. */
export function renderMarkdown(report: BenchReport): string {
  const e = report.environment
  const met = report.targets.filter((t) => t.met).length
  return [
    '# authconform benchmark',
    '',
    `${report.generatedAt} · Node ${e.node} · ${e.cpus} CPU (${e.cpuModel}) · ${report.config.quick ? '**quick** mode' : 'full run'} · APIs: ${report.config.apis.join(', ')}`,
    '',
    `NODE_EXTRA_CA_CERTS: ${e.nodeExtraCaCerts}.`,
    '',
    `**Targets: ${met} of ${report.targets.length} met.**`,
    '',
    '## Throughput and latency',
    '',
    throughputTable(report),
    '',
    '## Sign-in walks',
    '',
    walkSection(report),
    '',
    '## Cold start',
    '',
    coldTable(report),
    '',
    '## Store size (token-checked GET)',
    '',
    scaleTable(report),
    '',
    '## Suite speed',
    '',
    suiteTable(report),
    '',
    '## Targets',
    '',
    targetsTable(report),
    '',
    '## How this was measured',
    '',
    ...Object.entries(report.method).map(([k, v]) => `- **${k}**: ${v}`),
    '',
  ].join('\n')
}
