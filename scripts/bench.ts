/**
 * npm run bench [-- --quick] [-- --api dadi] [-- --duration 5 --connections 32 --no-suite] [-- --serve]
 * Throughput and latency of each API's mock against bare node:http and Prism, cold start, store size and
 * suite speed; prints the table and writes reports/bench/{bench.json,bench.md,chart.svg}.
 * Exits 0 even when targets are not met (they print as NOT MET); 1 when the benchmark itself broke.
 * `--serve` only starts the three servers per API and prints their URLs and requests, for another load generator.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { implementedApis, type ApiName } from '../mocks/registry.ts'
import { killAllNow, stopAll } from '../bench/children.ts'
import { benchConfig } from '../bench/config.ts'
import { runBench, writeReport } from '../bench/run.ts'
import { serveForComparison } from '../bench/serve.ts'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    api: { type: 'string', multiple: true },
    duration: { type: 'string' },
    connections: { type: 'string' },
    'no-suite': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
})

const known = implementedApis()
const apis = (values.api ?? known) as ApiName[]
const unknown = apis.filter((api) => !known.includes(api))
if (unknown.length) {
  console.error(`[authconform] no mock for ${unknown.join(', ')}; implemented: ${known.join(', ')}`)
  process.exit(1)
}

const config = benchConfig(apis, values.quick!, {
  outDir: join(import.meta.dirname, '..', 'reports', 'bench'),
  ...(values.duration ? { durationS: Number(values.duration) } : {}),
  ...(values.connections ? { connections: Number(values.connections) } : {}),
  ...(values['no-suite'] ? { suite: 'off' as const } : {}),
})

process.on('exit', killAllNow)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)))
}

const log = (line: string) => console.log(`[authconform] ${line}`)
const since = performance.now()
try {
  if (values.serve) await serveForComparison(apis, log)
  log(`benchmark (${config.quick ? 'quick' : 'full'}) of ${apis.join(', ')}: ${config.durationS} s per load run, ${config.connections} connections`)
  const report = await runBench(config, log)
  console.log(`\n${writeReport(report, config.outDir)}`)
  const missed = report.targets.filter((t) => !t.met).length
  log(`${report.targets.length - missed} of ${report.targets.length} targets met${missed ? ` (${missed} NOT MET)` : ''}; took ${((performance.now() - since) / 1000).toFixed(0)} s`)
  log(`report: ${join('reports', 'bench', 'bench.md')} (also bench.json, chart.svg)`)
} catch (error) {
  console.error(`[authconform] benchmark broke: ${(error instanceof Error ? error.message : String(error)).replace(/^\[authconform\] /, '')}`)
  process.exitCode = 1
} finally {
  await stopAll()
}
