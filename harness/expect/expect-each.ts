import { expect } from '@playwright/test'

/** One case of a family: its name (shown in the diff and the message), what came back, what the rule expects. */
export type Case = readonly [name: string, actual: unknown, expected: unknown]

/**
 * One assertion for a whole family of cases — every malformed body, every query-token name, every refusal of a
 * table — whose message names each case that is off and whose diff shows them all. A wrong case never hides the
 * next, and the family costs one Playwright step (each `expect` is a step with a captured stack; see
 * docs/decisions/playwright-per-call-cost.md). `expected` may hold asymmetric matchers (`expect.stringMatching`).
 *
 * @example
 * expectEach(finding('DADI-AUTH-UNKNOWN', 'an unknown token gets 401 invalid_token'), cases.map(([name, r]) => [name, shape(r), want]))
 */
export function expectEach(message: string, cases: readonly Case[], show: (actual: unknown) => string = brief): void {
  const off = cases.filter(([, actual, expected]) => !matches(actual, expected)).map(([name, actual]) => `${name || 'the response'}: ${show(actual)}`)
  const actual = Object.fromEntries(cases.map(([name, value]) => [name, value]))
  const expected = Object.fromEntries(cases.map(([name, , value]) => [name, value]))
  expect(actual, off.length ? `${message}; off: ${off.join('; ')}` : message).toEqual(expected)
}

function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text
}

interface Asymmetric {
  asymmetricMatch(other: unknown): boolean
}
export const isAsymmetric = (v: unknown): v is Asymmetric => v !== null && typeof v === 'object' && typeof (v as Asymmetric).asymmetricMatch === 'function'

/** Deep equality as `toEqual` sees it (undefined properties ignored), asymmetric matchers honoured, a RegExp matching a string. */
export function matches(actual: unknown, expected: unknown): boolean {
  if (isAsymmetric(expected)) return expected.asymmetricMatch(actual)
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual)
  if (Object.is(actual, expected)) return true
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) return false
  if (Array.isArray(actual) !== Array.isArray(expected)) return false
  if (Array.isArray(actual)) return actual.length === (expected as unknown[]).length && actual.every((v, i) => matches(v, (expected as unknown[])[i]))
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)])
  for (const key of keys) if (!matches((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key])) return false
  return true
}
