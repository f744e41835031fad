import type { ApiReport, Cause, RequirementReport } from './schema.ts'

/**
 * What to fix first: the failed and blocked requirements of a report grouped by cause — the same symptom (an
 * answer's difference from the table, a spec violation, an assertion's message with its values taken out) across
 * requirements is one cause — ordered by the highest level it fails, then by how many requirements it fails or
 * blocks. A missing `WWW-Authenticate` that fails five requirements is one line, not five.
 */
const RANK = { MUST: 0, QUIRK: 1, SHOULD: 2, MAY: 3 } as const

export function causesOf(apis: readonly ApiReport[]): Cause[] {
  const causes = new Map<string, Cause>()
  const add = (symptom: string, api: ApiReport, r: RequirementReport, where: string) => {
    const key = symptom.slice(0, 200)
    let cause = causes.get(key)
    if (!cause) causes.set(key, (cause = { symptom: key, level: r.level, requirements: [], where: [] }))
    if (RANK[r.level] < RANK[cause.level]) cause.level = r.level
    if (!cause.requirements.some((x) => x.api === api.api && x.profile === api.profile && x.id === r.id)) cause.requirements.push({ api: api.api, profile: api.profile, id: r.id, status: r.status })
    if (where && !cause.where.includes(where) && cause.where.length < 8) cause.where.push(where)
  }
  for (const api of apis) {
    for (const r of api.requirements) {
      if (r.status !== 'failed' && r.status !== 'blocked') continue
      for (const s of symptomsOf(api, r)) add(s.symptom, api, r, s.where)
    }
  }
  return [...causes.values()].sort((a, b) => RANK[a.level] - RANK[b.level] || b.requirements.length - a.requirements.length || a.symptom.localeCompare(b.symptom))
}

/** The symptoms of one failed requirement: its failed cells, its spec findings, or its assertion messages. */
function symptomsOf(api: ApiReport, r: RequirementReport): { symptom: string; where: string }[] {
  if (r.status === 'blocked') return [{ symptom: `blocked: ${r.reason ?? 'a precondition failed'}`, where: '' }]
  const cells = (api.access?.cells ?? []).filter((c) => c.requirement === r.id && c.verdict === 'failed')
  const fromCells = cells.flatMap((c) => {
    const problems = (c.actual ?? '').split(' — ').slice(1).join(' — ')
    return problems.split('; ').map((p) => ({ symptom: normalize(p), where: `${c.operation} × ${c.credential}` }))
  })
  const fromTests = r.tests
    .filter((t) => t.status === 'failed')
    .flatMap((t) => (t.errors ?? []).filter((e) => !isAccessColumn(e)).map((e) => ({ symptom: normalize(firstLine(e)), where: t.title })))
  // A failed cell says precisely what came back; an assertion's message is the fallback.
  const all = (fromCells.length ? fromCells : fromTests).filter((s) => s.symptom)
  return all.length ? all : [{ symptom: 'failed (no message)', where: '' }]
}

const isAccessColumn = (message: string) => / on every operation: each answer as the table says/.test(message)
const firstLine = (message: string) => message.trim().split('\n')[0]!

/** An assertion's message without requirement ids, the operation it was seen on, and the values that vary. */
export function normalize(message: string): string {
  return message
    .replace(/^(?:Error: )?/, '')
    .replace(/^precondition \([A-Z0-9-]+\): /, 'precondition: ')
    .replace(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?:, [A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)*: /, '')
    .replace(/^\([A-Z][A-Z0-9-]+\) /, '')
    .replace(/^[A-Z]+ \S+ → \d{3}: /, '')
    .replace(/; off: .*$/, '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27}\b/gi, '<id>')
    .replace(/\b[A-Za-z0-9_-]{32,}\b/g, '<token>')
    .replace(/body (.{0,60}).*$/, 'body $1…')
    .trim()
}
