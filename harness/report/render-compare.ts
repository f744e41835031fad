import type { ComparedApi, ComparedColumn } from './compare.ts'
import { esc, STYLE } from './html-style.ts'
import { MARKDOWN_LIMIT } from './render-markdown.ts'
import type { Status } from './schema.ts'

const ICON: Record<Status, string> = { passed: '✅', failed: '❌', blocked: '🚧', waived: '🟣', skipped: '⏭️', 'not-tested': '⚪' }
const LABEL: Record<Status, string> = { passed: 'passed', failed: 'failed', blocked: 'blocked', waived: 'waived', skipped: 'skipped', 'not-tested': 'not tested' }
const heading = (c: ComparedColumn) => `${c.label} · ${c.profile}`
const tally = (c: ComparedColumn) => `${c.summary.passed}✅ ${c.summary.failed}❌ ${c.summary.blocked}🚧 ${c.summary.waived}🟣`

/**
 * The comparison as Markdown: per API, each column's tally, then the to-do rows — requirements some column fails,
 * blocks or waives — with every column's status; rows every column passes are counted, not listed.
 */
export function renderCompareMarkdown(apis: readonly ComparedApi[], htmlLink = 'index.html'): string {
  const out = ['# Conformance compared', '', `✅ passed · ❌ failed · 🚧 blocked · 🟣 waived (a declared deviation) · ⏭️ not in this profile · ⚪ not tested · — not in that report. [Side by side with every requirement](${htmlLink})`, '']
  for (const api of apis) {
    const todo = api.rows.filter((r) => r.todo)
    out.push(`## ${api.title}`, '', `| | ${api.columns.map((c) => `\`${heading(c)}\``).join(' | ')} |`, `| --- | ${api.columns.map(() => '---').join(' | ')} |`)
    out.push(`| **tally** | ${api.columns.map(tally).join(' | ')} |`)
    for (const r of todo) out.push(`| **${r.id}** ${r.level} | ${r.statuses.map((s, i) => (s ? `${ICON[s]}${s !== 'passed' && r.notes[i] ? ` ${cell(r.notes[i]!, 90)}` : ''}` : '—')).join(' | ')} |`)
    out.push('', todo.length ? `${api.rows.length - todo.length} more requirements hold in every column.` : `All ${api.rows.length} requirements hold in every column.`, '')
  }
  let text = `${out.join('\n').trimEnd()}\n`
  if (text.length > MARKDOWN_LIMIT) text = `${text.slice(0, MARKDOWN_LIMIT - 200).replace(/\n[^\n]*$/, '')}\n\n… cut to fit a GitHub comment: the [side-by-side page](${htmlLink}) has the rest.\n`
  return text
}

/** The comparison as one self-contained page: every requirement, a column per report and profile, to-dos first. */
export function renderCompareHtml(apis: readonly ComparedApi[]): string {
  const sections = apis
    .map(
      (api) => `<section class="api" data-api="${esc(api.api)}"><h2>${esc(api.title)}</h2>
<table class="compare"><thead><tr><th>Requirement</th>${api.columns.map((c) => `<th title="${esc(c.target)}${c.finishedAt ? ` · ${esc(c.finishedAt)}` : ''}">${esc(c.label)}<br><code>${esc(c.profile)}</code><br><small>${esc(tally(c))}</small></th>`).join('')}</tr></thead><tbody>
${api.rows
  .map(
    (r) => `<tr class="req${r.todo ? ' todo' : ''}${r.differs ? ' differs' : ''}"><td><strong>${esc(r.id)}</strong> <small>${r.level}</small><div class="stmt">${esc(r.statement)}</div></td>${r.statuses
      .map((s, i) => (s ? `<td class="cmp ${s}" title="${esc(r.notes[i] ?? '')}"><span class="badge">${LABEL[s]}</span>${s !== 'passed' && r.notes[i] ? `<div class="note">${esc(r.notes[i]!.slice(0, 300))}</div>` : ''}</td>` : '<td class="cmp absent">—</td>'))
      .join('')}</tr>`,
  )
  .join('\n')}
</tbody></table></section>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>authconform — compared</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}
.compare{table-layout:auto}.compare th{font-weight:600}.cmp .note{font-size:12px;color:#555;max-width:22rem}.cmp.absent{color:#999;text-align:center}
</style></head><body>
<h1>Conformance compared</h1>
<p>${apis.map((a) => `${esc(a.title)}: ${a.rows.filter((r) => r.todo).length} to do of ${a.rows.length}`).join(' · ')}</p>
<div class="filters"><label><input type="checkbox" id="f-todo" checked> only requirements some column fails, blocks or waives</label> <span id="f-count"></span></div>
${sections}
<script>
function filter() {
  const todo = document.getElementById('f-todo').checked
  let shown = 0
  for (const row of document.querySelectorAll('tr.req')) { const ok = !todo || row.classList.contains('todo'); row.classList.toggle('hidden', !ok); if (ok) shown++ }
  document.getElementById('f-count').textContent = shown + ' requirements shown'
}
document.getElementById('f-todo').addEventListener('change', filter)
filter()
</script>
</body></html>
`
}

const cell = (s: string, max: number) => {
  const flat = s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
