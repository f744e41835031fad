import type { AccessEvidence } from '../access/table.ts'
import type { Catalogue, Requirement } from '../catalogue.ts'
import type { Exchange } from '../evidence/exchange.ts'
import { notApplicable } from '../profiles.ts'
import { causesOf } from './causes.ts'
import { REPORT_SCHEMA, type AccessGrid, type ConformanceReport, type Counts, type RequirementReport, type Status, type TestOutcome } from './schema.ts'

export type { AccessGrid, ApiReport, ConformanceReport, Counts, RequirementReport, Status, TestOutcome } from './schema.ts'

/** What one finished test contributes to the report. */
export interface TestRecord {
  api: string
  /** The profile the API ran under in this test's project. */
  profile: string
  title: string
  location: string
  requirements: string[]
  status: 'passed' | 'failed' | 'blocked' | 'skipped'
  skipReason?: string
  /** For a failed test: its own requirements that a failed assertion named (see judgeFailure). */
  failed?: string[]
  /** For a failed test: its own requirements it stopped before checking in full (the rest passed). */
  blocked?: string[]
  /** For a failed test: the requirements whose failures stopped it before it finished checking the others. */
  blockedBy?: string[]
  /** Other catalogued requirements its failure is a finding for (named by the failed assertion). */
  failedFor?: string[]
  errors: string[]
  /** Exchanges checked against our document and the API's own one. */
  checked: Record<'own' | 'upstream', number>
  /** Exchanges searched for echoed credentials. */
  searched: number
  /** Every exchange of a failed test; of a passed one, those that violate a document or echo a credential. */
  exchanges: Exchange[]
  /** The cells of an access-table column this test checked. */
  access?: AccessEvidence
}

const MAX_EVIDENCE = 12
export const zero = (): Counts => ({ passed: 0, failed: 0, blocked: 0, waived: 0, skipped: 0, 'not-tested': 0 })

/**
 * The one canonical model (HTML, Markdown and the exit status all derive from it), one part per API and profile
 * that ran. Deterministic: sorted, no timestamps or durations, so two runs of a healthy target give the same file.
 */
export function buildReport(target: string, runs: { catalogue: Catalogue; profile: string }[], records: TestRecord[], options: { filtered?: boolean; failOn?: ConformanceReport['failOn']; preflight?: Record<string, string> } = {}): ConformanceReport {
  const summary = zero()
  const apis = [...runs]
    .sort((a, b) => a.catalogue.api.localeCompare(b.catalogue.api) || profileOrder(a) - profileOrder(b))
    .map(({ catalogue, profile }) => {
      const mine = records.filter((r) => r.api === catalogue.api && r.profile === profile).sort((a, b) => a.location.localeCompare(b.location) || a.title.localeCompare(b.title))
      const known = new Set(catalogue.requirements.map((r) => r.id))
      const unknownRequirementIds = [...new Set(mine.flatMap((r) => r.requirements).filter((id) => !known.has(id)))].sort()
      const requirements = catalogue.requirements.map((requirement): RequirementReport => {
        const outside = notApplicable(requirement, profile)
        if (outside) return { ...requirement, status: 'skipped', reason: outside, tests: [] }
        // The API failed its preflight (down, another server, refused credentials): nothing of it could be checked.
        const down = options.preflight?.[catalogue.api]
        if (down) return { ...requirement, status: 'blocked', reason: `preflight: ${down}`, tests: [] }
        if (requirement.judgedBy === 'no-echo') return echoRequirement(requirement, mine)
        if (requirement.judgedBy) return specRequirement(requirement, mine, requirement.judgedBy === 'upstream-spec' ? 'upstream' : 'own')
        return testedRequirement(requirement, mine, options.filtered ?? false)
      })
      const counts = zero()
      for (const r of requirements) counts[r.status]++
      for (const key of Object.keys(counts) as Status[]) summary[key] += counts[key]
      const access = accessGrid(mine)
      return { api: catalogue.api, title: catalogue.title, profile, summary: counts, requirements, unknownRequirementIds, ...(access ? { access } : {}) }
    })
  return { schema: REPORT_SCHEMA, tool: 'authconform', target, summary, causes: causesOf(apis), failOn: options.failOn ?? ['MUST', 'QUIRK'], apis }
}

/** The columns the tests of one API and profile checked, merged into one grid (operations in table order). */
function accessGrid(records: TestRecord[]): AccessGrid | undefined {
  const columns = records.flatMap((r) => (r.access ? [r.access] : []))
  if (!columns.length) return undefined
  // Every column carries the table's operations and credential kinds in table order.
  return { operations: columns[0]!.operations, credentials: columns[0]!.credentials, cells: columns.flatMap((c) => c.cells) }
}

const profileOrder = ({ catalogue, profile }: { catalogue: Catalogue; profile: string }) => catalogue.profiles.findIndex((p) => p.id === profile)

/** What a test says about one requirement: its own status, failed or blocked for a failed test, failed where it named it. */
function statusFor(record: TestRecord, id: string): TestRecord['status'] | undefined {
  if (record.requirements.includes(id)) {
    if (record.status !== 'failed' && record.status !== 'blocked') return record.status
    return record.failed?.includes(id) ? 'failed' : record.blocked?.includes(id) ? 'blocked' : 'passed'
  }
  return record.failedFor?.includes(id) ? 'failed' : undefined
}

function testedRequirement(requirement: Requirement, records: TestRecord[], filtered: boolean): RequirementReport {
  const tests = records.flatMap((r) => {
    const status = statusFor(r, requirement.id)
    return status ? [{ record: r, status }] : []
  })
  const outcomes: TestOutcome[] = tests.map(({ record: t, status }) => ({
    title: t.title,
    location: t.location,
    status,
    ...(t.skipReason ? { skipReason: t.skipReason } : {}),
    ...(status === 'blocked' && t.blockedBy?.length ? { blockedBy: t.blockedBy } : {}),
    ...(status === 'failed' || status === 'blocked' ? { errors: t.errors, evidence: t.exchanges.slice(-MAX_EVIDENCE) } : {}),
  }))
  let status: Status = 'not-tested'
  let reason: string | undefined
  const blocked = outcomes.filter((t) => t.status === 'blocked')
  if (outcomes.some((t) => t.status === 'failed')) status = 'failed'
  else if (blocked.length) {
    status = 'blocked'
    const by = [...new Set(blocked.flatMap((t) => t.blockedBy ?? []))].filter(Boolean).sort()
    reason = by.length ? `not checked to the end: ${by.join(', ')} failed first` : 'not checked to the end: a precondition failed'
  } else if (outcomes.some((t) => t.status === 'passed')) status = 'passed'
  else if (outcomes.length) {
    status = 'skipped'
    reason = [...new Set(outcomes.flatMap((t) => (t.skipReason ?? 'skipped').split('; ')))].join('; ')
  } else if (filtered) {
    status = 'skipped'
    reason = 'not selected: the run was narrowed to other tests (a grep, a file or a shard)'
  } else reason = 'no test names this requirement'
  return { ...requirement, status, ...(reason ? { reason } : {}), tests: outcomes }
}

/** Our document or the API's own: judged on every recorded exchange. */
function specRequirement(requirement: Requirement, records: TestRecord[], document: 'own' | 'upstream'): RequirementReport {
  let checked = 0
  const violations: TestOutcome[] = []
  for (const record of records) {
    const mine = (e: Exchange) => e.diagnostics.filter((d) => d.document === document)
    const bad = record.exchanges.filter((e) => mine(e).some((d) => d.severity === 'error'))
    checked += record.checked[document]
    if (bad.length) {
      violations.push({
        title: record.title,
        location: record.location,
        status: 'failed',
        errors: [...new Set(bad.flatMap((e) => mine(e).filter((d) => d.severity === 'error').map((d) => `${requirement.id}: ${d.message}`)))],
        evidence: bad.slice(0, MAX_EVIDENCE),
      })
    }
  }
  const status: Status = violations.length ? 'failed' : checked ? 'passed' : records.length ? 'skipped' : 'not-tested'
  const reason = status === 'skipped' ? 'no exchange reached a documented operation' : status === 'not-tested' ? 'no test ran' : undefined
  return { ...requirement, status, ...(reason ? { reason } : {}), tests: violations, exchangesChecked: checked }
}

/** No credential that came in appears in any answer: judged on every recorded exchange, before redaction. */
function echoRequirement(requirement: Requirement, records: TestRecord[]): RequirementReport {
  let searched = 0
  const violations: TestOutcome[] = []
  for (const record of records) {
    searched += record.searched
    const bad = record.exchanges.filter((e) => e.echoes?.length)
    if (bad.length) {
      const where = bad.flatMap((e) => e.echoes!.map((x) => `${requirement.id}: ${e.request.method} ${new URL(e.request.url).pathname} → ${e.response.status}: the ${x.credential} it sent is repeated in the response ${x.where} (masked in the evidence)`))
      violations.push({ title: record.title, location: record.location, status: 'failed', errors: [...new Set(where)], evidence: bad.slice(0, MAX_EVIDENCE) })
    }
  }
  const status: Status = violations.length ? 'failed' : searched ? 'passed' : records.length ? 'skipped' : 'not-tested'
  const reason = status === 'skipped' ? 'no exchange was recorded' : status === 'not-tested' ? 'no test ran' : undefined
  return { ...requirement, status, ...(reason ? { reason } : {}), tests: violations, exchangesChecked: searched }
}
