import { relative } from 'node:path'
import { loadCatalogue } from '../catalogue.ts'
import { buildReport } from './model.ts'
import { runInfo } from './run-info.ts'
import { writeReport } from './write.ts'
import type { ResolvedApiTarget } from '../targets.ts'
import type { PreflightOutcome } from '../preflight/run.ts'

/**
 * The report of a run that ended at its preflight (every API failed it): each API's requirements blocked, the
 * preflight's message the reason and the first cause, written where the run's report would have gone.
 */
export function writePreflightReport(target: string, apis: readonly ResolvedApiTarget[], outcomes: readonly PreflightOutcome[], outputDir: string, startedAt: Date): void {
  const failed = outcomes.filter((o) => !o.ok)
  const runs = failed.flatMap((o) => o.profiles.map((profile) => ({ catalogue: loadCatalogue(o.api), profile })))
  const report = buildReport(target, runs, [], { failOn: apis[0]?.failOn, preflight: Object.fromEntries(failed.map((o) => [o.api, o.message ?? 'preflight failed'])) })
  report.run = runInfo({ startedAt, apis: [...apis, ...outcomes.filter((o) => !apis.some((a) => a.api === o.api))], covered: runs.map((r) => ({ api: r.catalogue.api, profile: r.profile })), filtered: false })
  writeReport(outputDir, report)
  const where = relative(process.cwd(), `${outputDir}/index.html`)
  console.log(`[authconform] report: ${where.startsWith('..') ? `${outputDir}/index.html` : where} — every requirement of ${failed.map((o) => o.title).join(', ')} blocked by the preflight`)
}
