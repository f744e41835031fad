import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { readCatalogueFiles } from './catalogue-files.ts'
import { ROOT } from './paths.ts'

export const Requirement = z
  .object({
    id: z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/),
    level: z.enum(['MUST', 'SHOULD', 'MAY', 'QUIRK']),
    statement: z.string().min(10),
    source: z
      .object({
        kind: z.enum(['doc', 'upstream', 'rfc', 'harness']),
        ref: z.string().min(3),
        quote: z.string().optional(),
      })
      .strict(),
    /** Where the docs and the real server disagree: which one the check follows, and what the other says. */
    follows: z.enum(['docs', 'server', 'both', 'rfc']).default('both'),
    deviation: z.string().optional(),
    /** Words to select requirements by (`authconform run --tag expiry`); each also carries its source's kind as a tag. */
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)).optional(),
    /** What the check needs from a target beyond its URL and credentials (shown when it is skipped). */
    needs: z.array(z.string()).default([]),
    /** The profiles of the API this requirement holds in (every profile when absent). */
    profiles: z.array(z.string()).optional(),
    /** What each profile expects, where they differ (the check reads the target's profile). */
    expects: z.record(z.string(), z.string()).optional(),
    /**
     * Judged by the harness over every recorded exchange instead of by tests naming it: our OpenAPI document,
     * the API's own published one, or no credential that came in appearing in any answer.
     */
    judgedBy: z.enum(['own-spec', 'upstream-spec', 'no-echo']).optional(),
  })
  .strict()

/** One released behaviour of the API (see the mock definition's `profiles`). */
export const Profile = z
  .object({
    id: z.string().regex(/^[a-z0-9]+@[\w.-]+$/),
    /** Which releases it stands for, in words. */
    releases: z.string().min(3),
    notes: z.string().optional(),
  })
  .strict()

export const Catalogue = z
  .object({
    api: z.string(),
    title: z.string(),
    seed: z.string().optional(),
    /** The API's profiles, the default first (the mock serves the same list). */
    profiles: z.array(Profile).min(1),
    /**
     * Response fields that hand out a credential though their name does not say so (an Exceptionless token is its
     * `id`): the evidence masks their values everywhere, as it does `token` or `secret` fields. `path` is a regular
     * expression on the URL path.
     */
    secretFields: z.array(z.object({ path: z.string(), field: z.string(), why: z.string().min(10) }).strict()).default([]),
    /**
     * A credential an answer shows by design, which the echo check (`judgedBy: no-echo`) does not count: the one
     * the request carried under `credential` (as the evidence names it: `query code`) on the paths matching `path`
     * (GoToSocial's out-of-band page shows the code it is given). Nothing else on those paths, nor elsewhere.
     */
    shownByDesign: z.array(z.object({ path: z.string(), credential: z.string(), why: z.string().min(10) }).strict()).default([]),
    /**
     * Words the API gives a fixed meaning where a credential goes (Exceptionless's Basic markers `client` and
     * `x-oauth-basic`): never masked in evidence, never counted as an echo — a report must say which variant failed.
     */
    publicValues: z.array(z.object({ values: z.array(z.string().min(1)).min(1), why: z.string().min(10) }).strict()).default([]),
    requirements: z.array(Requirement).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = c.requirements.map((r) => r.id)
    const dup = ids.find((id, i) => ids.indexOf(id) !== i)
    if (dup) ctx.addIssue({ code: 'custom', path: ['requirements'], message: `requirement ${dup} appears twice` })
    const profiles = new Set(c.profiles.map((p) => p.id))
    for (const r of c.requirements) {
      for (const p of [...(r.profiles ?? []), ...Object.keys(r.expects ?? {})]) {
        if (!profiles.has(p)) ctx.addIssue({ code: 'custom', path: ['requirements', r.id], message: `${r.id} names profile ${p}, which the catalogue does not list` })
      }
    }
  })

export type Requirement = z.infer<typeof Requirement>
export type Catalogue = z.infer<typeof Catalogue>

/** Reads and validates `suites/<api>/requirements.yaml` and its `requirements.<concern>.yaml` parts. */
export function loadCatalogue(api: string, root = ROOT): Catalogue {
  const file = join(root, 'suites', api, 'requirements.yaml')
  const known = loaded.get(file)
  if (known) return known
  const { files, value } = readCatalogueFiles(api, root, parse)
  const parsed = Catalogue.safeParse(value)
  if (!parsed.success) throw new Error(`[authconform] ${files.join(' + ')} is invalid:\n${z.prettifyError(parsed.error)}`)
  loaded.set(file, parsed.data)
  return parsed.data
}
/** Read once per process: every test's fixtures ask for it. */
const loaded = new Map<string, Catalogue>()

/** The requirement IDs of an API's catalogue. */
export function knownIds(api: string): ReadonlySet<string> {
  return new Set(loadCatalogue(api).requirements.map((r) => r.id))
}

/** The requirements of an API the harness judges itself in a given way (on every recorded exchange). */
export function judgedBy(api: string, kind: NonNullable<Requirement['judgedBy']>): ReadonlySet<string> {
  return new Set(loadCatalogue(api).requirements.flatMap((r) => (r.judgedBy === kind ? [r.id] : [])))
}

/** The tags a requirement is selected by: its own `tags`, and the kind of its source (`doc`, `upstream`, `rfc`, `harness`). */
export function tagsOf(requirement: Requirement): string[] {
  return [...new Set([...(requirement.tags ?? []), requirement.source.kind])]
}
