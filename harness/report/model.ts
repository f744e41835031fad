import type { Catalogue, Requirement } from '../catalogue.ts'
import { notApplicable } from '../profiles.ts'
import type { AccessEvidence, Cell } from '../access/table.ts'
import type { Exchange } from '../evidence/exchange.ts'

export type Status = 'passed' | 'failed' | 'blocked' | 'waived' | 'skipped' | 'not-tested'

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

export interface TestOutcome {
  title: string
  location: string
  status: TestRecord['status']
  skipReason?: string
  blockedBy?: string[]
  errors?: string[]
  evidence?: Exchange[]
}

export interface RequirementReport extends Requirement {
  status: Status
  reason?: string
  tests: TestOutcome[]
  /** For a requirement the harness judges over every exchange: how many it judged. */
  exchangesChecked?: number
  /** A declared deviation of the target (waivers/<target>.yaml) and what the requirement was before it. */
  waiver?: { reason: string; source?: string; expires?: string; was: 'failed' | 'blocked' }
}

export type Counts = Record<Status, number>

export interface ApiReport {
  api: string
  title: string
  /** The profile this part of the report judged (a release line of the API). */
  profile: string
  summary: Counts
  requirements: RequirementReport[]
  /** Requirement IDs that tests name but the catalogue does not define: a defect of the suite. */
  unknownRequirementIds: string[]
  /** The access table as a grid: operations × credential kinds, each cell passed, failed (with what came back) or n/a. */
  access?: AccessGrid
}

export interface AccessGrid {
  operations: { id: string; title: string }[]
  credentials: { id: string; title: string }[]
  cells: Cell[]
}

export interface ConformanceReport {
  tool: 'authconform'
  target: string
  summary: Counts
  apis: ApiReport[]
  /** Waivers that no longer hold (the requirement passes, or the date passed): they fail the run. */
  staleWaivers?: string[]
}

const MAX_EVIDENCE = 12
const zero = (): Counts => ({ passed: 0, failed: 0, blocked: 0, waived: 0, skipped: 0, 'not-tested': 0 })

/**
 * The one canonical model (HTML, Markdown and the exit status all derive from it), one part per API and profile
 * that ran. Deterministic: sorted, no timestamps or durations, so two runs of a healthy target give the same file.
 */
export function buildReport(target: string, runs: { catalogue: Catalogue; profile: string }[], records: TestRecord[], options: { filtered?: boolean } = {}): ConformanceReport {
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
  return { tool: 'authconform', target, summary, apis }
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
    reason = [...new Set(outcomes.map((t) => t.skipReason ?? 'skipped'))].join('; ')
  } else if (filtered) {
    status = 'skipped'
    reason = 'not selected: the run was narrowed to other tests (a grep or a file)'
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
