import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter'
import { knownIds, loadCatalogue } from '../catalogue.ts'
import { EVIDENCE_ATTACHMENT, type Evidence } from '../evidence/exchange.ts'
import { ACCESS_ATTACHMENT, type AccessEvidence } from '../access/table.ts'
import { CHECKED_TO_END, judgeFailure } from '../requirements.ts'
import { profileIn } from '../projects.ts'
import { DECLARED_AT } from '../mutants/sweep.ts'
import { apiOf } from '../suite-file.ts'
import { implementedApis } from '../../mocks/apis.ts'
import { preflightFailures } from '../preflight/run.ts'
import { resolveTarget } from '../targets.ts'
import { causesOf } from './causes.ts'
import { printReport } from './console.ts'
import { buildReport, type TestRecord } from './model.ts'
import { runInfo } from './run-info.ts'
import { failuresExcused, verdictOf } from './verdict.ts'
import { applyWaivers, loadWaivers } from './waivers.ts'
import { writeReport } from './write.ts'

const ANSI = /\u001b\[[0-9;]*m/g

/**
 * Playwright reporter that writes `conformance.json` (canonical), `conformance.md` and `index.html` into
 * `outputDir`, and fails the run when the catalogue and the tests disagree or a requirement is untested.
 */
/** An attachment's content: inline in a live run, a file when merged from blob reports (shards). */
function bodyOf(attachment: TestResult['attachments'][number] | undefined): Buffer | undefined {
  return attachment?.body ?? (attachment?.path ? readFileSync(attachment.path) : undefined)
}

/**
 * Whether the command line selects part of the suites' tests: a grep, or a path narrower than an API's folder
 * (`suites/dadi` runs all of DADI; `suites/dadi/token.spec.ts` part of it).
 */
export function filteredRun(argv: readonly string[]): boolean {
  if (argv.some((a) => /^(-g|--grep|--grep-invert|--last-failed|--only-changed)(=|$)/.test(a))) return true
  const positional = argv.filter((a, i) => !a.startsWith('-') && !/^(-g|--grep|--grep-invert|-c|--config|--project|--reporter|--workers|-j|--shard|--output|--repeat-each|--retries|--timeout|--max-failures|-x)$/.test(argv[i - 1] ?? '') && a !== 'test')
  return positional.some((a) => !/^(\.\/)?suites\/[a-z0-9-]+\/?$/.test(a))
}

/** Where a swept test was declared (its Playwright location is the sweep's wrapper, harness/mutants/sweep.ts). */
function declaredAt(test: TestCase, root: string): string | undefined {
  const at = test.annotations.find((a) => a.type === DECLARED_AT)?.description
  return at ? relative(root, at) : undefined
}

export default class ConformanceReporter implements Reporter {
  readonly #outputDir: string
  readonly #target: string
  #root = process.cwd()
  /** The run selects part of an API's tests (a grep, a file): requirements no selected test names were not asked for. */
  #filtered = false
  #shard: { current: number; total: number } | null = null
  #suite: Suite | undefined
  readonly #records = new Map<string, TestRecord>()

  readonly #merged: { filtered: boolean } | undefined

  /** `merged`: replayed from shards' blob reports by `npm run report -- merge` (whose own argv says nothing). */
  constructor(options: { outputDir: string; target: string; merged?: { filtered: boolean } }) {
    this.#outputDir = options.outputDir
    this.#target = options.target
    this.#merged = options.merged
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#root = config.rootDir
    this.#shard = config.shard
    // A shard runs part of the tests: what the other shards check is theirs, not untested here.
    this.#filtered = this.#merged ? this.#merged.filtered : filteredRun(process.argv.slice(2)) || config.shard !== null
    this.#suite = suite
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const api = apiOf(test)
    if (!api) return
    const attached = bodyOf(result.attachments.find((a) => a.name === EVIDENCE_ATTACHMENT))
    const evidence: Evidence = attached ? JSON.parse(attached.toString('utf8')) : { checked: { own: 0, upstream: 0 }, searched: 0, exchanges: [] }
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip')
    const errors = result.errors.map((e) => (e.message ?? e.value ?? '').replace(ANSI, ''))
    const access = bodyOf(result.attachments.find((a) => a.name === ACCESS_ATTACHMENT))
    const table = access ? (JSON.parse(access.toString('utf8')) as AccessEvidence) : undefined
    const tagged = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')
    // A column of an access table checked the requirements of its cells in this profile, not every one it is tagged with.
    const requirements = table ? tagged.filter((id) => table.cells.some((c) => (c.requirement === id || c.held === id) && c.verdict !== 'n/a')) : tagged
    // A requirement whose every cell here the target could not give (a collection, an account it does not name) is
    // skipped with that reason, not left "not tested".
    if (table) this.#skippedCells(test, api, tagged.filter((id) => !requirements.includes(id)), table)
    const failed = result.status !== 'passed' && result.status !== 'skipped'
    const toEnd = result.annotations.some((a) => a.type === CHECKED_TO_END)
    const verdict = failed ? judgeFailure(errors, requirements, knownIds(api), { checkedToEnd: toEnd }) : undefined
    const profile = profileIn(test.parent.project()?.metadata, api) ?? ''
    this.#records.set(test.id, {
      api,
      profile,
      title: test.titlePath().slice(3).join(' › '),
      location: declaredAt(test, this.#root) ?? `${relative(this.#root, test.location.file)}:${test.location.line}`,
      requirements,
      status: verdict ? (verdict.failed.length ? 'failed' : 'blocked') : result.status === 'skipped' ? 'skipped' : 'passed',
      ...(result.status === 'skipped' ? { skipReason: skip?.description ?? 'skipped' } : {}),
      ...(verdict?.failed.length ? { failed: verdict.failed } : {}),
      ...(verdict?.blocked.length ? { blocked: verdict.blocked } : {}),
      ...(verdict?.blockedBy.length ? { blockedBy: verdict.blockedBy } : {}),
      ...(verdict?.failedFor.length ? { failedFor: verdict.failedFor } : {}),
      errors,
      checked: evidence.checked,
      searched: evidence.searched,
      exchanges: evidence.exchanges,
      ...(table ? { access: table } : {}),
    })
  }

  #skippedCells(test: TestCase, api: string, ids: string[], table: AccessEvidence): void {
    for (const id of ids) {
      const reasons = [...new Set(table.cells.filter((c) => c.requirement === id && c.verdict === 'n/a' && c.reason).map((c) => c.reason!))]
      if (!reasons.length) continue
      this.#records.set(`${test.id}#${id}`, {
        api,
        profile: profileIn(test.parent.project()?.metadata, api) ?? '',
        title: `${test.titlePath().slice(3).join(' › ')} (${id})`,
        location: declaredAt(test, this.#root) ?? `${relative(this.#root, test.location.file)}:${test.location.line}`,
        requirements: [id],
        status: 'skipped',
        skipReason: reasons.join('; '),
        errors: [],
        checked: { own: 0, upstream: 0 },
        searched: 0,
        exchanges: [],
      })
    }
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | void> {
    // Nothing ran (`--list`, or the run stopped before its first test): no report to write.
    if (this.#records.size === 0) return
    // The APIs and profiles this run covered: every pair with a test in it (all of them, or those of the paths given).
    const pairs = new Map<string, { catalogue: ReturnType<typeof loadCatalogue>; profile: string }>()
    for (const test of this.#suite?.allTests() ?? []) {
      const api = apiOf(test)
      if (!api) continue
      const profile = profileIn(test.parent.project()?.metadata, api) ?? ''
      if (!pairs.has(`${api} ${profile}`)) pairs.set(`${api} ${profile}`, { catalogue: loadCatalogue(api), profile })
    }
    const apis = resolveTarget(this.#target)
    const report = buildReport(this.#target, [...pairs.values()], [...this.#records.values()], { filtered: this.#filtered, failOn: apis[0]?.failOn, preflight: preflightFailures() })
    const apiOfRequirement = (id: string) => implementedApis().find((api) => knownIds(api).has(id))
    const stale = applyWaivers(report, loadWaivers(this.#target), new Date().toISOString().slice(0, 10), apiOfRequirement)
    if (stale.length && !this.#filtered) report.staleWaivers = stale
    report.causes = causesOf(report.apis)
    report.run = runInfo({ startedAt: result.startTime, apis, covered: [...pairs.values()].map((p) => ({ api: p.catalogue.api, profile: p.profile })), shard: this.#shard, filtered: this.#filtered })
    writeReport(this.#outputDir, report)
    const verdict = verdictOf(report)
    printReport(report, verdict, relative(process.cwd(), join(this.#outputDir, 'index.html')))
    if (verdict.defective && result.status === 'passed') return { status: 'failed' }
    // Every failed test failed on a declared deviation or a level this target only warns on: the run passes.
    if (!verdict.defective && result.status === 'failed' && failuresExcused(this.#records.values(), report)) return { status: 'passed' }
  }

  printsToStdio(): boolean {
    return false
  }
}
