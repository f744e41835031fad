import type { AccessGrid } from './model.ts'

/** The authorization matrix as a Markdown table: operations × credential kinds; ❌ cells list what came back below. */
export function accessMarkdown(grid: AccessGrid): string[] {
  const cell = (operation: string, credential: string) => {
    const c = grid.cells.find((x) => x.operation === operation && x.credential === credential)
    return !c ? ' ' : c.verdict === 'passed' ? '✅' : c.verdict === 'failed' ? '❌' : '·'
  }
  const out = ['| Operation | ' + grid.credentials.map((c) => c.title).join(' | ') + ' |', '| --- |' + grid.credentials.map(() => ' :-: |').join('')]
  for (const o of grid.operations) out.push(`| ${o.title} | ${grid.credentials.map((c) => cell(o.id, c.id)).join(' | ')} |`)
  const failed = grid.cells.filter((c) => c.verdict === 'failed')
  if (failed.length) {
    out.push('', ...failed.map((c) => `- ❌ ${title(grid.operations, c.operation)} × ${title(grid.credentials, c.credential)} (${c.requirement}): expected ${c.expected}; got ${c.actual}`))
  }
  out.push('', '✅ answered as documented · ❌ did not · `·` not a cell of this profile or target')
  return out
}

/** The authorization matrix as an HTML table; every cell's title says what was expected and what came back. */
export function accessHtml(grid: AccessGrid, esc: (s: string) => string): string {
  const head = `<tr><th>Operation</th>${grid.credentials.map((c) => `<th>${esc(c.title)}</th>`).join('')}</tr>`
  const rows = grid.operations.map((o) => {
    const cells = grid.credentials.map((k) => {
      const c = grid.cells.find((x) => x.operation === o.id && x.credential === k.id)
      if (!c) return '<td></td>'
      const tip = c.verdict === 'n/a' ? c.reason ?? '' : `${c.requirement}: expected ${c.expected}; got ${c.actual}`
      return `<td class="cell ${c.verdict === 'n/a' ? 'na' : c.verdict}" title="${esc(tip)}">${c.verdict === 'passed' ? '✓' : c.verdict === 'failed' ? '✗' : '·'}</td>`
    })
    return `<tr><th>${esc(o.title)}</th>${cells.join('')}</tr>`
  })
  return `<table class="matrix"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`
}

const title = (list: { id: string; title: string }[], id: string) => list.find((x) => x.id === id)?.title ?? id
