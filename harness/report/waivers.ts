import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import type { ConformanceReport } from './model.ts'

/**
 * Known deviations of a target, declared in `waivers/<target>.yaml`: a requirement, why the target departs from
 * it (with the upstream source), optionally the profile it concerns and a date after which it no longer holds.
 * A waived failure does not fail the run; a waiver whose requirement now passes, or whose date has passed, is
 * stale and fails it — as the OpenID Foundation's expected-failure files do.
 *
 * @example
 * waivers:
 *   - requirement: DADI-ACL-PATHS
 *     reason: 3.2.2 reads a denied collection through other letter case
 *     source: dadi/api@v3.2.2 dadi/lib/auth/index.js:71
 *     expires: 2027-06-30
 */
const Waiver = z
  .object({
    requirement: z.string(),
    reason: z.string().min(10),
    source: z.string().optional(),
    profile: z.string().optional(),
    expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict()
const Waivers = z.object({ target: z.string(), waivers: z.array(Waiver) }).strict()
export type Waiver = z.infer<typeof Waiver>

/** Where the waiver files are: AUTHCONFORM_WAIVERS (the CLI's --waivers), else `waivers/` of the working directory. */
export function waiversDir(): string {
  return resolve(process.env.AUTHCONFORM_WAIVERS ?? 'waivers')
}

export function loadWaivers(target: string, dir = waiversDir()): Waiver[] {
  const file = join(dir, `${target}.yaml`)
  if (!existsSync(file)) return []
  const parsed = Waivers.safeParse(parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`[authconform] ${file} is invalid:\n${z.prettifyError(parsed.error)}`)
  if (parsed.data.target !== target) throw new Error(`[authconform] ${file} names target "${parsed.data.target}", not "${target}"`)
  return parsed.data.waivers
}

/**
 * Applies the waivers to a report: failed or blocked requirements they cover become `waived` (the reason kept);
 * returns the stale ones — a waived requirement that passed, a waiver past its date, one naming no requirement.
 */
export function applyWaivers(report: ConformanceReport, waivers: readonly Waiver[], today: string, apiOf: (id: string) => string | undefined = () => undefined): string[] {
  const stale: string[] = []
  for (const waiver of waivers) {
    const parts = report.apis.filter((a) => !waiver.profile || a.profile === waiver.profile)
    const matches = parts.flatMap((a) => a.requirements.filter((r) => r.id === waiver.requirement).map((r) => ({ api: a, r })))
    // A waiver of an API (or profile) this run did not cover — `npm run conformance -- suites/exceptionless` on a
    // target that declares DADI deviations too — says nothing about this run.
    const api = apiOf(waiver.requirement)
    if (matches.length === 0 && api !== undefined && !report.apis.some((a) => a.api === api && (!waiver.profile || a.profile === waiver.profile))) continue
    if (matches.length === 0) {
      stale.push(`${waiver.requirement}: waived, but no such requirement ran${waiver.profile ? ` under ${waiver.profile}` : ''}`)
      continue
    }
    const expired = waiver.expires !== undefined && waiver.expires < today
    for (const { api, r } of matches) {
      if (expired) stale.push(`${r.id} (${api.profile}): the waiver expired on ${waiver.expires}; the requirement is ${r.status}`)
      else if (r.status === 'failed' || r.status === 'blocked') {
        api.summary[r.status]--
        api.summary.waived++
        report.summary[r.status]--
        report.summary.waived++
        r.waiver = { reason: waiver.reason, ...(waiver.source ? { source: waiver.source } : {}), ...(waiver.expires ? { expires: waiver.expires } : {}), was: r.status }
        r.status = 'waived'
      } else if (r.status === 'passed') stale.push(`${r.id} (${api.profile}): waived, but it now passes — remove the waiver`)
    }
  }
  return stale
}
