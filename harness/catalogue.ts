import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'

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
    /** What the check needs from a target beyond its URL and credentials (shown when it is skipped). */
    needs: z.array(z.string()).default([]),
  })
  .strict()

export const Catalogue = z
  .object({
    api: z.string(),
    title: z.string(),
    seed: z.string().optional(),
    requirements: z.array(Requirement).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = c.requirements.map((r) => r.id)
    const dup = ids.find((id, i) => ids.indexOf(id) !== i)
    if (dup) ctx.addIssue({ code: 'custom', path: ['requirements'], message: `requirement ${dup} appears twice` })
  })

export type Requirement = z.infer<typeof Requirement>
export type Catalogue = z.infer<typeof Catalogue>

/** Reads and validates `suites/<api>/requirements.yaml`. */
export function loadCatalogue(api: string, root = join(import.meta.dirname, '..')): Catalogue {
  const file = join(root, 'suites', api, 'requirements.yaml')
  const parsed = Catalogue.safeParse(parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`[authconform] ${file} is invalid:\n${z.prettifyError(parsed.error)}`)
  return parsed.data
}

const ids = new Map<string, ReadonlySet<string>>()

/** The requirement IDs of an API's catalogue, read once per process. */
export function knownIds(api: string): ReadonlySet<string> {
  let found = ids.get(api)
  if (!found) ids.set(api, (found = new Set(loadCatalogue(api).requirements.map((r) => r.id))))
  return found
}
