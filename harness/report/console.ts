import type { ConformanceReport } from './schema.ts'

/** The report as the terminal shows it after a run: counts, what to fix first, the failures with their evidence. */
export function printReport(report: ConformanceReport, verdict: { problems: string[]; warnings: string[] }, where: string): void {
  const s = report.summary
  console.log(`\n[authconform] ${report.target}: ${s.passed} requirements passed, ${s.failed} failed, ${s.blocked} blocked, ${s.waived} waived (declared deviations), ${s.skipped} skipped, ${s['not-tested']} not tested`)
  const named = (c: ConformanceReport['causes'][number]) => c.requirements.map((r) => `${r.id}${r.status === 'blocked' ? ' (blocked)' : ''}`)
  for (const [i, c] of report.causes.slice(0, 10).entries()) console.log(`  ${i + 1}. ${c.level} ${c.symptom} — ${c.requirements.length > 8 ? `${c.requirements.length} requirements (${named(c).slice(0, 3).join(', ')}, …)` : named(c).join(', ')}`)
  for (const line of report.staleWaivers ?? []) console.log(`  ! stale waiver (waivers/${report.target}.yaml): ${line}`)
  for (const api of report.apis) {
    for (const r of api.requirements.filter((x) => x.status === 'failed')) {
      console.log(`  ✘ ${r.id} (${api.profile}, ${r.level}) — ${r.statement}`)
      for (const t of r.tests.filter((x) => x.status === 'failed').slice(0, 3)) {
        console.log(`      ${t.title} (${t.location})`)
        const first = (t.errors?.[0] ?? '').split('\n')[0]
        if (first) console.log(`        ${first}`)
        for (const x of (t.evidence ?? []).slice(-2)) console.log(`        evidence: ${x.request.method} ${x.request.url} → ${x.response.status} ${JSON.stringify(x.response.body ?? '').slice(0, 160)}`)
      }
    }
    const down = api.requirements.find((x) => x.status === 'blocked' && x.reason?.startsWith('preflight: '))
    if (down) console.log(`  ◌ every ${api.title} requirement (${api.profile}) is blocked — ${down.reason}`)
    for (const r of api.requirements.filter((x) => x.status === 'blocked' && !x.reason?.startsWith('preflight: '))) console.log(`  ◌ ${r.id} (${api.profile}) ${r.reason}`)
    for (const r of api.requirements.filter((x) => x.status === 'not-tested')) console.log(`  ○ ${r.id} (${api.profile}) is not tested: ${r.reason}`)
    if (api.unknownRequirementIds.length) console.log(`  ! tests name requirements ${api.unknownRequirementIds.join(', ')} that suites/${api.api}/requirements.yaml lacks`)
  }
  const warnings = verdict.warnings.filter((w) => !/ blocked: preflight: /.test(w))
  if (warnings.length) console.log(`[authconform] ${warnings.length} warning(s), levels this target does not fail on (${report.failOn.join(', ')} do): ${warnings.join('; ')}`)
  console.log(`[authconform] report: ${where} (also conformance.md, conformance.json, junit.xml)`)
}
