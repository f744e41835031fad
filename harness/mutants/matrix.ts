/** A mutant as the mock lists it: what it breaks, and the requirements that must catch it. */
export interface Mutant {
  description: string
  expect: readonly string[]
  /** The profiles it means something in (all when absent). */
  profiles?: readonly string[]
}

/** An API under one profile, with its mutants: one section of the matrix. */
export interface MatrixApi {
  api: string
  profile: string
  mutants: Readonly<Record<string, Mutant>>
}

/** The key of a sweep outcome: an API under a profile, and the mutant ('' for the unmutated mock). */
export const outcomeKey = (api: string, profile: string, mutant = '') => `${api} ${profile}${mutant ? ` ~${mutant}` : ''}`

export interface ProjectOutcome {
  /** Requirement IDs of the tests that failed in this project. */
  failed: Set<string>
  failedTitles: string[]
  ran: number
}

export interface MutantRow {
  api: string
  profile: string
  mutant: string
  description: string
  expected: { id: string; caught: boolean }[]
  /** Other requirements that failed too (collateral, allowed). */
  alsoFailed: string[]
  verdict: 'caught' | 'survived' | 'caught-elsewhere' | 'not-run'
}

export interface MutantMatrix {
  ok: boolean
  apis: { api: string; profile: string; clean: { ran: number; failed: string[] }; score: string; rows: MutantRow[] }[]
}

/** Judges each mutant: caught only when every requirement it names failed. */
export function mutantMatrix(apis: readonly MatrixApi[], outcomes: Map<string, ProjectOutcome>): MutantMatrix {
  let ok = true
  const result = apis.map(({ api, profile, mutants }) => {
    const clean = outcomes.get(outcomeKey(api, profile))
    if (!clean || clean.ran === 0 || clean.failedTitles.length) ok = false
    const inProfile = Object.entries(mutants).filter(([, m]) => !m.profiles || m.profiles.includes(profile))
    const rows: MutantRow[] = inProfile.map(([mutant, info]) => {
      const outcome = outcomes.get(outcomeKey(api, profile, mutant))
      const expected = info.expect.map((id) => ({ id, caught: outcome?.failed.has(id) ?? false }))
      const alsoFailed = [...(outcome?.failed ?? [])].filter((id) => !info.expect.includes(id)).sort()
      const verdict: MutantRow['verdict'] = !outcome || outcome.ran === 0 ? 'not-run' : expected.every((e) => e.caught) ? 'caught' : alsoFailed.length ? 'caught-elsewhere' : 'survived'
      if (verdict !== 'caught') ok = false
      return { api, profile, mutant, description: info.description, expected, alsoFailed, verdict }
    })
    const caught = rows.filter((r) => r.verdict === 'caught').length
    return { api, profile, clean: { ran: clean?.ran ?? 0, failed: clean?.failedTitles ?? [] }, score: `${caught}/${rows.length} (${rows.length ? Math.round((100 * caught) / rows.length) : 0} %)`, rows }
  })
  return { ok, apis: result }
}

const MARK = { caught: '✅ caught', survived: '❌ SURVIVED', 'caught-elsewhere': '❌ caught only by unrelated requirements', 'not-run': '❌ not run' } as const

export function renderMatrix(matrix: MutantMatrix): string {
  const out: string[] = ['# Mutation matrix', '']
  for (const api of matrix.apis) {
    out.push(`## ${api.api} (${api.profile}) — score ${api.score}`, '')
    out.push(api.clean.failed.length ? `❌ the unmutated mock failed: ${api.clean.failed.join('; ')}` : `unmutated mock: ${api.clean.ran} tests, all passed or skipped with a reason`, '')
    out.push('| Mutant | Defect | Expected requirement(s) | Verdict | Also failed |', '| --- | --- | --- | --- | --- |')
    for (const r of api.rows) {
      out.push(`| ${r.mutant} | ${r.description} | ${r.expected.map((e) => `${e.caught ? '✔' : '✘'} ${e.id}`).join('<br>')} | ${MARK[r.verdict]} | ${r.alsoFailed.join(', ') || '—'} |`)
    }
    out.push('')
  }
  out.push(matrix.ok ? 'All mutants caught by the requirements that should catch them.' : 'FAILED: see the rows marked ❌.')
  return `${out.join('\n')}\n`
}
