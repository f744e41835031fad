import type { AccessTable, Answer, Credential, CredentialKind, Expectation, OperationRequest, SuiteFixtures, Target } from '../../harness/index.ts'
import { bearer, FORBIDDEN_SCOPE, Gts, OOB, parse, TOKEN_NOT_SUPPLIED, USER_NOT_SUPPLIED } from './gotosocial.ts'
import { CURRENT } from './oauth2.ts'

/**
 * GoToSocial's access table: the /api operations a client calls × every kind of credential — none, malformed,
 * unknown, in another letter case, revoked, an app's own token, user tokens of each scope, another user's, the
 * token in the query string alone, behind a non-Bearer header and behind a junk Bearer one — with the answer each
 * profile gives (v0.18 checks no scope; v0.19 answers 403). Refusals are `{"error": …}` with no challenge; their
 * text says which refusal it is (token, user, scope), so each cell's requirement owns its body (no `envelope`).
 * Accounts that may no longer use the API: states.spec.ts.
 */
export interface GtsContext {
  gts: Gts
  target: Target
}

type Op = 'apps' | 'verify' | 'notifications' | 'statuses' | 'instance'
const json = { 'content-type': 'application/json' }
const operations: { id: Op; title: string; request: (c: GtsContext) => OperationRequest }[] = [
  { id: 'apps', title: 'POST /api/v1/apps', request: () => ({ method: 'POST', path: '/api/v1/apps', headers: json, body: JSON.stringify({ client_name: 'authconform access', redirect_uris: OOB }) }) },
  { id: 'verify', title: 'GET /api/v1/accounts/verify_credentials (profile, read:accounts)', request: () => ({ method: 'GET', path: '/api/v1/accounts/verify_credentials' }) },
  { id: 'notifications', title: 'GET /api/v1/notifications (read:notifications)', request: () => ({ method: 'GET', path: '/api/v1/notifications?limit=1' }) },
  { id: 'statuses', title: 'POST /api/v1/statuses (write:statuses)', request: () => ({ method: 'POST', path: '/api/v1/statuses', headers: json, body: JSON.stringify({ status: 'authconform access table' }) }) },
  { id: 'instance', title: 'GET /api/v1/instance (anyone)', request: () => ({ method: 'GET', path: '/api/v1/instance' }) },
]

/** What a user token of each scope may do in v0.19 (GoToSocial's covering rule); v0.18 checks none. */
const PERMITS: Record<string, readonly Op[]> = {
  read: ['verify', 'notifications'],
  write: ['apps', 'statuses'],
  'read:notifications': ['notifications'],
  'read:accounts': ['verify'],
  profile: ['verify'],
}
const SERVED: Record<Exclude<Op, 'instance' | 'apps'>, string> = { verify: 'account', notifications: 'notes', statuses: 'status' }

const cell = (status: number, body: string, requirement: string): Expectation => ({ status, body, challenge: null, requirement })

/**
 * Registration reads a token only to check it (v0.19: write:applications): its cells are the columns whose token
 * GoToSocial looks up; with none it reads, registration is anonymous (apps.spec.ts). The instance answers anyone:
 * its cells are the columns without a user token that may read, where a defect that wants one would show.
 */
const REGISTERS_WITH: readonly string[] = ['unknown', 'revoked', 'app', 'other', 'basic-then-query']
const INSTANCE_FOR: readonly string[] = ['none', 'malformed', 'unknown', 'app', 'query', 'scope:write']

function expectCell(op: Op, credential: string, profile: string): Expectation | null {
  const current = profile === CURRENT
  if (op === 'instance') return INSTANCE_FOR.includes(credential) ? cell(200, 'instance', 'GTS-INSTANCE') : null
  if (op === 'apps') {
    if (!current || !(REGISTERS_WITH.includes(credential) || credential.startsWith('scope:'))) return null
    const scope = credential.startsWith('scope:') ? credential.slice('scope:'.length) : credential === 'app' ? 'read' : 'write'
    return PERMITS[scope]?.includes('apps') || ['unknown', 'revoked'].includes(credential) ? cell(200, 'app', 'GTS-APP-TOKEN-SCOPE') : cell(403, 'scope', 'GTS-APP-TOKEN-SCOPE')
  }
  const T = (requirement: string) => cell(401, 'tokenNotSupplied', requirement)
  switch (credential) {
    case 'none':
    case 'malformed':
    case 'unknown':
    case 'lowercase':
    case 'two-spaces':
    case 'altered-case':
    case 'truncated':
    case 'extended':
      return T('GTS-AUTH-MISSING')
    case 'query':
      return T('GTS-AUTH-QUERY-IGNORED')
    case 'junk-then-query':
      return T('GTS-AUTH-QUERY-FALLBACK')
    case 'revoked':
      return current ? T('GTS-OAUTH2-BEARER-REVOKED') : null
    case 'app':
      return cell(401, 'userNotSupplied', 'GTS-CC-REFUSED')
    case 'other':
      return op === 'verify' ? cell(200, 'accountOther', 'GTS-VERIFY-ACCOUNT') : op === 'statuses' ? cell(200, 'statusOther', 'GTS-STATUS-CREATE') : cell(200, 'notes', 'GTS-NOTIF-LIST')
    case 'basic-then-query':
      return cell(200, SERVED[op], 'GTS-AUTH-QUERY-FALLBACK')
  }
  // A user token of one scope: v0.19 serves what the scope permits (403 otherwise); v0.18 serves everything.
  const scope = credential.slice('scope:'.length)
  if (!current) return cell(200, SERVED[op], 'GTS-SCOPE-ENFORCED')
  const implication = scope === 'read' || scope === 'write' || scope === 'profile' || (scope === 'read:accounts' && op === 'notifications')
  return cell(PERMITS[scope]!.includes(op) ? 200 : 403, PERMITS[scope]!.includes(op) ? SERVED[op] : 'scope', implication ? 'GTS-SCOPE-IMPLICATION' : 'GTS-SCOPE-ENFORCED')
}

const bodyOf = (a: Answer) => parse(a.text) as Record<string, unknown> & { account?: { username?: unknown } }
const isJson = (a: Answer) => a.headers['content-type'] === 'application/json'
const exactly = (expected: unknown) => (a: Answer) => (isJson(a) && JSON.stringify(bodyOf(a)) === JSON.stringify(expected) ? undefined : `body ${a.text.slice(0, 160)}`)
const by = (role: 'user' | 'otherUser') => (c: GtsContext) => c.target.optionalCreds(role).values.username

/** The token with its letters' case swapped (upstream's tokens are upper-case base32). */
const swapCase = (token: string) => [...token].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('')

const kinds = (scopes: readonly string[]): CredentialKind<GtsContext>[] => [
  { id: 'none', title: 'no Authorization', prepare: async () => ({}) },
  { id: 'malformed', title: 'Authorization: Bearer not a token', prepare: async () => ({ headers: { authorization: 'Bearer not a token' } }) },
  { id: 'unknown', title: 'a well-formed token never issued', prepare: async () => ({ headers: bearer('NEVER-ISSUED-000000000000000000000000000000000000') }) },
  { id: 'lowercase', title: 'a valid user token after "bearer " (lower case)', prepare: async (c) => ({ headers: { authorization: `bearer ${await c.gts.userToken()}` } }) },
  { id: 'two-spaces', title: 'a valid user token after "Bearer  " (two spaces)', prepare: async (c) => ({ headers: { authorization: `Bearer  ${await c.gts.userToken()}` } }) },
  // Near misses of a valid token: a lookup that ignores case or compares a prefix lets them in.
  { id: 'altered-case', title: 'a valid user token in lower case', prepare: async (c) => ({ headers: bearer(swapCase(await c.gts.userToken())) }) },
  { id: 'truncated', title: 'a valid user token less its last character', prepare: async (c) => ({ headers: bearer((await c.gts.userToken()).slice(0, -1)) }) },
  { id: 'extended', title: 'a valid user token and one character more', prepare: async (c) => ({ headers: bearer(`${await c.gts.userToken()}A`) }) },
  {
    id: 'revoked',
    title: 'a user token revoked by POST /oauth/revoke (v0.19)',
    prepare: async (c): Promise<Credential | { notApplicable: string }> => {
      if (c.target.profile !== CURRENT) return { notApplicable: 'v0.18 has no /oauth/revoke' }
      const app = await c.gts.app()
      const token = await c.gts.userToken('read write', { app })
      await c.gts.revoke(app, token)
      return { headers: bearer(token) }
    },
  },
  { id: 'app', title: "an app's own token (client_credentials, read)", prepare: async (c) => ({ headers: bearer(await c.gts.appToken(await c.gts.app(), 'read')) }) },
  ...scopes.map((scope) => ({ id: `scope:${scope}`, title: `a user token of scope ${scope}`, prepare: async (c: GtsContext) => ({ headers: bearer(await c.gts.userToken(scope)) }) })),
  {
    id: 'other',
    title: "another user's token (read write)",
    prepare: async (c): Promise<Credential | { notApplicable: string }> => {
      const other = c.target.optionalCreds('otherUser')
      return other.missing ? { notApplicable: other.missing } : { headers: bearer(await c.gts.userToken('read write', { user: other.values })) }
    },
  },
  { id: 'query', title: 'a valid user token only in ?access_token=', prepare: async (c) => ({ query: { access_token: await c.gts.userToken() } }) },
  { id: 'basic-then-query', title: 'Authorization: Basic … and a valid ?access_token=', prepare: async (c) => ({ headers: { authorization: 'Basic eDp5' }, query: { access_token: await c.gts.userToken() } }) },
  { id: 'junk-then-query', title: 'Authorization: Bearer junk and a valid ?access_token=', prepare: async (c) => ({ headers: bearer('junk-never-issued'), query: { access_token: await c.gts.userToken() } }) },
]

export const gotosocialAccess: AccessTable<GtsContext> & { profiles: readonly string[] } = {
  api: 'gotosocial',
  profiles: ['gotosocial@0.18', CURRENT],
  operations: operations.map(({ id, title, request }) => ({ id, title, request })),
  credentials: kinds(Object.keys(PERMITS)),
  expect: (operation, credential, profile) => expectCell(operation as Op, credential, profile),
  bodies: {
    tokenNotSupplied: exactly(TOKEN_NOT_SUPPLIED),
    userNotSupplied: exactly(USER_NOT_SUPPLIED),
    scope: exactly(FORBIDDEN_SCOPE),
    app: (a) => (isJson(a) && bodyOf(a).name === 'authconform access' && bodyOf(a).redirect_uri === OOB && typeof bodyOf(a).client_secret === 'string' ? undefined : `not the new app: ${a.text.slice(0, 120)}`),
    instance: (a) => (isJson(a) && typeof bodyOf(a).uri === 'string' && typeof bodyOf(a).title === 'string' ? undefined : `not the instance: ${a.text.slice(0, 120)}`),
    notes: (a) => (isJson(a) && Array.isArray(bodyOf(a)) ? undefined : `not a list of notifications: ${a.text.slice(0, 120)}`),
    account: (a) => accountOf(a, 'user'),
    accountOther: (a) => accountOf(a, 'otherUser'),
    status: (a) => statusOf(a, 'user'),
    statusOther: (a) => statusOf(a, 'otherUser'),
  },
}

// The bodies that name a user need the target's names: set per test by the context (the table is data).
let names: Record<string, string | undefined> = {}
const accountOf = (a: Answer, role: string) => (isJson(a) && bodyOf(a).username === names[role] ? undefined : `not ${names[role]}'s account: ${a.text.slice(0, 120)}`)
const statusOf = (a: Answer, role: string) => (isJson(a) && bodyOf(a).content === '<p>authconform access table</p>' && bodyOf(a).account?.username === names[role] ? undefined : `not ${names[role]}'s new status: ${a.text.slice(0, 120)}`)

export async function gotosocialContext({ request, target, session }: Pick<SuiteFixtures, 'request' | 'target' | 'session'>): Promise<GtsContext> {
  const c = { gts: new Gts({ request, target, session }), target }
  names = { user: by('user')(c), otherUser: by('otherUser')(c) }
  return c
}
