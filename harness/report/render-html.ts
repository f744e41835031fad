import type { ConformanceReport, RequirementReport, Status } from './model.ts'
import { accessHtml } from './render-access.ts'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const LABEL: Record<Status, string> = { passed: 'passed', failed: 'failed', blocked: 'blocked', waived: 'waived', skipped: 'skipped', 'not-tested': 'not tested' }

/** A self-contained HTML page of the canonical report (no scripts, no external assets). */
export function renderHtml(report: ConformanceReport): string {
  const apis = report.apis
    .map(
      (api) => `<section><h2>${esc(api.title)} <code>${esc(api.api)}</code> <small>profile <code>${esc(api.profile)}</code></small></h2>${summary(api.summary)}
${api.access ? `<h3>Authorization matrix</h3>${accessHtml(api.access, esc)}` : ''}
${api.unknownRequirementIds.length ? `<p class="failed">Tests name requirements the catalogue lacks: ${esc(api.unknownRequirementIds.join(', '))}</p>` : ''}
<table><thead><tr><th>Requirement</th><th>Level</th><th>Follows</th><th>Status</th><th>Checked by</th></tr></thead><tbody>
${api.requirements.map(row).join('\n')}
</tbody></table></section>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>authconform — ${esc(report.target)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%;margin:1rem 0;table-layout:fixed}th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th:nth-child(1){width:52%}th:nth-child(2),th:nth-child(3){width:7%}th:nth-child(4){width:12%}
th{background:#f5f5f7}code,pre{font:12px ui-monospace,monospace}pre{background:#f5f5f7;padding:.6rem;overflow:auto;max-height:28rem;white-space:pre-wrap}
.badge{display:inline-block;border-radius:3px;padding:0 .45rem;font-weight:600;white-space:nowrap}
.passed .badge,.badge.passed{background:#d8f5dd;color:#0b6b1d}.failed .badge,.badge.failed{background:#fde0e0;color:#a4161a}
.waived .badge,.badge.waived{background:#e6e0f8;color:#4b2e9a}.skipped .badge,.badge.skipped{background:#fff3cd;color:#7a5b00}.blocked .badge,.badge.blocked{background:#ffe5cc;color:#8a3b00}.not-tested .badge,.badge.not-tested{background:#e8e8ed;color:#555}
.matrix{table-layout:auto;width:auto}.matrix th{white-space:nowrap}.cell{text-align:center;font-weight:700}.cell.passed{background:#d8f5dd;color:#0b6b1d}.cell.failed{background:#fde0e0;color:#a4161a}.cell.na{color:#999}
.stmt{color:#444}.reason{color:#7a5b00}.dev{color:#5b3fa0}details{margin:.3rem 0}
</style></head><body>
<h1>Conformance — target <code>${esc(report.target)}</code></h1>
${summary(report.summary)}
${apis}
</body></html>
`
}

function summary(c: Record<Status, number>): string {
  return `<p>${(Object.keys(LABEL) as Status[]).map((s) => `<span class="badge ${s}">${c[s]} ${LABEL[s]}</span>`).join(' ')}</p>`
}

function row(r: RequirementReport): string {
  const by = r.exchangesChecked !== undefined ? `${r.exchangesChecked} exchanges checked` : r.tests.map((t) => `<div>${esc(t.title)} <small>${esc(t.location)}</small></div>`).join('')
  const failures = r.tests
    .filter((t) => t.status === 'failed' || t.status === 'blocked')
    .map(
      (t) => `<details${t.status === 'failed' ? ' open' : ''}><summary>${t.status === 'blocked' ? 'blocked: ' : ''}${esc(t.title)}</summary>${(t.errors ?? []).map((e) => `<pre>${esc(e)}</pre>`).join('')}
${(t.evidence ?? []).map((x) => `<details><summary><code>${esc(`${x.request.method} ${x.request.url} → ${x.response.status}`)}</code></summary><pre>${esc(JSON.stringify(x, null, 2))}</pre></details>`).join('')}</details>`,
    )
    .join('')
  return `<tr id="${esc(r.id)}" class="${r.status}"><td><strong>${esc(r.id)}</strong><div class="stmt">${esc(r.statement)}</div>
<small>${esc(r.source.kind)}: ${esc(r.source.ref)}</small>${r.deviation ? `<div class="dev">Deviation: ${esc(r.deviation)}</div>` : ''}${failures}</td>
<td>${r.level}</td><td>${r.follows}</td><td><span class="badge">${LABEL[r.status]}</span>${r.reason ? `<div class="reason">${esc(r.reason)}</div>` : ''}${r.waiver ? `<div class="reason">declared deviation: ${esc(r.waiver.reason)}${r.waiver.source ? ` (${esc(r.waiver.source)})` : ''}</div>` : ''}</td><td>${by}</td></tr>`
}
