import type { ConformanceReport, Level, Status } from './schema.ts'

/** One column of a comparison: one API under one profile in one report (the mock has a column per profile). */
export interface ComparedColumn {
  label: string
  target: string
  profile: string
  finishedAt?: string
  summary: Record<Status, number>
}

export interface ComparedRow {
  id: string
  level: Level
  statement: string
  /** Per column: the status, or null where the requirement is not in that report. */
  statuses: (Status | null)[]
  /** Per column: why (a skip reason, a waiver, the first line of a failure). */
  notes: (string | undefined)[]
  /** Some column fails, blocks or waives it: a difference from the documented behaviour, so a to-do. */
  todo: boolean
  /** Not every column says the same. */
  differs: boolean
}

export interface ComparedApi {
  api: string
  title: string
  columns: ComparedColumn[]
  rows: ComparedRow[]
}

const TODO: ReadonlySet<Status> = new Set(['failed', 'blocked', 'waived', 'not-tested'])
const URGENCY: Record<Level, number> = { MUST: 0, QUIRK: 1, SHOULD: 2, MAY: 3 }

/**
 * Several targets' reports side by side, per API: a column per (report, profile), a row per requirement. Rows any
 * column fails, blocks or waives come first (by level), since each is a departure from the documented behaviour.
 */
export function compareReports(reports: readonly { label: string; report: ConformanceReport }[]): ComparedApi[] {
  const apis = [...new Set(reports.flatMap(({ report }) => report.apis.map((a) => a.api)))]
  return apis.map((api) => {
    const parts = reports.flatMap(({ label, report }) => report.apis.filter((a) => a.api === api).map((part) => ({ label, report, part })))
    const columns: ComparedColumn[] = parts.map(({ label, report, part }) => ({
      label,
      target: report.target,
      profile: part.profile,
      ...(report.run ? { finishedAt: report.run.finishedAt } : {}),
      summary: part.summary,
    }))
    const ids = [...new Set(parts.flatMap(({ part }) => part.requirements.map((r) => r.id)))]
    const rows = ids.map((id): ComparedRow => {
      const found = parts.map(({ part }) => part.requirements.find((r) => r.id === id))
      const first = found.find((r) => r !== undefined)!
      const statuses = found.map((r) => r?.status ?? null)
      const present = statuses.filter((s): s is Status => s !== null && s !== 'skipped')
      return {
        id,
        level: first.level,
        statement: first.statement,
        statuses,
        notes: found.map((r) => (r ? noteOf(r) : undefined)),
        todo: present.some((s) => TODO.has(s)),
        differs: new Set(present).size > 1,
      }
    })
    rows.sort((a, b) => Number(b.todo) - Number(a.todo) || (a.todo && b.todo ? URGENCY[a.level] - URGENCY[b.level] : 0))
    return { api, title: parts[0]!.part.title, columns, rows }
  })
}

function noteOf(r: ConformanceReport['apis'][number]['requirements'][number]): string | undefined {
  if (r.waiver) return `declared deviation: ${r.waiver.reason}`
  if (r.reason) return r.reason
  const error = r.tests.flatMap((t) => t.errors ?? [])[0]
  return error?.trim().split('\n')[0]
}
