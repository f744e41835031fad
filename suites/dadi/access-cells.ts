import type { Expectation } from '../../harness/index.ts'

/**
 * The cells of DADI's access table (suites/dadi/access.ts): what each profile answers each operation for each
 * kind of credential, and the requirement the cell checks. Sources in suites/dadi/requirements.yaml; the wire
 * answers were recorded from real 3.2.2 and 6.1.0 servers seeded by real/dadi/start.mjs.
 */
export type OperationId =
  | 'collections' | 'allowed' | 'allowed-doc' | 'denied' | 'denied-query' | 'denied-doc' | 'denied-case' | 'other-version' | 'unknown' | 'head-allowed' | 'head-denied'
  | 'allowed-count' | 'denied-count' | 'denied-stats' | 'allowed-missing' | 'denied-missing'
  | 'open' | 'public' | 'get-only' | 'lowercase' | 'head-open' | 'other-database'
  | 'hello' | 'hello-query' | 'docs-path' | 'favicon' | 'entry-allowed' | 'entry-denied' | 'collections-post'

export type Column =
  | 'none' | 'basic' | 'bare' | 'two-part' | 'two-spaces' | 'other-scheme' | 'unknown' | 'tampered' | 'default-key' | 'expired'
  | 'query' | 'header-and-query' | 'lowercase' | 'uppercase' | 'primary' | 'restricted'

type Refusal = 'none' | 'malformed' | 'invalid'

const NO_TOKEN = 'Bearer, error="no_token", error_description="No access token supplied"'
const INVALID_TOKEN = 'Bearer, error="invalid_token", error_description="Invalid or expired access token"'
const HEADS: readonly OperationId[] = ['head-allowed', 'head-denied']
/** 4.x–6.x route before they authenticate (404 for anyone); a server that authenticates first refuses instead. */
const ROUTED_FIRST: readonly OperationId[] = ['unknown', 'denied-case', 'docs-path', 'head-allowed', 'head-denied', 'head-open']
const NOT_ROUTED = { status: 404, body: 'anything' } as const
const HEAD_SERVED = { status: 200, body: 'empty' } as const

/** Refusal columns: the kind of refusal and the requirement it checks. */
const REFUSALS: Partial<Record<Column, [Refusal, string]>> = {
  none: ['none', 'DADI-AUTH-MISSING'],
  basic: ['malformed', 'DADI-AUTH-MALFORMED'],
  bare: ['malformed', 'DADI-AUTH-MALFORMED'],
  'two-part': ['malformed', 'DADI-AUTH-MALFORMED'],
  'two-spaces': ['malformed', 'DADI-AUTH-MALFORMED'],
  'other-scheme': ['malformed', 'DADI-AUTH-MALFORMED'],
  unknown: ['invalid', 'DADI-AUTH-UNKNOWN'],
  tampered: ['invalid', 'DADI-AUTH-UNKNOWN'],
  'default-key': ['invalid', 'DADI-TOKEN-DEFAULT-KEY'],
  expired: ['invalid', 'DADI-AUTH-EXPIRED'],
  query: ['none', 'DADI-AUTH-HEADER-ONLY'],
  'header-and-query': ['invalid', 'DADI-AUTH-HEADER-ONLY'],
}

/** 1.x–3.x refuse a missing permission naming the path as requested as the realm. */
const realm = (request: { path: string }) => `Bearer realm="${request.path.split('?')[0]}"`
const cell = (status: number, body: string, requirement: string, challenge?: Expectation['challenge']): Expectation => ({ status, body, requirement, ...(challenge === undefined ? {} : { challenge }) })

/** A refusal before any route runs, as each line sends it: none, malformed, invalid. */
function refused(v6: boolean, kind: Refusal, requirement: string, head = false): Expectation {
  if (v6) return cell(401, head ? 'empty' : 'api0005', requirement, null)
  return cell(401, head ? 'empty' : 'statusCode401', requirement, kind === 'none' ? null : kind === 'malformed' ? NO_TOKEN : INVALID_TOKEN)
}
const denied = (v6: boolean, requirement: string, head = false): Expectation => (v6 ? cell(403, 'api0006', requirement, null) : cell(401, head ? 'empty' : 'statusCode401', requirement, realm))

/** The answer whatever the credential (collections left open by their settings, paths answered before authentication), or undefined. */
function anyone(v6: boolean, op: OperationId): Expectation | null | undefined {
  switch (op) {
    case 'open':
    case 'public':
      return cell(200, 'results', 'DADI-COLLECTION-OPEN')
    case 'lowercase':
      return v6 ? undefined : cell(200, 'results', 'DADI-COLLECTION-METHODS')
    case 'head-open':
      return v6 ? cell(404, 'empty', 'DADI-HEAD') : cell(404, 'empty', 'DADI-COLLECTION-METHODS')
    case 'hello':
      return cell(200, 'welcome', 'DADI-EXEMPT-PATHS')
    case 'hello-query':
      return v6 ? cell(200, 'welcome', 'DADI-EXEMPT-PATHS') : undefined
    case 'docs-path':
      return v6 ? cell(404, 'empty', 'DADI-UNKNOWN-PATH') : cell(404, 'empty', 'DADI-EXEMPT-PATHS')
    case 'favicon':
      return cell(204, 'empty', 'DADI-UNKNOWN-PATH')
    case 'other-version':
      return v6 ? null : undefined
    case 'entry-allowed':
    case 'entry-denied':
      return v6 ? undefined : null
    // 4.x–6.x create a collection's schema there (the collections API, outside the auth surface).
    case 'collections-post':
      return v6 ? null : undefined
    // 4.x–6.x route before they authenticate: an unknown path, other letter case or HEAD is 404 for anyone.
    case 'unknown':
    case 'denied-case':
      return v6 ? cell(404, 'empty', 'DADI-UNKNOWN-PATH') : undefined
    case 'head-allowed':
    case 'head-denied':
      return v6 ? cell(404, 'empty', 'DADI-HEAD') : undefined
    default:
      return undefined
  }
}

/** Which requirement a refusal of an operation checks: some operations are their own requirement's case for no credential at all. */
function refusalRequirement(v6: boolean, op: OperationId, column: Column, requirement: string): string {
  if (HEADS.includes(op)) return 'DADI-HEAD'
  if (op === 'hello') return 'DADI-EXEMPT-PATHS'
  if (column !== 'none') return requirement
  if (op === 'get-only') return 'DADI-COLLECTION-OPEN'
  if (op === 'lowercase') return 'DADI-COLLECTION-METHODS'
  if (op === 'hello-query') return 'DADI-EXEMPT-PATHS'
  if (op === 'collections-post') return 'DADI-COLLECTIONS-METHOD'
  if (v6 && (op === 'allowed-missing' || op === 'denied-missing')) return 'DADI-ACL-ORDER'
  return requirement
}

/** What an accepted client gets from each operation (`restricted`: allowed one collection only). */
function accepted(v6: boolean, op: OperationId, who: 'primary' | 'restricted'): Expectation | null {
  const primary = who === 'primary'
  const ok = (body: string, requirement = 'DADI-AUTH-ACCEPT') => cell(200, body, requirement)
  switch (op) {
    case 'collections':
    case 'allowed':
      return ok(op === 'collections' ? 'collectionList' : 'results')
    case 'allowed-doc':
      return ok('oneResult', primary ? 'DADI-AUTH-ACCEPT' : 'DADI-ACL-PATHS')
    case 'denied':
    case 'denied-query':
      // With a query string the realm is still the path (3.2.2: url.parse(req.url).pathname).
      return primary ? ok('results') : denied(v6, 'DADI-ACL-DENY')
    case 'denied-doc':
      return primary ? ok('oneResult') : denied(v6, 'DADI-ACL-PATHS')
    case 'denied-case':
      // 1.x–3.x route case-insensitively (Express): the same collection, under the same permission. A router that
      // matches case answers 404, which keeps the rule (never the collection to whom may not read it).
      return { ...(primary ? ok('results') : denied(v6, 'DADI-ACL-PATHS')), also: [NOT_ROUTED] }
    case 'other-version':
      return primary ? ok('results') : denied(v6, 'DADI-ACL-VERSION')
    case 'unknown':
      return cell(404, 'empty', 'DADI-UNKNOWN-PATH')
    case 'head-allowed':
    case 'head-denied':
      // 3.2.2 routes no HEAD (404); a HEAD answered 200 with no body to a client that may GET gives nothing away.
      return primary || op === 'head-allowed' ? { ...cell(404, 'empty', 'DADI-HEAD'), also: [HEAD_SERVED] } : denied(v6, 'DADI-ACL-DENY', true)
    case 'allowed-count':
      return ok('count', primary ? 'DADI-AUTH-ACCEPT' : 'DADI-ACL-PATHS')
    case 'denied-count':
    case 'denied-stats':
      return primary ? ok(op === 'denied-count' ? 'count' : 'stats') : denied(v6, 'DADI-ACL-PATHS')
    // A document id that names nothing: 4.x–6.x answer 404 only to whom may read the collection (401, 403, 404);
    // 1.x–3.x an empty result.
    case 'allowed-missing':
      // 3.2.2's empty result for an id that names nothing is its router's accident: a 404 keeps the rule as well.
      return v6 ? cell(404, 'statusCode404', 'DADI-ACL-ORDER') : { ...ok('noResults', primary ? 'DADI-AUTH-ACCEPT' : 'DADI-ACL-PATHS'), also: [NOT_ROUTED] }
    case 'denied-missing':
      if (v6) return primary ? cell(404, 'statusCode404', 'DADI-ACL-ORDER') : denied(v6, 'DADI-ACL-ORDER')
      return primary ? ok('noResults') : denied(v6, 'DADI-ACL-PATHS')
    case 'get-only':
      return primary ? ok('results', 'DADI-COLLECTION-OPEN') : denied(v6, 'DADI-COLLECTION-OPEN')
    case 'lowercase':
      return primary ? ok('results', 'DADI-COLLECTION-METHODS') : denied(v6, 'DADI-COLLECTION-METHODS')
    case 'other-database':
      // 1.x–3.x match a permission by collection name, whatever the database; 4.x–6.x by database and name.
      return primary ? ok('results') : v6 ? denied(v6, 'DADI-ACL-DATABASE') : ok('results', 'DADI-ACL-DATABASE')
    case 'hello-query':
      return cell(200, 'welcome', 'DADI-EXEMPT-PATHS')
    case 'collections-post':
      return cell(405, 'invalidMethod', 'DADI-COLLECTIONS-METHOD')
    case 'entry-allowed':
      return ok('collectionEntry', 'DADI-ACL-LIST')
    case 'entry-denied':
      return primary ? ok('collectionEntry', 'DADI-ACL-LIST') : cell(404, 'successFalse', 'DADI-ACL-LIST')
    default:
      return null
  }
}

export function expectCell(operation: string, credential: string, profile: string): Expectation | null {
  const op = operation as OperationId
  const column = credential as Column
  const v6 = profile === 'dadi@6'
  // The published 4.x–5.x signing key only means something where tokens are JWTs.
  if (column === 'default-key' && !v6) return null
  // 1.x–3.x exempt exactly the URL /hello, and both lines answer a favicon only when the whole URL ends in its name
  // (lib/index.js FAVICON_REGEX tests req.url): the query columns add a query string, so these are paths like any other.
  const queryColumn = column === 'query' || column === 'header-and-query'
  if (queryColumn && op === 'favicon') return v6 ? cell(404, 'empty', 'DADI-UNKNOWN-PATH') : refused(v6, REFUSALS[column]![0], 'DADI-UNKNOWN-PATH')
  const queried = !v6 && op === 'hello' && queryColumn
  const always = queried ? undefined : anyone(v6, op)
  const refusal = REFUSALS[column]
  if (always && v6 && ROUTED_FIRST.includes(op)) {
    // A 401 before routing leaks nothing either (the docs: every request but /token needs a token); a HEAD answered
    // 200 without a body to a valid token, nothing a GET would not show.
    const head = op.startsWith('head-')
    if (refusal) return { ...always, also: [{ status: 401, body: head ? 'empty' : 'api0005', challenge: null }] }
    if (head && column !== 'restricted') return { ...always, also: [HEAD_SERVED] }
    if (op === 'head-allowed') return { ...always, also: [HEAD_SERVED] }
  }
  if (always !== undefined) return always
  if (refusal) {
    const [kind, requirement] = refusal
    return refused(v6, kind, refusalRequirement(v6, op, column, requirement), HEADS.includes(op))
  }
  if (column === 'primary' || column === 'restricted') return accepted(v6, op, column)
  // Another spelling of the scheme (RFC 7235 §2.1: case-insensitive): the primary client's answer on every operation
  // whose answer depends on the credential (the others returned above).
  const expected = accepted(v6, op, 'primary')
  return expected && { ...expected, requirement: 'DADI-AUTH-SCHEME-CASE' }
}
