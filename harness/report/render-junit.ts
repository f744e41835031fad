import type { ConformanceReport } from './schema.ts'

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)

/**
 * JUnit XML with one test case per requirement (per API and profile): failed and blocked requirements of a level
 * the target fails on are failures, the others' skipped; properties carry the level, source and status, so CI
 * systems that read JUnit list requirements, not Playwright tests.
 */
export function renderJunit(report: ConformanceReport): string {
  const suites = report.apis.map((api) => {
    const cases = api.requirements.map((r) => {
      const props = [['requirement', r.id], ['level', r.level], ['status', r.status], ['source', `${r.source.kind}: ${r.source.ref}`], ...(r.waiver ? [['waiver', r.waiver.reason]] : [])]
      const properties = `<properties>${props.map(([k, v]) => `<property name="${xml(k!)}" value="${xml(v!)}"/>`).join('')}</properties>`
      const errors = r.tests.flatMap((t) => t.errors ?? []).join('\n\n')
      const holds = report.failOn.includes(r.level)
      const body =
        r.status === 'failed' || r.status === 'blocked' || r.status === 'not-tested'
          ? holds || r.status === 'not-tested'
            ? `<failure message="${xml(`${r.status}${r.reason ? `: ${r.reason}` : ''}`)}">${xml(errors)}</failure>`
            : `<skipped message="${xml(`${r.level} ${r.status} (a warning for this target)${r.reason ? `: ${r.reason}` : ''}`)}"/>`
          : r.status === 'skipped'
            ? `<skipped message="${xml(r.reason ?? 'skipped')}"/>`
            : ''
      return `    <testcase classname="${xml(`${api.api}@${api.profile}`)}" name="${xml(`${r.id}: ${r.statement}`)}" time="0">${properties}${body}</testcase>`
    })
    const failures = api.requirements.filter((r) => (r.status === 'failed' || r.status === 'blocked' || r.status === 'not-tested') && (report.failOn.includes(r.level) || r.status === 'not-tested')).length
    const skipped = api.requirements.filter((r) => r.status === 'skipped' || ((r.status === 'failed' || r.status === 'blocked') && !report.failOn.includes(r.level))).length
    return `  <testsuite name="${xml(`${api.title} (${api.profile})`)}" tests="${api.requirements.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="authconform ${xml(report.target)}">\n${suites.join('\n')}\n</testsuites>\n`
}
