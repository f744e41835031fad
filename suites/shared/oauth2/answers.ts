import type { APIResponse } from '@playwright/test'
import { Verdicts } from '../checks.ts'
import { idsOf, named, skipOf, type OAuth2Api, type ResourceRefusal } from './api.ts'
import type { Rule } from './rules.ts'

/** RFC 6749 §5.2 and RFC 7009 §2.2.1 error codes. */
export const TOKEN_ERRORS = ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'unsupported_token_type']
/** RFC 6749 §5.2: error_description "MUST NOT include characters outside the set %x20-21 / %x23-5B / %x5D-7E". */
const DESCRIPTION = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/

/** Verdicts over shared rules: a skipped rule's cases are not looked at; a departed one's are named so. */
export class RuleVerdicts extends Verdicts {
  /** `outside`: the requirements that do not hold in the test's profile (their cases are not looked at either). */
  constructor(
    readonly api: OAuth2Api,
    readonly outside: ReadonlySet<string> = new Set(),
  ) {
    super()
  }
  /** The rules that had at least one case. */
  readonly seen = new Set<Rule>()
  /** Whether the rule is judged here: neither skipped by the API nor outside the profile. */
  applies(rule: Rule): boolean {
    return !skipOf(this.api, rule) && !this.outside.has(idsOf(this.api, rule)[0]!)
  }
  rule(rule: Rule, name: string, actual: unknown, expected: unknown): boolean {
    if (!this.applies(rule)) return true
    this.seen.add(rule)
    return this.check(idsOf(this.api, rule), named(this.api, rule, name), actual, expected)
  }
  ruleHolds(rule: Rule, name: string, problem: string | undefined): boolean {
    return this.rule(rule, name, problem ?? 'ok', 'ok')
  }
}

export async function jsonOf(r: APIResponse): Promise<unknown> {
  const text = await r.text()
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * A token (or revocation) endpoint refusal checked in full, each part for the rule it belongs to:
 * - `rule`: the status the API gives this error and the error code;
 * - TOKEN-ERROR-SHAPE: JSON with `error` (a §5.2 code) and at most `error_description` (§5.2's ASCII set) and
 *   `error_uri`; no `WWW-Authenticate` except the Basic challenge of an invalid_client after a Basic header;
 * - TOKEN-INVALID-CLIENT-401: that challenge, exactly, with 401;
 * - TOKEN-NO-STORE: `Cache-Control: no-store` and `Pragma: no-cache`;
 * - TOKEN-NO-SECRET-ECHO: nothing the request carried that is secret (secret, code, verifier, token) comes back.
 */
export async function judgeTokenRefusal(v: RuleVerdicts, rule: Rule, name: string, response: APIResponse, error: string, o: { basic?: boolean; secrets?: readonly string[]; status?: number } = {}): Promise<void> {
  const { api } = v
  const text = await response.text()
  const body = (() => {
    try {
      return JSON.parse(text) as Record<string, unknown>
    } catch {
      return undefined
    }
  })()
  const h = response.headers()
  const expected = api.tokenErrors.errorFor?.(rule, error, name) ?? error
  v.rule(rule, name, { status: response.status(), error: body?.error }, { status: o.status ?? api.tokenErrors.status(expected), error: expected })
  const shape: string[] = []
  if (!body || typeof body !== 'object') shape.push(`not a JSON object: ${text.slice(0, 80)}`)
  else {
    const extra = Object.keys(body).filter((k) => !['error', 'error_description', 'error_uri'].includes(k))
    if (extra.length) shape.push(`fields beyond §5.2: ${extra.join(', ')}`)
    // A declared difference may name the API's own error (errorFor): that one, and no other, is its shape.
    if (!TOKEN_ERRORS.includes(String(body.error)) && (expected === error || body.error !== expected)) shape.push(`error "${String(body.error)}" is not a §5.2 code`)
    if (body.error_description !== undefined && (typeof body.error_description !== 'string' || !DESCRIPTION.test(body.error_description))) shape.push('error_description outside %x20-21 / %x23-5B / %x5D-7E')
  }
  if (!/^application\/json/i.test(h['content-type'] ?? '')) shape.push(`content-type ${h['content-type']}`)
  const challenged = expected === 'invalid_client' && o.basic && api.tokenErrors.basicChallenge !== null
  if (!challenged && expected !== 'invalid_client' && h['www-authenticate'] !== undefined) shape.push(`a challenge on ${expected}: ${h['www-authenticate']}`)
  v.rule('TOKEN-ERROR-SHAPE', name, shape, [])
  if (challenged) v.rule('TOKEN-INVALID-CLIENT-401', `${name}: invalid_client after Basic`, { status: response.status(), challenge: h['www-authenticate'] ?? null }, { status: 401, challenge: api.tokenErrors.basicChallenge })
  const cache = api.tokenErrors.errorCacheControl
  if (cache === undefined) v.rule('TOKEN-NO-STORE', `${name}: the refusal`, noStore(h, api.tokenErrors.errorPragma), { cacheControl: true, pragma: true })
  else v.rule('TOKEN-NO-STORE', `${name}: the refusal (no credential in it)`, { cacheControl: h['cache-control'], pragma: h.pragma }, { cacheControl: cache, pragma: api.tokenErrors.errorPragma ? 'no-cache' : undefined })
  const echoed = (o.secrets ?? []).filter((s) => s.length >= 6 && (text.includes(s) || Object.values(h).some((x) => x.includes(s))))
  v.rule('TOKEN-NO-SECRET-ECHO', name, echoed.length, 0)
}

export function noStore(h: Record<string, string>, pragma = true): { cacheControl: boolean; pragma: boolean } {
  return { cacheControl: /(^|,)\s*no-store\s*(,|$)/i.test(h['cache-control'] ?? ''), pragma: pragma ? h.pragma === 'no-cache' : true }
}

/** An answer's status and headers, whichever way it was fetched. */
type Seen = { status: number; headers: Record<string, string> }

/** An authorization endpoint answer, as the redirect rules see it. */
export function redirectOf(r: Seen, base: string): { status: number; at?: string; params: Record<string, string> } {
  const location = r.headers.location
  if (location === undefined) return { status: r.status, params: {} }
  const to = new URL(location, base)
  return { status: r.status, at: `${to.origin}${to.pathname}`, params: Object.fromEntries(to.searchParams) }
}

/** An error page as RFC 6749 §4.1.2.1 wants it: shown (HTML, the API's page status), never a redirect. */
export function pageOf(r: Seen): { status: number; html: boolean; location: string | null } {
  return { status: r.status, html: /^text\/html/i.test(r.headers['content-type'] ?? ''), location: r.headers.location ?? null }
}

/** Which of the API's page headers (framing) a page lacks. */
export function framingOf(h: Record<string, string>, api: OAuth2Api): string[] {
  return Object.entries(api.authorizeErrors.pageHeaders).flatMap(([name, want]) => {
    const got = h[name.toLowerCase()]
    return got !== undefined && (typeof want === 'string' ? got === want : want.test(got)) ? [] : [`${name}: ${got ?? '(absent)'}`]
  })
}

/** A resource server answer, as the refusal rules compare it (status, challenge or null, body parsed). */
export async function refusalOf(r: APIResponse): Promise<ResourceRefusal> {
  return { status: r.status(), challenge: r.headers()['www-authenticate'] ?? null, body: await jsonOf(r) }
}
