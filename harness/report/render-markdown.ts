import type { ConformanceReport, Status } from './model.ts'
import { accessMarkdown } from './render-access.ts'

const ICON: Record<Status, string> = { passed: '✅ passed', failed: '❌ failed', blocked: '🚧 blocked', waived: '🟣 waived', skipped: '⏭️ skipped', 'not-tested': '⚪ not tested' }

/** Markdown rendering of the canonical report: a table per API, then every failure with its evidence. */
export function renderMarkdown(report: ConformanceReport): string {
  const out: string[] = [`# Conformance — target \`${report.target}\``, '', counts(report.summary), '']
  for (const api of report.apis) {
    out.push(`## ${api.title} (\`${api.api}\`, profile \`${api.profile}\`)`, '', counts(api.summary), '')
    if (api.access) out.push('### Authorization matrix', '', ...accessMarkdown(api.access), '')
    if (api.unknownRequirementIds.length) out.push(`**Tests name requirements the catalogue lacks:** ${api.unknownRequirementIds.join(', ')}`, '')
    out.push('| Requirement | Level | Follows | Status | Checked by |', '| --- | --- | --- | --- | --- |')
    for (const r of api.requirements) {
      const by = r.exchangesChecked !== undefined ? `${r.exchangesChecked} exchanges` : r.tests.map((t) => t.title).join('<br>') || '—'
      const status = `${ICON[r.status]}${r.reason ? ` — ${r.reason}` : ''}${r.waiver ? ` — declared deviation: ${r.waiver.reason}${r.waiver.source ? ` (${r.waiver.source})` : ''}` : ''}`
      out.push(`| **${r.id}** ${cell(r.statement)} | ${r.level} | ${r.follows} | ${cell(status)} | ${cell(by)} |`)
    }
    out.push('')
    const deviations = api.requirements.filter((r) => r.deviation)
    if (deviations.length) {
      out.push('### Declared deviations', '')
      for (const r of deviations) out.push(`- **${r.id}** (follows ${r.follows}): ${r.deviation}`)
      out.push('')
    }
    for (const r of api.requirements.filter((x) => x.status === 'failed')) {
      out.push(`### ❌ ${r.id}`, '', `${r.statement}`, '', `Source: ${r.source.kind} — ${r.source.ref}`, '')
      for (const t of r.tests.filter((x) => x.status === 'failed')) {
        out.push(`#### ${t.title} (\`${t.location}\`)`, '')
        for (const e of t.errors ?? []) out.push('```', e.trim(), '```', '')
        for (const x of t.evidence ?? []) {
          out.push('<details><summary>' + `${x.request.method} ${x.request.url} → ${x.response.status}` + '</summary>', '', '```json', JSON.stringify(x, null, 2), '```', '</details>', '')
        }
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

const counts = (c: Record<Status, number>) => `${c.passed} passed, ${c.failed} failed, ${c.blocked} blocked, ${c.waived} waived, ${c.skipped} skipped, ${c['not-tested']} not tested`
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
