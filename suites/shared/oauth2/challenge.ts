import { parseChallenge } from '../../../harness/index.ts'

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A `WWW-Authenticate` challenge compared parsed, as RFC 6750 §3 defines it: the scheme in any letter case, each
 * auth-param named here with exactly this value (`null`: absent), none repeated, and any other auth-param allowed
 * (§3: "additional authentication parameters", e.g. its own example's `error_description`). It is a RegExp so
 * that every place taking a challenge pattern takes it (the access table, `matches`); its `test` parses.
 */
export class ChallengeMatch extends RegExp {
  readonly expected: { scheme: string; params: Readonly<Record<string, string | null>> }
  constructor(scheme: string, params: Readonly<Record<string, string | null>>) {
    // The source is only what a finding shows: the challenge as expected, other auth-params allowed.
    const shown = [scheme, Object.entries(params).map(([k, v]) => (v === null ? `no ${k}` : `${k}="${v}"`)).join(', ')].filter(Boolean).join(' ')
    super(`${escaped(shown)} \\(other auth-params allowed\\)`)
    this.expected = { scheme, params }
  }
  override test(header: string): boolean {
    const c = parseChallenge(typeof header === 'string' ? header : undefined)
    if (!c || c.scheme.toLowerCase() !== this.expected.scheme.toLowerCase() || c.repeated.length) return false
    return Object.entries(this.expected.params).every(([k, v]) => (v === null ? !(k in c.params) : c.params[k] === v))
  }
  // RegExp methods that build a new RegExp from `this` would lose the override: none of them is used on a challenge.
  static override get [Symbol.species]() {
    return RegExp
  }
}

/** An RFC 6750 §3 Bearer challenge with these auth-params (`null`: absent), others allowed. */
export const bearerChallenge = (params: Readonly<Record<string, string | null>>) => new ChallengeMatch('Bearer', params)
