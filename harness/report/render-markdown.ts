import { accessMarkdown } from './render-access.ts'
import type { ConformanceReport, Status } from './schema.ts'

const ICON: Record<Status, string> = { passed: '✅ passed', failed: '❌ failed', blocked: '🚧 blocked', waived: '🟣 waived', skipped: '⏭️ skipped', 'not-tested': '⚪ not tested' }
/** GitHub caps a PR comment at 65,536 characters (a job summary at 1 MiB): stay under the smaller. */
export const MARKDOWN_LIMIT = 60_000

/**
 * Markdown for a GitHub job summary or a PR comment: what is wrong first (causes, most urgent first), then each
 * API's authorization matrix and requirement table; evidence lives in the HTML report, which this links to.
 */
export function renderMarkdown(report: ConformanceReport, htmlLink = 'index.html'): string {
  const out: string[] = [`# Conformance — target \`${report.target}\``, '', `${counts(report.summary)} · fails on ${report.failOn.join(', ')} · [full report with evidence](${htmlLink})`, '']
  if (report.run) out.push(`<sub>${report.run.apis.map((a) => `${a.api} \`${a.profile}\` at ${a.baseURL}`).join(' · ')} · authconform ${report.run.harness.version} (${report.run.harness.commit}) · ${report.run.finishedAt}</sub>`, '')
  out.push(...headline(report), '')
  for (const line of report.staleWaivers ?? []) out.push(`- ❗ stale waiver: ${line}`)
  for (const api of report.apis) {
    out.push(`## ${api.title} — profile \`${api.profile}\``, '', counts(api.summary), '')
    if (api.unknownRequirementIds.length) out.push(`**Tests name requirements the catalogue lacks:** ${api.unknownRequirementIds.join(', ')}`, '')
    if (api.access) out.push('### Authorization matrix', '', ...accessMarkdown(api.access), '')
    out.push('| Requirement | Level | Status |', '| --- | --- | --- |')
    for (const r of api.requirements) {
      const detail = r.waiver ? ` — declared deviation: ${r.waiver.reason}` : r.reason ? ` — ${r.reason}` : ''
      out.push(`| **${r.id}** ${cell(r.statement)} | ${r.level} | ${cell(`${ICON[r.status]}${detail}`)} |`)
    }
    out.push('')
    const failed = api.requirements.filter((x) => x.status === 'failed')
    if (failed.length) out.push('### What failed', '', ...failed.map((r) => `- **${r.id}**: ${cell(firstError(r.tests.flatMap((t) => t.errors ?? [])))}`), '')
  }
  let text = `${out.join('\n').trimEnd()}\n`
  if (text.length > MARKDOWN_LIMIT) text = `${text.slice(0, MARKDOWN_LIMIT - 200).replace(/\n[^\n]*$/, '')}\n\n… cut to fit a GitHub comment: the [full report](${htmlLink}) has the rest.\n`
  return text
}

/** The first lines anyone reads: what is broken, why, and where — or that nothing is. */
export function headline(report: ConformanceReport): string[] {
  if (report.causes.length === 0) return [report.summary['not-tested'] ? '**Some requirements were not tested.**' : '**Nothing to fix:** every requirement the run checked holds (or is a declared deviation).']
  const out = [`**${report.causes.length} cause${report.causes.length === 1 ? '' : 's'} to fix, most urgent first:**`, '']
  for (const [i, c] of report.causes.slice(0, 10).entries()) {
    const ids = c.requirements.map((r) => `${r.id}${r.status === 'blocked' ? ' (blocked)' : ''}`).join(', ')
    out.push(`${i + 1}. **${c.level}** — ${cell(c.symptom)} — ${c.requirements.length} requirement${c.requirements.length === 1 ? '' : 's'}: ${ids}${c.where.length ? ` — seen on ${c.where.slice(0, 3).join('; ')}` : ''}`)
  }
  if (report.causes.length > 10) out.push(`… and ${report.causes.length - 10} more in the full report.`)
  return out
}

const counts = (c: Record<Status, number>) => `${c.passed} passed, ${c.failed} failed, ${c.blocked} blocked, ${c.waived} waived, ${c.skipped} skipped, ${c['not-tested']} not tested`
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 400)
const firstError = (errors: string[]) => (errors[0] ?? '').trim().split('\n')[0] ?? ''
