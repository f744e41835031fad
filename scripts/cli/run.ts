import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { preflight, PREFLIGHT_ENV, preflightLines } from '../../harness/preflight/run.ts'
import { writePreflightReport } from '../../harness/report/preflight-report.ts'
import { BUILTIN_TARGETS, loadTargets, missingMessage, missingVariables, reportDir, resolveTargetFrom } from '../../harness/targets.ts'
import { EXIT, findTargetsFile, listOf, ownConfig, playwrightCli, runNode, UsageError } from './common.ts'
import { dryRun } from './dry-run.ts'
import { select } from './select.ts'

export const RUN_HELP = `npx authconform run [options] [-- playwright options]

Runs the suites against a target of your targets file and writes reports/<target>/ (index.html,
conformance.md, conformance.json, junit.xml).

  -t, --target NAME        the target to run (default: the only one your file defines, else TARGET, else mock)
      --targets FILE       the targets file (default ./authconform.targets.yaml; without one: mock and env)
      --waivers DIR        declared deviations, DIR/<target>.yaml (default ./waivers)
      --api NAME           only these APIs (repeat, or dadi,exceptionless)
  -r, --requirement ID     only the tests of these requirements (repeat or comma-separate)
      --level LEVEL        only requirements of these levels: MUST, SHOULD, MAY, QUIRK
      --tag TAG            only requirements with this tag (catalogue tags, doc, upstream, rfc, harness) or tests tagged browser
      --shard I/N          run shard I of N (each also writes a blob report for \`authconform report merge\`)
      --workers N          Playwright workers (default: half the cores, at least 2)
      --rate-limit N       requests per second to each real API's server (default: the target's, else 10; 0: none)
      --max-concurrent N   requests in flight to each real API's server (default: the target's, else 4; 0: none)
      --report-dir DIR     where the report goes (default reports/<target>)
      --dry-run            list what would run and what would be skipped, and why; run nothing
  -h, --help

Before any test: every required variable that is not set is named at once (exit 2); each real API is
checked in seconds — up, trusted TLS, the API at that URL, credentials accepted — and one that fails is
reported blocked with the reason (exit 3 when every API fails). Exit: 0 passed, 1 conformance failures,
2 usage or configuration error, 3 no API reachable (preflight failed).`

const OPTIONS = {
  target: { type: 'string', short: 't' },
  targets: { type: 'string' },
  waivers: { type: 'string' },
  api: { type: 'string', multiple: true },
  requirement: { type: 'string', short: 'r', multiple: true },
  level: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  shard: { type: 'string' },
  workers: { type: 'string' },
  'rate-limit': { type: 'string' },
  'max-concurrent': { type: 'string' },
  'report-dir': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

/** `authconform run`: checks the configuration, runs the preflight, then Playwright with the package's config. */
export async function run(argv: readonly string[]): Promise<number> {
  const cut = argv.indexOf('--')
  const [own, passthrough] = cut < 0 ? [argv, []] : [argv.slice(0, cut), argv.slice(cut + 1)]
  const { values } = parseArgs({ args: [...own], options: OPTIONS, strict: true, allowPositionals: false })
  if (values.help) {
    console.log(RUN_HELP)
    return EXIT.passed
  }
  for (const [flag, value] of [['--workers', values.workers], ['--rate-limit', values['rate-limit']], ['--max-concurrent', values['max-concurrent']]] as const) {
    if (value !== undefined && !/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`${flag} ${value}: a number, please`)
  }
  if (values.shard !== undefined && !/^\d+\/\d+$/.test(values.shard)) throw new UsageError(`--shard ${values.shard}: give it as I/N, e.g. 1/3`)

  const file = findTargetsFile(values.targets)
  if (file) process.env.AUTHCONFORM_TARGETS = file
  const defined = Object.keys(loadTargets()).filter((t) => t !== 'mock' && t !== 'env')
  const target = values.target ?? process.env.TARGET ?? (file && file !== BUILTIN_TARGETS && defined.length === 1 ? defined[0]! : 'mock')
  const selection = select({ api: listOf(values.api), requirement: listOf(values.requirement), level: listOf(values.level), tag: listOf(values.tag) })

  const env = process.env
  Object.assign(env, {
    TARGET: target,
    AUTHCONFORM_WAIVERS: resolve(values.waivers ?? env.AUTHCONFORM_WAIVERS ?? 'waivers'),
    AUTHCONFORM_REPORT_DIR: resolve(values['report-dir'] ?? env.AUTHCONFORM_REPORT_DIR ?? join('reports', target)),
    AUTHCONFORM_BLOB_DIR: resolve(env.AUTHCONFORM_BLOB_DIR ?? 'blob-report'),
  })
  // Playwright empties its output folder at the start: ours, never one the user's own Playwright may use.
  env.AUTHCONFORM_OUTPUT_DIR = resolve(env.AUTHCONFORM_OUTPUT_DIR ?? join(env.AUTHCONFORM_REPORT_DIR!, '.playwright'))
  if (values.workers) env.AUTHCONFORM_WORKERS = values.workers
  if (values['rate-limit']) env.AUTHCONFORM_RATE_LIMIT = values['rate-limit']
  if (values['max-concurrent']) env.AUTHCONFORM_MAX_CONCURRENT = values['max-concurrent']
  if (selection.apis.length < (await import('../../mocks/apis.ts')).implementedApis().length) env.AUTHCONFORM_APIS = selection.apis.join(',')
  else delete env.AUTHCONFORM_APIS

  let apis
  try {
    apis = resolveTargetFrom(target, env)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const missing = missingVariables(apis, env)
  if (missing.length) throw new UsageError(`${missingMessage(target, missing)}\n(set them in the environment — in CI, from the repository's secrets — or give them \`default: ''\` in the targets file to make them optional)`)
  const runnable = apis.filter((a) => !a.skip)
  if (!runnable.length) throw new UsageError(`nothing to run on target "${target}":\n${apis.map((a) => `  ${a.api}: ${a.skip}`).join('\n')}`)
  if (values['dry-run']) return dryRun({ target, apis, selection, config: ownConfig(), passthrough })

  const startedAt = new Date()
  const outcomes = await preflight(runnable)
  for (const line of preflightLines(outcomes)) console.log(line)
  env[PREFLIGHT_ENV] = JSON.stringify(outcomes)
  // A shard's blob folder carries the preflight too, so that the merged report says what stopped an API (written
  // after Playwright, whose blob reporter empties the folder when it starts).
  const keepPreflight = () => {
    if (!values.shard || outcomes.every((o) => o.ok)) return
    mkdirSync(env.AUTHCONFORM_BLOB_DIR!, { recursive: true })
    writeFileSync(join(env.AUTHCONFORM_BLOB_DIR!, 'authconform-preflight.json'), JSON.stringify(outcomes))
  }
  if (outcomes.length === runnable.length && outcomes.length > 0 && outcomes.every((o) => !o.ok)) {
    keepPreflight()
    writePreflightReport(target, apis, outcomes, reportDir(target), startedAt)
    console.error(`[authconform] no API of target "${target}" could be reached as configured; no test ran (exit ${EXIT.unreachable})`)
    return EXIT.unreachable
  }
  const args = [playwrightCli(), 'test', '--config', ownConfig(), ...(selection.grep ? ['--grep', selection.grep] : []), ...(values.shard ? [`--shard=${values.shard}`] : []), ...passthrough]
  const status = await runNode(args, env)
  keepPreflight()
  return status === 0 ? EXIT.passed : status === 1 ? EXIT.failed : status
}
