import type { TestDetails } from '@playwright/test'

/**
 * How a test names the requirements it checks, and how a failed assertion says whose rule it reports on. The
 * builders and the parser live together: the report reads exactly what these write.
 *
 * - `req('ID', …)`: test details with `@ID` tags (for `--grep`) and `requirement` annotations (the report and
 *   Playwright's JUnit `<property>`s carry them).
 * - `finding('ID', text)`: an assertion about requirement ID. Naming a catalogued requirement the test is not
 *   tagged with makes the failure a finding for that one (an envelope checked on every refusal is a finding for
 *   the envelope's requirement, not for each refusal's own).
 * - `precondition('ID', text)`: a step the test depends on and does not check itself; ID checks it. A test whose
 *   failures are all preconditions or findings for others is *blocked*, not failed: one defect (a renamed token
 *   field) fails the requirement it breaks, and the others say they could not be checked.
 *
 * @example
 * test('refuses a wrong secret', req('DADI-CRED-SECRET'), async ({ request }) => {
 *   expect(issued.status(), precondition('DADI-TOKEN-SHAPE', 'POST /token must succeed')).toBe(200)
 *   expect(refused.status(), finding('DADI-CRED-SECRET', 'a wrong secret gets 401')).toBe(401)
 * })
 */
export function req(...ids: string[]): TestDetails {
  return { tag: ids.map((id) => `@${id}`), annotation: ids.map((id) => ({ type: 'requirement', description: id })) }
}

/** Test details for a test that drives a browser page (the mutant sweep opens one page per run for it). */
export function browserReq(...ids: string[]): TestDetails {
  const details = req(...ids)
  return { ...details, tag: [...(details.tag as string[]), BROWSER_TAG] }
}
export const BROWSER_TAG = '@browser'

/** An assertion about requirement `id` — or several (`['A', 'B']`: one assertion that several rules share, as a table's column does). */
export function finding(id: string | readonly string[], text: string): string {
  return `${[id].flat().join(', ')}: ${text}`
}

/**
 * Marks that the test got to its last assertion: a failure there then fails only the requirements it names, and
 * the test's other requirements were checked in full (passed), not cut short (blocked).
 */
export function checkedToEnd(testInfo: { annotations: { type: string; description?: string }[] }): void {
  testInfo.annotations.push({ type: CHECKED_TO_END })
}
export const CHECKED_TO_END = 'checked-to-end'

export function precondition(id: string, text: string): string {
  return `precondition (${id}): ${text}`
}

const PRECONDITION = /^(?:Error: )?precondition(?: \(([A-Z][A-Z0-9-]*)\))?:/
const ID = '[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+'
const NAMED = new RegExp(`^(?:Error: )?(${ID})(?=[:( ,])`)
/** `ID, ID, …:` — the requirements an assertion names (see finding). */
const NAMED_LIST = new RegExp(`^(?:Error: )?(${ID}(?:, ${ID})*)(?=[:( ])`)

/** Whose rule a failed assertion reports on, read from its message (see the builders above). */
export type Blame = { kind: 'own' } | { kind: 'precondition'; id: string } | { kind: 'other'; id: string }

export function blameOf(message: string, own: readonly string[], known: ReadonlySet<string>): Blame {
  const text = message.trimStart()
  const pre = PRECONDITION.exec(text)
  if (pre) return { kind: 'precondition', id: pre[1] ?? '' }
  const named = NAMED.exec(text)?.[1]
  return named !== undefined && known.has(named) && !own.includes(named) ? { kind: 'other', id: named } : { kind: 'own' }
}

/** What a failed test says about each requirement, from its failure messages. */
export interface Verdict {
  /** Its own requirements a failed assertion named (all of them when a failure named none: it cannot be told apart). */
  failed: string[]
  /** Its other own requirements: the test stopped before it finished checking them. */
  blocked: string[]
  /** For the blocked ones: the requirements whose failures came first (preconditions, findings for others, own ones). */
  blockedBy: string[]
  /** Other catalogued requirements its failed assertions named: findings for them. */
  failedFor: string[]
}

/**
 * A failed test's verdict: blame follows the assertion that failed. An assertion that names one of the test's own
 * requirements fails that one only; the test's other requirements are blocked, not failed, since the test
 * stopped before it finished checking them. An assertion that names no requirement fails them all.
 */
export function judgeFailure(messages: readonly string[], own: readonly string[], known: ReadonlySet<string>, options: { checkedToEnd?: boolean } = {}): Verdict {
  const blames = messages.map((m) => blameOf(m, own, known))
  const ids = (kind: Blame['kind']) => [...new Set(blames.flatMap((b) => (b.kind === kind && 'id' in b && b.id ? [b.id] : [])))].sort()
  const lists = messages.map((m) => namedList(m))
  const unnamed = blames.some((b, i) => b.kind === 'own' && !lists[i]!.some((id) => own.includes(id)))
  const named = new Set(lists.flat())
  const failed = unnamed ? [...own] : own.filter((id) => named.has(id))
  const others = lists.flat().filter((id) => known.has(id) && !own.includes(id))
  // Checked to the end: the test's other requirements passed; otherwise they were cut short.
  const blocked = options.checkedToEnd && !unnamed ? [] : own.filter((id) => !failed.includes(id))
  const blockedBy = blocked.length ? [...new Set([...ids('precondition'), ...ids('other'), ...failed])].sort() : []
  // A precondition that failed is a finding for the requirement it names: that rule broke, whatever else it stopped.
  const preconditions = ids('precondition').filter((id) => known.has(id) && !own.includes(id))
  return { failed: [...failed].sort(), blocked, blockedBy, failedFor: [...new Set([...ids('other'), ...others, ...preconditions])].sort() }
}

/** Every requirement a message names at its start (`A: …` or `A, B: …`). */
function namedList(message: string): string[] {
  return NAMED_LIST.exec(message.trimStart())?.[1]?.split(', ') ?? []
}
