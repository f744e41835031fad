import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderChart } from './chart.ts'
import { runColdStart, type ColdStartResult } from './cold-start.ts'
import type { BenchConfig } from './config.ts'
import { renderMarkdown } from './render-markdown.ts'
import { buildReport, type BenchReport } from './report.ts'
import { runScale, type ScaleResult } from './scale.ts'
import { runLoadScenarios } from './scenarios.ts'
import { runSuiteSpeed, type SuiteSpeedResult } from './suite-speed.ts'
import { checkTargets, loadTargets } from './targets.ts'

/**
 * Runs every scenario the configuration asks for, in order (load, store size, cold start, suite speed),
 * and returns the report. Throws as soon as the benchmark itself breaks (a server that does not start,
 * a non-2xx response under load, a failing suite); the caller stops the children.
 */
export async function runBench(config: BenchConfig, log: (line: string) => void): Promise<BenchReport> {
  const load = await runLoadScenarios(config, log)
  // The ratio targets at once, per API, before the slower parts run (the report's table repeats them).
  for (const t of loadTargets(load.scenarios).filter((c) => !c.target.includes('Prism'))) log(`${t.api}: ${t.target}: ${t.actual} — ${t.met ? 'met' : 'NOT MET'}`)
  const scale: ScaleResult[] = []
  for (const api of config.apis) scale.push(await runScale(config, api, log))
  const cold: ColdStartResult[] = []
  for (const api of config.apis) cold.push(await runColdStart(api, config.coldStarts, log))
  let suite: SuiteSpeedResult | undefined
  if (config.suite !== 'off') {
    const apis = config.suite === 'all' ? config.apis : config.apis.slice(0, 1)
    suite = await runSuiteSpeed(apis, config.suite === 'all', config.quick ? 1 : 3, config.outDir, log)
  }
  const targets = checkTargets({ scenarios: load.scenarios, cold, scale, suite, apiCount: config.apis.length })
  return buildReport(config, { scenarios: load.scenarios, prismStartupMs: load.prismStartupMs, cold, scale, suite, targets })
}

/** Writes bench.json, bench.md and chart.svg to the output folder; returns the Markdown. */
export function writeReport(report: BenchReport, outDir: string): string {
  mkdirSync(outDir, { recursive: true })
  const markdown = renderMarkdown(report)
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(join(outDir, 'bench.md'), markdown)
  writeFileSync(join(outDir, 'chart.svg'), renderChart(report))
  return markdown
}
