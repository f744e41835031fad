import { loadCatalogue, tagsOf, type Requirement } from '../../harness/catalogue.ts'
import { BROWSER_TAG } from '../../harness/requirements.ts'
import { implementedApis } from '../../mocks/apis.ts'
import { UsageError } from './common.ts'

const LEVELS = ['MUST', 'SHOULD', 'MAY', 'QUIRK'] as const
/** Tags that tests carry themselves rather than their requirements (`@browser`: the test drives a page). */
const TEST_TAGS = [BROWSER_TAG.slice(1)]

export interface Selection {
  /** The APIs the run covers. */
  apis: string[]
  /** The Playwright --grep, when the run is narrowed below whole APIs. */
  grep?: string
  /** Requirement IDs selected (undefined: all of the APIs'). */
  ids?: Set<string>
  /** Selected requirements judged over every exchange (spec, echo) rather than by tests of their own. */
  judged: string[]
  /** What narrowed the run, in words ("--level MUST"). */
  because: string[]
}

/**
 * Maps the subset options to APIs and a grep on the requirement tags every test carries (`@DADI-TOKEN-SHAPE`):
 * by API (its suite folder), requirement ID, level (the catalogue's), and tag (a catalogue `tags:` entry, the
 * source's kind — doc, upstream, rfc, harness — or a test's own tag: browser). Options of different kinds
 * narrow together; the values of one option add up.
 */
export function select(options: { api: string[]; requirement: string[]; level: string[]; tag: string[] }): Selection {
  const known = implementedApis() as string[]
  for (const api of options.api) if (!known.includes(api)) throw new UsageError(`--api ${api}: unknown API; the suites cover ${known.join(', ')}`)
  const catalogues = new Map(known.map((api) => [api, loadCatalogue(api)]))
  const owner = new Map<string, { api: string; requirement: Requirement }>()
  for (const [api, c] of catalogues) for (const r of c.requirements) owner.set(r.id, { api, requirement: r })

  const ids = options.requirement.map((id) => id.replace(/^@/, '').toUpperCase())
  for (const id of ids) {
    if (owner.has(id)) continue
    const near = [...owner.keys()].filter((k) => k.startsWith(id.split('-').slice(0, 2).join('-'))).slice(0, 6)
    throw new UsageError(`--requirement ${id}: no such requirement${near.length ? `; did you mean ${near.join(', ')}?` : ' (the IDs are in suites/<api>/requirements.yaml and in every report)'}`)
  }
  const levels = options.level.map((l) => l.toUpperCase())
  for (const level of levels) if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level ${level}: the levels are ${LEVELS.join(', ')}`)
  const allTags = new Set([...[...owner.values()].flatMap(({ requirement }) => tagsOf(requirement)), ...TEST_TAGS])
  for (const tag of options.tag) if (!allTags.has(tag)) throw new UsageError(`--tag ${tag}: no requirement or test has it; tags: ${[...allTags].sort().join(', ')}`)

  let apis = options.api.length ? options.api : known
  if (ids.length) {
    const outside = ids.filter((id) => !apis.includes(owner.get(id)!.api))
    if (outside.length) throw new UsageError(`--requirement ${outside.join(', ')} is not of ${apis.join(', ')} (--api)`)
    apis = apis.filter((api) => ids.some((id) => owner.get(id)!.api === api))
  }
  const because = [...(options.api.length ? [`--api ${options.api.join(',')}`] : []), ...(ids.length ? [`--requirement ${ids.join(',')}`] : []), ...(levels.length ? [`--level ${levels.join(',')}`] : []), ...(options.tag.length ? [`--tag ${options.tag.join(',')}`] : [])]
  const testTags = options.tag.filter((t) => TEST_TAGS.includes(t))
  const requirementTags = options.tag.filter((t) => !TEST_TAGS.includes(t))
  if (!ids.length && !levels.length && !options.tag.length) return { apis, judged: [], because }

  // Every requirement-based option is a set of IDs; together they narrow to the intersection.
  let chosen: Set<string> | undefined
  const narrow = (set: Iterable<string>) => (chosen = new Set(chosen ? [...set].filter((id) => chosen!.has(id)) : set))
  const inApis = [...owner.entries()].filter(([, o]) => apis.includes(o.api))
  if (ids.length) narrow(ids)
  if (levels.length) narrow(inApis.filter(([, o]) => levels.includes(o.requirement.level)).map(([id]) => id))
  if (requirementTags.length) narrow(inApis.filter(([, o]) => tagsOf(o.requirement).some((t) => requirementTags.includes(t))).map(([id]) => id))
  if (chosen && chosen.size === 0) throw new UsageError(`no requirement matches ${because.join(' and ')}`)

  const judged = [...(chosen ?? [])].filter((id) => owner.get(id)!.requirement.judgedBy)
  const tested = [...(chosen ?? [])].filter((id) => !owner.get(id)!.requirement.judgedBy)
  if (chosen) apis = apis.filter((api) => [...chosen!].some((id) => owner.get(id)!.api === api))
  const boundary = '(?=\\s|$)'
  const parts: string[] = []
  if (testTags.length) parts.push(`(?=.*@(?:${testTags.join('|')})${boundary})`)
  // Only requirements judged over every exchange: every test of their APIs is their evidence.
  if (tested.length) parts.push(`(?=.*@(?:${tested.sort().join('|')})${boundary})`)
  return { apis, ...(parts.length ? { grep: `^${parts.join('')}` } : {}), ...(chosen ? { ids: chosen } : {}), judged, because }
}
