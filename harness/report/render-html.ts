import { accessHtml } from './render-access.ts'
import { esc, STYLE } from './html-style.ts'
import { headline } from './render-markdown.ts'
import type { ConformanceReport, RequirementReport, Status } from './schema.ts'

const LABEL: Record<Status, string> = { passed: 'passed', failed: 'failed', blocked: 'blocked', waived: 'waived', skipped: 'skipped', 'not-tested': 'not tested' }

/**
 * One self-contained page (inline styles and a few lines of script, no assets, works from file://): what to fix
 * first, then per API and profile the authorization matrix and every requirement with its evidence, filterable by
 * API, status and level.
 */
export function renderHtml(report: ConformanceReport): string {
  const causes = headline(report).map((line) => line.replace(/\*\*(.+?)\*\*/g, '$1')).filter(Boolean)
  const apis = report.apis
    .map(
      (api) => `<section class="api" data-api="${esc(api.api)}"><h2>${esc(api.title)} <small>profile <code>${esc(api.profile)}</code></small></h2>${summary(api.summary)}
${api.unknownRequirementIds.length ? `<p class="failed">Tests name requirements the catalogue lacks: ${esc(api.unknownRequirementIds.join(', '))}</p>` : ''}
${api.access ? `<h3>Authorization matrix</h3>${accessHtml(api.access, esc)}` : ''}
<table class="reqs"><thead><tr><th>Requirement</th><th>Level</th><th>Status</th><th>Checked by</th></tr></thead><tbody>
${api.requirements.map((r) => row(r, api.api)).join('\n')}
</tbody></table></section>`,
    )
    .join('\n')
  const options = (values: string[]) => ['all', ...values].map((v) => `<option>${esc(v)}</option>`).join('')
  const run = report.run
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>authconform — ${esc(report.target)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body>
<h1>Conformance — target <code>${esc(report.target)}</code></h1>
${summary(report.summary)}
<p>Fails on ${esc(report.failOn.join(', '))}${run ? ` · authconform ${esc(run.harness.version)} (${esc(run.harness.commit)}) · ${esc(run.finishedAt)}${run.shard ? ` · shard ${run.shard.current}/${run.shard.total}` : ''}` : ''}</p>
${run ? `<p>${run.apis.map((a) => `${esc(a.api)} <code>${esc(a.profile)}</code> at <code>${esc(a.baseURL)}</code>`).join(' · ')}</p>` : ''}
<div class="causes${report.causes.length ? '' : ' clean'}" id="causes">${causes.map((c) => `<p>${esc(c)}</p>`).join('')}${(report.staleWaivers ?? []).map((s) => `<p class="failed">Stale waiver: ${esc(s)}</p>`).join('')}</div>
<div class="filters">
<label>API <select id="f-api">${options([...new Set(report.apis.map((a) => a.api))])}</select></label>
<label>Status <select id="f-status">${options(Object.keys(LABEL))}</select></label>
<label>Level <select id="f-level">${options(['MUST', 'QUIRK', 'SHOULD', 'MAY'])}</select></label>
<span id="f-count"></span>
</div>
${apis}
<script>
const pick = (id) => document.getElementById(id).value
function filter() {
  let shown = 0
  for (const section of document.querySelectorAll('section.api')) section.classList.toggle('hidden', pick('f-api') !== 'all' && section.dataset.api !== pick('f-api'))
  for (const row of document.querySelectorAll('tr.req')) {
    const ok = (pick('f-api') === 'all' || row.dataset.api === pick('f-api')) && (pick('f-status') === 'all' || row.dataset.status === pick('f-status')) && (pick('f-level') === 'all' || row.dataset.level === pick('f-level'))
    row.classList.toggle('hidden', !ok)
    if (ok) shown++
  }
  document.getElementById('f-count').textContent = shown + ' requirements shown'
}
for (const id of ['f-api', 'f-status', 'f-level']) document.getElementById(id).addEventListener('change', filter)
filter()
</script>
</body></html>
`
}

function summary(c: Record<Status, number>): string {
  return `<p>${(Object.keys(LABEL) as Status[]).map((s) => `<span class="badge ${s}">${c[s]} ${LABEL[s]}</span>`).join(' ')}</p>`
}

function row(r: RequirementReport, api: string): string {
  const by = r.exchangesChecked !== undefined ? `${r.exchangesChecked} exchanges checked` : r.tests.map((t) => `<div>${esc(t.title)} <small>${esc(t.location)}</small></div>`).join('')
  const failures = r.tests
    .filter((t) => t.status === 'failed' || t.status === 'blocked')
    .map(
      (t) => `<details${t.status === 'failed' ? ' open' : ''}><summary>${t.status === 'blocked' ? 'blocked: ' : ''}${esc(t.title)}</summary>${(t.errors ?? []).map((e) => `<pre>${esc(e)}</pre>`).join('')}
${(t.evidence ?? []).map((x) => `<details><summary><code>${esc(`${x.request.method} ${x.request.url} → ${x.response.status}${x.via ? ' (page)' : ''}`)}</code></summary><pre>${esc(JSON.stringify(x, null, 2))}</pre></details>`).join('')}</details>`,
    )
    .join('')
  const source = `${r.source.kind}: ${r.source.ref}${r.source.quote ? ` — “${r.source.quote}”` : ''}`
  return `<tr id="${esc(`${api}-${r.id}`)}" class="req ${r.status}" data-api="${esc(api)}" data-status="${r.status}" data-level="${r.level}"><td><strong>${esc(r.id)}</strong><div class="stmt">${esc(r.statement)}</div>
<small>${esc(source)}</small>${r.deviation ? `<div class="dev">Deviation: ${esc(r.deviation)}</div>` : ''}${failures}</td>
<td>${r.level}</td><td><span class="badge">${LABEL[r.status]}</span>${r.reason ? `<div class="reason">${esc(r.reason)}</div>` : ''}${r.waiver ? `<div class="dev">declared deviation: ${esc(r.waiver.reason)}${r.waiver.source ? ` (${esc(r.waiver.source)})` : ''}</div>` : ''}</td><td>${by}</td></tr>`
}
