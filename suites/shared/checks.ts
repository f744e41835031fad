import type { TestInfo } from '@playwright/test'
import { checkedToEnd, expect, finding, isAsymmetric, matches } from '../../harness/index.ts'

/**
 * Several rules checked in one test, judged by one assertion at the end (as an access table's column is): each
 * case is compared as it comes, and `done()` makes a single assertion whose message names exactly the
 * requirements with a case off. A mutant that breaks two rules of one test fails both (a first failed `expect`
 * would hide the second), the rules whose cases all matched pass (the test is marked checked to the end), and the
 * test costs one Playwright step for its verdict (docs/decisions/playwright-per-call-cost.md).
 * Steps a test needs but does not judge stay ordinary assertions with `precondition(…)`: they stop the test.
 *
 * @example
 * const v = new Verdicts()
 * v.check('FIO-OAUTH2-CODE-SINGLE-USE', 'the second redemption', await shapeOf(second), { status: 400, error: 'invalid_grant' })
 * v.done(testInfo)
 */
export class Verdicts {
  readonly #ids = new Set<string>()
  readonly #off: { ids: readonly string[]; text: string }[] = []

  /** One case of the rules `ids`: off when `actual` does not match `expected` (asymmetric matchers allowed). */
  check(ids: string | readonly string[], name: string, actual: unknown, expected: unknown): boolean {
    const list = [ids].flat()
    for (const id of list) this.#ids.add(id)
    const ok = matches(actual, expected)
    if (!ok) this.#off.push({ ids: list, text: `${name}: got ${brief(actual)}, expected ${brief(expected)}` })
    return ok
  }

  /** A case judged by the caller: `problem` undefined when it holds. */
  holds(ids: string | readonly string[], name: string, problem: string | undefined): boolean {
    return this.check(ids, name, problem ?? 'ok', 'ok')
  }

  /**
   * Runs a test body and then the verdict. A body stopped early (a precondition, a skip) still reports the cases
   * already off, and leaves the requirements it did not reach blocked.
   */
  async run(testInfo: TestInfo, summary: string, body: () => Promise<void>): Promise<void> {
    try {
      await body()
    } catch (error) {
      if (this.anyOff && testInfo.expectedStatus !== 'skipped') this.done(testInfo, summary, { complete: false })
      throw error
    }
    this.done(testInfo, summary)
  }

  /** Whether a case is off so far. */
  get anyOff(): boolean {
    return this.#off.length > 0
  }

  /**
   * The one assertion: names every requirement with a case off (all of them when none is). `complete: false`
   * when the test stopped early (a precondition failed after some cases were off): the cases off are still
   * reported, and the requirements not reached stay blocked instead of passing.
   */
  done(testInfo: TestInfo, summary = 'every case as the rules say', options: { complete?: boolean } = {}): void {
    const failed = [...new Set(this.#off.flatMap((o) => o.ids))].sort()
    const named = failed.length ? failed : [...this.#ids].sort()
    if (options.complete !== false) checkedToEnd(testInfo)
    const off = this.#off.map((o) => `[${o.ids.join(', ')}] ${o.text}`)
    expect(off, finding(named, `${summary}${off.length ? `; off: ${off.join('; ')}` : ''}`)).toEqual([])
  }
}

function brief(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, (_, v) => (isAsymmetric(v) ? `<${String(v)}>` : v instanceof RegExp ? `/${v.source}/` : v))
  return text === undefined ? String(value) : text.length > 240 ? `${text.slice(0, 240)}…` : text
}

