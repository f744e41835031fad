import { parseChallenge } from '../../../harness/index.ts'

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** An auth-param's expected value: exactly this, `null` for absent, or any one of a list. */
export type ParamValue = string | null | readonly (string | null)[]

/**
 * A `WWW-Authenticate` challenge compared parsed, as RFC 6750 §3 defines it: the scheme in any letter case, each
 * auth-param named here with this value (`null`: absent; a list: any one of them), none repeated, and any other auth-param allowed
 * (§3: "additional authentication parameters", e.g. its own example's `error_description`). It is a RegExp so
 * that every place taking a challenge pattern takes it (the access table, `matches`); its `test` parses.
 */
export class ChallengeMatch extends RegExp {
  readonly expected: { scheme: string; params: Readonly<Record<string, ParamValue>> }
  constructor(scheme: string, params: Readonly<Record<string, ParamValue>>) {
    // The source is only what a finding shows: the challenge as expected, other auth-params allowed.
    const one = (k: string, v: string | null) => (v === null ? `no ${k}` : `${k}="${v}"`)
    const shown = [scheme, Object.entries(params).map(([k, v]) => (Array.isArray(v) ? v.map((x: string | null) => one(k, x)).join(' or ') : one(k, v as string | null))).join(', ')].filter(Boolean).join(' ')
    super(`${escaped(shown)} \\(other auth-params allowed\\)`)
    this.expected = { scheme, params }
  }
  override test(header: string): boolean {
    const c = parseChallenge(typeof header === 'string' ? header : undefined)
    if (!c || c.scheme.toLowerCase() !== this.expected.scheme.toLowerCase() || c.repeated.length) return false
    const holds = (k: string, v: string | null) => (v === null ? !(k in c.params) : c.params[k] === v)
    return Object.entries(this.expected.params).every(([k, v]) => (Array.isArray(v) ? v.some((x: string | null) => holds(k, x)) : holds(k, v as string | null)))
  }
  // RegExp methods that build a new RegExp from `this` would lose the override: none of them is used on a challenge.
  static override get [Symbol.species]() {
    return RegExp
  }
}

/** An RFC 6750 §3 Bearer challenge with these auth-params (`null`: absent), others allowed. */
export const bearerChallenge = (params: Readonly<Record<string, ParamValue>>) => new ChallengeMatch('Bearer', params)
