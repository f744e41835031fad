import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter'
import { knownIds, loadCatalogue } from '../catalogue.ts'
import { EVIDENCE_ATTACHMENT, type Evidence } from '../evidence/exchange.ts'
import { ACCESS_ATTACHMENT, type AccessEvidence } from '../access/table.ts'
import { CHECKED_TO_END, judgeFailure } from '../requirements.ts'
import { profileIn } from '../projects.ts'
import { apiOf } from '../suite-file.ts'
import { buildReport, type TestRecord } from './model.ts'
import { applyWaivers, loadWaivers } from './waivers.ts'
import { renderHtml } from './render-html.ts'
import { renderMarkdown } from './render-markdown.ts'

const ANSI = /\u001b\[[0-9;]*m/g

/**
 * Playwright reporter that writes `conformance.json` (canonical), `conformance.md` and `index.html` into
 * `outputDir`, and fails the run when the catalogue and the tests disagree or a requirement is untested.
 */
/** Whether a failed test failed only requirements the report waived (under the test's profile). */
function waivedOnly(record: TestRecord, report: ReturnType<typeof buildReport>): boolean {
  const part = report.apis.find((a) => a.api === record.api && a.profile === record.profile)
  const failed = [...(record.failed ?? []), ...(record.failedFor ?? [])]
  return failed.length > 0 && failed.every((id) => part?.requirements.find((r) => r.id === id)?.status === 'waived')
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

export default class ConformanceReporter implements Reporter {
  readonly #outputDir: string
  readonly #target: string
  #root = process.cwd()
  /** The run selects part of an API's tests (a grep, a file): requirements no selected test names were not asked for. */
  #filtered = false
  #suite: Suite | undefined
  readonly #records = new Map<string, TestRecord>()

  constructor(options: { outputDir: string; target: string }) {
    this.#outputDir = options.outputDir
    this.#target = options.target
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#root = config.rootDir
    this.#filtered = filteredRun(process.argv.slice(2))
    this.#suite = suite
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const api = apiOf(test)
    if (!api) return
    const attached = result.attachments.find((a) => a.name === EVIDENCE_ATTACHMENT)?.body
    const evidence: Evidence = attached ? JSON.parse(attached.toString('utf8')) : { checked: { own: 0, upstream: 0 }, searched: 0, exchanges: [] }
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip')
    const errors = result.errors.map((e) => (e.message ?? e.value ?? '').replace(ANSI, ''))
    const access = result.attachments.find((a) => a.name === ACCESS_ATTACHMENT)?.body
    const table = access ? (JSON.parse(access.toString('utf8')) as AccessEvidence) : undefined
    const tagged = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')
    // A column of an access table checked the requirements of its cells in this profile, not every one it is tagged with.
    const requirements = table ? tagged.filter((id) => table.cells.some((c) => c.requirement === id && c.verdict !== 'n/a')) : tagged
    const failed = result.status !== 'passed' && result.status !== 'skipped'
    const toEnd = result.annotations.some((a) => a.type === CHECKED_TO_END)
    const verdict = failed ? judgeFailure(errors, requirements, knownIds(api), { checkedToEnd: toEnd }) : undefined
    const profile = profileIn(test.parent.project()?.metadata, api) ?? ''
    this.#records.set(test.id, {
      api,
      profile,
      title: test.titlePath().slice(3).join(' › '),
      location: `${relative(this.#root, test.location.file)}:${test.location.line}`,
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
    const report = buildReport(this.#target, [...pairs.values()], [...this.#records.values()], { filtered: this.#filtered })
    const stale = applyWaivers(report, loadWaivers(this.#target), new Date().toISOString().slice(0, 10))
    if (stale.length && !this.#filtered) report.staleWaivers = stale
    mkdirSync(this.#outputDir, { recursive: true })
    writeFileSync(join(this.#outputDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`)
    writeFileSync(join(this.#outputDir, 'conformance.md'), renderMarkdown(report))
    writeFileSync(join(this.#outputDir, 'index.html'), renderHtml(report))

    const s = report.summary
    console.log(`\n[authconform] ${this.#target}: ${s.passed} requirements passed, ${s.failed} failed, ${s.blocked} blocked, ${s.waived} waived (declared deviations), ${s.skipped} skipped, ${s['not-tested']} not tested`)
    for (const line of report.staleWaivers ?? []) console.log(`  ! stale waiver (waivers/${this.#target}.yaml): ${line}`)
    for (const api of report.apis) {
      for (const r of api.requirements.filter((x) => x.status === 'failed')) {
        console.log(`  ✘ ${r.id} (${api.profile}) — ${r.statement}`)
        for (const t of r.tests.filter((x) => x.status === 'failed').slice(0, 3)) {
          console.log(`      ${t.title} (${t.location})`)
          const first = (t.errors?.[0] ?? '').split('\n')[0]
          if (first) console.log(`        ${first}`)
          for (const x of (t.evidence ?? []).slice(-2)) console.log(`        evidence: ${x.request.method} ${x.request.url} → ${x.response.status} ${JSON.stringify(x.response.body ?? '').slice(0, 160)}`)
        }
      }
      for (const r of api.requirements.filter((x) => x.status === 'blocked')) console.log(`  ◌ ${r.id} ${r.reason}`)
      for (const r of api.requirements.filter((x) => x.status === 'not-tested')) console.log(`  ○ ${r.id} is not tested: ${r.reason}`)
      if (api.unknownRequirementIds.length) console.log(`  ! tests name requirements ${api.unknownRequirementIds.join(', ')} that suites/${api.api}/requirements.yaml lacks`)
    }
    console.log(`[authconform] report: ${relative(process.cwd(), join(this.#outputDir, 'index.html'))} (also conformance.md, conformance.json)`)

    const defective = (report.staleWaivers?.length ?? 0) > 0 || report.apis.some((a) => a.unknownRequirementIds.length > 0 || a.summary['not-tested'] > 0 || a.summary.failed > 0 || a.summary.blocked > 0)
    if (defective && result.status === 'passed') return { status: 'failed' }
    // Every test that failed did so on a declared deviation (waived): the run meets its target's declarations.
    if (!defective && result.status === 'failed' && report.summary.waived > 0 && this.#records.size > 0 && [...this.#records.values()].every((r) => r.status !== 'failed' || waivedOnly(r, report))) return { status: 'passed' }
  }

  printsToStdio(): boolean {
    return false
  }
}
