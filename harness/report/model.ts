import type { Catalogue, Requirement } from '../catalogue.ts'
import type { Exchange } from '../evidence/exchange.ts'

export type Status = 'passed' | 'failed' | 'blocked' | 'skipped' | 'not-tested'

/** What one finished test contributes to the report. */
export interface TestRecord {
  api: string
  title: string
  location: string
  requirements: string[]
  status: 'passed' | 'failed' | 'blocked' | 'skipped'
  skipReason?: string
  /** For `blocked`: the requirements whose checks its failed preconditions belong to. */
  blockedBy?: string[]
  /** Other catalogued requirements its failure is a finding for (named by the failed assertion). */
  failedFor?: string[]
  errors: string[]
  /** Exchanges checked against our document and the API's own one. */
  checked: Record<'own' | 'upstream', number>
  /** Every exchange of a failed test; of a passed one, those that violate a document. */
  exchanges: Exchange[]
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
  /** For the `<API>-SPEC` requirement: how many exchanges were checked against the OpenAPI document. */
  exchangesChecked?: number
}

export type Counts = Record<Status, number>

export interface ApiReport {
  api: string
  title: string
  summary: Counts
  requirements: RequirementReport[]
  /** Requirement IDs that tests name but the catalogue does not define: a defect of the suite. */
  unknownRequirementIds: string[]
}

export interface ConformanceReport {
  tool: 'authconform'
  target: string
  summary: Counts
  apis: ApiReport[]
}

const MAX_EVIDENCE = 12
const zero = (): Counts => ({ passed: 0, failed: 0, blocked: 0, skipped: 0, 'not-tested': 0 })

/**
 * The one canonical model (HTML, Markdown and the exit status all derive from it). Deterministic: sorted,
 * no timestamps or durations, so two runs of a healthy target give the same file.
 */
export function buildReport(target: string, catalogues: Catalogue[], records: TestRecord[]): ConformanceReport {
  const summary = zero()
  const apis = [...catalogues]
    .sort((a, b) => a.api.localeCompare(b.api))
    .map((catalogue) => {
      const mine = records.filter((r) => r.api === catalogue.api).sort((a, b) => a.location.localeCompare(b.location) || a.title.localeCompare(b.title))
      const known = new Set(catalogue.requirements.map((r) => r.id))
      const unknownRequirementIds = [...new Set(mine.flatMap((r) => r.requirements).filter((id) => !known.has(id)))].sort()
      const requirements = catalogue.requirements.map((requirement) =>
        requirement.source.kind === 'harness' && requirement.id.endsWith('-SPEC')
          ? specRequirement(requirement, mine, requirement.id.endsWith('-UPSTREAM-SPEC') ? 'upstream' : 'own')
          : testedRequirement(requirement, mine),
      )
      const counts = zero()
      for (const r of requirements) counts[r.status]++
      for (const key of Object.keys(counts) as Status[]) summary[key] += counts[key]
      return { api: catalogue.api, title: catalogue.title, summary: counts, requirements, unknownRequirementIds }
    })
  return { tool: 'authconform', target, summary, apis }
}

function testedRequirement(requirement: Requirement, records: TestRecord[]): RequirementReport {
  // Its own tests, and any other test whose failed assertion named it.
  const tests = records.flatMap((r): TestRecord[] =>
    r.requirements.includes(requirement.id) ? [r] : r.failedFor?.includes(requirement.id) ? [{ ...r, status: 'failed', blockedBy: undefined }] : [],
  )
  const outcomes: TestOutcome[] = tests.map((t) => ({
    title: t.title,
    location: t.location,
    status: t.status,
    ...(t.skipReason ? { skipReason: t.skipReason } : {}),
    ...(t.blockedBy ? { blockedBy: t.blockedBy } : {}),
    ...(t.status === 'failed' || t.status === 'blocked' ? { errors: t.errors, evidence: t.exchanges.slice(-MAX_EVIDENCE) } : {}),
  }))
  let status: Status = 'not-tested'
  let reason: string | undefined
  const blocked = tests.filter((t) => t.status === 'blocked')
  if (tests.some((t) => t.status === 'failed')) status = 'failed'
  else if (blocked.length) {
    status = 'blocked'
    const by = [...new Set(blocked.flatMap((t) => t.blockedBy ?? []))].filter(Boolean).sort()
    reason = by.length ? `not checked to the end: ${by.join(', ')} failed first` : 'not checked to the end: a precondition failed'
  } else if (tests.some((t) => t.status === 'passed')) status = 'passed'
  else if (tests.length) {
    status = 'skipped'
    reason = [...new Set(tests.map((t) => t.skipReason ?? 'skipped'))].join('; ')
  } else reason = 'no test names this requirement'
  return { ...requirement, status, ...(reason ? { reason } : {}), tests: outcomes }
}

/** `<API>-SPEC` (our document) and `<API>-UPSTREAM-SPEC` (the API's own): judged on every recorded exchange. */
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
