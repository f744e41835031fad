/**
 * npm run report -- <command>   (installed: npx authconform report <command>)
 *
 *   merge <blob folder> [--target T] [--out DIR] [--filtered]
 *       One report from the blob reports of a sharded run (`npm run conformance -- --shard=i/n` on each machine,
 *       blobs gathered in one folder): equal to the unsharded run's. --filtered when the shards ran a grep or a file.
 *   compare [report …] [--out DIR]
 *       Several reports side by side (a report folder or its conformance.json; by default every report under
 *       reports/): reports/compare/index.html and compare.md — per API a column per target and profile, the
 *       requirements any of them fails, blocks or waives first.
 *   render <report folder>
 *       Renders conformance.json again (HTML, Markdown, JUnit), checking it against the schema.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { EXT } from '../harness/paths.ts'
import { PREFLIGHT_ENV, type PreflightOutcome } from '../harness/preflight/run.ts'
import { compareReports } from '../harness/report/compare.ts'
import { writePreflightReport } from '../harness/report/preflight-report.ts'
import { renderCompareHtml, renderCompareMarkdown } from '../harness/report/render-compare.ts'
import { parseReport } from '../harness/report/schema.ts'
import { verdictOf } from '../harness/report/verdict.ts'
import { writeReport } from '../harness/report/write.ts'

const ROOT = join(import.meta.dirname, '..')
export const REPORT_HELP = `npx authconform report <command>   (in this repository: npm run report -- <command>)

  merge <blob folder> [--target T] [--out DIR] [--filtered]
      one report from the blob reports of a sharded run (each shard: authconform run --shard I/N); exits as
      the whole run would (0 passed, 1 failed, 3 no API passed its preflight)
  compare [report …] [--out DIR]
      reports side by side (default: every report under ./reports) → reports/compare/index.html, compare.md
  render <report folder>
      renders conformance.json again (HTML, Markdown, JUnit), checking it against the schema`

const fail = (message: string): never => {
  console.error(`[authconform] ${message}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { target: { type: 'string' }, out: { type: 'string' }, filtered: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  })
} catch (error) {
  fail(`${(error as Error).message}\n\n${REPORT_HELP}`)
}
const { values, positionals } = parsed!
const [command, ...args] = positionals
if (values.help) {
  console.log(REPORT_HELP)
  process.exit(0)
}

function readReport(path: string) {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'conformance.json') : path
  if (!existsSync(file)) fail(`${path}: no conformance.json there — run the suites first (npm run conformance)`)
  try {
    return { file, report: parseReport(JSON.parse(readFileSync(file, 'utf8')), file) }
  } catch (error) {
    // An older or foreign file: say which and why, then stop (no stack).
    return fail(`${(error as Error).message.replace(/^\[authconform\] /, '')}\n(run its suites again to write a current report)`)
  }
}

switch (command) {
  case 'merge': {
    const blobs = args[0] ?? fail('merge needs the folder holding the shards\' blob reports (report-*.zip)')
    const target = values.target ?? process.env.TARGET ?? 'mock'
    const out = resolve(values.out ?? join('reports', target))
    // The shards' preflight, when an API failed it (each shard writes the same file; any one will do).
    const preflightFile = join(blobs, 'authconform-preflight.json')
    const outcomes = existsSync(preflightFile) ? (JSON.parse(readFileSync(preflightFile, 'utf8')) as PreflightOutcome[]) : undefined
    if (!existsSync(blobs) || !readdirSync(blobs).some((f) => f.endsWith('.zip'))) {
      if (!outcomes) fail(`${blobs}: no blob reports (report-*.zip) in it`)
      // No shard ran a test: every API failed its preflight. The report says why, as each shard did.
      writePreflightReport(target, [], outcomes!, out, new Date())
      process.exit(3)
    }
    const run = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('@playwright/test/cli'), 'merge-reports', '--config', join(ROOT, 'harness', 'report', `merge.config${EXT}`), resolve(blobs)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TARGET: target, AUTHCONFORM_REPORT_DIR: out, AUTHCONFORM_FILTERED: values.filtered ? '1' : '0', ...(outcomes ? { [PREFLIGHT_ENV]: JSON.stringify(outcomes) } : {}) },
    })
    if (run.status !== 0) process.exit(run.status ?? 1)
    // merge-reports exits 0 whatever its reporters concluded: the merged report's own verdict is the exit status.
    process.exit(verdictOf(readReport(out).report).defective ? 1 : 0)
  }
  case 'compare': {
    const paths = args.length ? args : existsSync('reports') ? readdirSync('reports').map((d) => resolve('reports', d)).filter((d) => existsSync(join(d, 'conformance.json'))) : []
    if (paths.length < 2) fail(`compare needs two reports or more (found ${paths.length}); name their folders`)
    const reports = paths.map((p) => {
      const { file, report } = readReport(p)
      return { label: report.target === basename(dirname(file)) ? report.target : `${report.target} (${relative(process.cwd(), dirname(file))})`, report }
    })
    const out = resolve(values.out ?? join('reports', 'compare'))
    const compared = compareReports(reports)
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'compare.json'), `${JSON.stringify(compared, null, 2)}\n`)
    writeFileSync(join(out, 'compare.md'), renderCompareMarkdown(compared))
    writeFileSync(join(out, 'index.html'), renderCompareHtml(compared))
    for (const api of compared) console.log(`${api.title}: ${api.rows.filter((r) => r.todo).length} of ${api.rows.length} requirements to do across ${api.columns.map((c) => `${c.label}·${c.profile}`).join(', ')}`)
    console.log(`[authconform] compared ${reports.length} reports: ${relative(process.cwd(), join(out, 'index.html'))}`)
    break
  }
  case 'render': {
    const dir = args[0] ?? fail('render needs a report folder')
    const { report } = readReport(dir)
    writeReport(existsSync(dir) && statSync(dir).isDirectory() ? dir : dirname(dir), report)
    console.log(`[authconform] rendered ${relative(process.cwd(), join(dir, 'index.html'))}`)
    break
  }
  default:
    fail(`${command ? `unknown report command "${command}"` : 'which report command?'}\n\n${REPORT_HELP}`)
}
