import type { TestRecord } from './model.ts'
import type { ConformanceReport } from './schema.ts'

/**
 * What a report means for the run: it fails on a failed or blocked requirement of a level the target fails on
 * (MUST and QUIRK unless it says otherwise), an untested requirement, a test naming an unknown requirement, or a
 * stale waiver; failures of the other levels (SHOULD, MAY) are warnings. Waived failures are neither.
 */
export function verdictOf(report: ConformanceReport): { defective: boolean; problems: string[]; warnings: string[] } {
  const problems: string[] = (report.staleWaivers ?? []).map((s) => `stale waiver: ${s}`)
  const warnings: string[] = []
  for (const api of report.apis) {
    if (api.unknownRequirementIds.length) problems.push(`${api.api}: tests name requirements the catalogue lacks: ${api.unknownRequirementIds.join(', ')}`)
    for (const r of api.requirements) {
      const line = `${r.id} (${api.profile}, ${r.level}) ${r.status}${r.reason ? `: ${r.reason}` : ''}`
      if (r.status === 'not-tested') problems.push(line)
      else if (r.status === 'failed' || r.status === 'blocked') (report.failOn.includes(r.level) ? problems : warnings).push(line)
    }
  }
  return { defective: problems.length > 0, problems, warnings }
}

/**
 * Whether every failed test of the run failed only on requirements the report does not hold against the run
 * (waived, or of a level that only warns): then the run passes, whatever Playwright counted.
 */
export function failuresExcused(records: Iterable<TestRecord>, report: ConformanceReport): boolean {
  const lenient = (api: string, profile: string, id: string) => {
    const r = report.apis.find((a) => a.api === api && a.profile === profile)?.requirements.find((x) => x.id === id)
    return r !== undefined && (r.status === 'waived' || ((r.status === 'failed' || r.status === 'blocked') && !report.failOn.includes(r.level)))
  }
  for (const record of records) {
    if (record.status !== 'failed' && record.status !== 'blocked') continue
    const named = [...(record.failed ?? []), ...(record.blocked ?? []), ...(record.failedFor ?? [])]
    if (named.length === 0 || !named.every((id) => lenient(record.api, record.profile, id))) return false
  }
  return true
}
