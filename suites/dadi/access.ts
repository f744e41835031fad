import type { AccessTable, Answer, Expectation, Target, TargetClock } from '../../harness/index.ts'
import type { APIRequestContext } from '@playwright/test'
import { client, tokenFor } from './dadi.ts'

/**
 * DADI's access table: every documented operation × every kind of credential, with the answer each profile
 * gives (sources in suites/dadi/requirements.yaml; wire answers recorded from real 3.2.2 and 6.1.0 servers).
 */
export interface DadiContext {
  profile: string
  paths: Record<OperationId, string | { notApplicable: string }>
  tokens: { primary: string; restricted: string }
  clientCredentials: { clientId: string; secret: string }
  /** Lets the target's time pass (the expired column). */
  clock: TargetClock
  ttl: number
}

type OperationId = 'collections' | 'allowed' | 'allowed-doc' | 'denied' | 'denied-doc' | 'denied-case' | 'other-version' | 'unknown' | 'head-allowed' | 'head-denied'

const NO_TOKEN = 'Bearer, error="no_token", error_description="No access token supplied"'
const INVALID_TOKEN = 'Bearer, error="invalid_token", error_description="Invalid or expired access token"'
const GETS: readonly OperationId[] = ['collections', 'allowed', 'allowed-doc', 'denied', 'denied-doc', 'denied-case', 'other-version']
const HEADS: readonly OperationId[] = ['head-allowed', 'head-denied']

const op = (id: OperationId, title: string, method = 'GET') => ({
  id,
  title,
  request: (ctx: DadiContext) => {
    const path = ctx.paths[id]
    return typeof path === 'string' ? { method, path } : path
  },
})

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
/** One character changed inside the token (not the last: a JWT signature's last base64url character carries padding bits). */
const flip = (token: string) => `${token.slice(0, -5)}${token.at(-5) === 'A' ? 'B' : 'A'}${token.slice(-4)}`

/** A refusal before any route runs, as each line sends it: none, malformed, invalid. */
function refused(profile: string, kind: 'none' | 'malformed' | 'invalid', requirement: string, head = false): Expectation {
  if (profile === 'dadi@6') return { status: 401, body: head ? 'empty' : 'api0005', challenge: null, requirement }
  const challenge = kind === 'none' ? null : kind === 'malformed' ? NO_TOKEN : INVALID_TOKEN
  return { status: 401, body: head ? 'empty' : 'statusCode401', challenge, requirement }
}

/** What an accepted client gets from each operation (`restricted`: allowed one collection only). */
function accepted(profile: string, operation: OperationId, who: 'primary' | 'restricted', requirement: string): Expectation | null {
  const v6 = profile === 'dadi@6'
  const notFound = (id: string): Expectation => ({ status: 404, body: 'empty', requirement: id })
  const denied = (id: string, head = false): Expectation =>
    v6 ? { status: 403, body: 'api0006', challenge: null, requirement: id } : { status: 401, body: head ? 'empty' : 'statusCode401', challenge: realm, requirement: id }
  switch (operation) {
    case 'collections':
      return { status: 200, body: 'collectionList', requirement: who === 'primary' ? requirement : 'DADI-AUTH-ACCEPT' }
    case 'allowed':
      return { status: 200, body: 'results', requirement }
    case 'allowed-doc':
      return { status: 200, body: 'oneResult', requirement: who === 'primary' ? requirement : 'DADI-ACL-PATHS' }
    case 'denied':
      return who === 'primary' ? { status: 200, body: 'results', requirement } : denied('DADI-ACL-DENY')
    case 'denied-doc':
      return who === 'primary' ? { status: 200, body: 'oneResult', requirement } : denied('DADI-ACL-PATHS')
    case 'denied-case':
      // 1.x–3.x route case-insensitively (Express): the same collection, under the same permission; 4.x+ match exactly.
      if (v6) return notFound('DADI-ACL-PATHS')
      return who === 'primary' ? { status: 200, body: 'results', requirement } : denied('DADI-ACL-PATHS')
    case 'other-version':
      if (v6) return null
      return who === 'primary' ? { status: 200, body: 'results', requirement } : denied('DADI-ACL-VERSION')
    case 'unknown':
      return notFound('DADI-UNKNOWN-PATH')
    case 'head-allowed':
      return notFound('DADI-HEAD')
    case 'head-denied':
      return v6 || who === 'primary' ? notFound('DADI-HEAD') : denied('DADI-ACL-DENY', true)
  }
}

type Column = 'none' | 'basic' | 'bare' | 'two-part' | 'other-scheme' | 'unknown' | 'tampered' | 'expired' | 'query' | 'header-and-query' | 'lowercase' | 'primary' | 'restricted'

/** Refusal columns: the kind of refusal and the requirement it checks. */
const REFUSALS: Partial<Record<Column, ['none' | 'malformed' | 'invalid', string]>> = {
  none: ['none', 'DADI-AUTH-MISSING'],
  basic: ['malformed', 'DADI-AUTH-MALFORMED'],
  bare: ['malformed', 'DADI-AUTH-MALFORMED'],
  'two-part': ['malformed', 'DADI-AUTH-MALFORMED'],
  'other-scheme': ['malformed', 'DADI-AUTH-MALFORMED'],
  unknown: ['invalid', 'DADI-AUTH-UNKNOWN'],
  tampered: ['invalid', 'DADI-AUTH-UNKNOWN'],
  expired: ['invalid', 'DADI-AUTH-EXPIRED'],
  query: ['none', 'DADI-AUTH-HEADER-ONLY'],
  'header-and-query': ['invalid', 'DADI-AUTH-HEADER-ONLY'],
}

/** 1.x–3.x refuse a missing permission naming the path as requested as the realm. */
const realm = (request: { path: string }) => `Bearer realm="${request.path.split('?')[0]}"`

function expectCell(operation: string, credential: string, profile: string): Expectation | null {
  const id = operation as OperationId
  const refusal = REFUSALS[credential as Column]
  if (refusal) {
    const [kind, requirement] = refusal
    if (id === 'other-version' && profile === 'dadi@6') return null
    // 4.x–6.x route before they authenticate: an unknown path, other letter case or HEAD is 404 for anyone.
    if (profile === 'dadi@6' && (id === 'unknown' || id === 'denied-case' || HEADS.includes(id))) return { status: 404, body: 'empty', requirement: HEADS.includes(id) ? 'DADI-HEAD' : 'DADI-UNKNOWN-PATH' }
    if (HEADS.includes(id)) return refused(profile, kind, 'DADI-HEAD', true)
    return refused(profile, kind, requirement)
  }
  if (credential === 'lowercase') return GETS.includes(id) || id === 'unknown' ? accepted(profile, id, 'primary', 'DADI-AUTH-SCHEME-CASE') : null
  if (credential === 'primary' || credential === 'restricted') return accepted(profile, id, credential, 'DADI-AUTH-ACCEPT')
  return null
}

const json = (a: Answer) => {
  try {
    return JSON.parse(a.text) as Record<string, unknown>
  } catch {
    return undefined
  }
}
const API_0005 = '{"code":"API-0005","title":"Unauthorised","details":"The request could not be fulfilled because it did not contain a valid bearer token.","docLink":"https://docs.dadi.cloud/api/#api-0005"}'
const API_0006 = '{"code":"API-0006","title":"Access denied","details":"The bearer token supplied in the request does not have sufficient permissions to perform the operation.","docLink":"https://docs.dadi.cloud/api/#api-0006"}'
const exactly = (expected: string) => (a: Answer) => (a.text === expected ? undefined : `body ${a.text.slice(0, 120) || '(empty)'}`)

export const dadiAccess: AccessTable<DadiContext> & { profiles: readonly string[] } = {
  api: 'dadi',
  profiles: ['dadi@3', 'dadi@6'],
  operations: [
    op('collections', 'GET /api/collections'),
    op('allowed', 'GET the permitted collection'),
    op('allowed-doc', 'GET a document of it'),
    op('denied', 'GET another collection'),
    op('denied-doc', 'GET a document of that one'),
    op('denied-case', 'GET that one in other letter case'),
    op('other-version', 'GET the permitted one at another version'),
    op('unknown', 'GET a collection that does not exist'),
    op('head-allowed', 'HEAD the permitted collection', 'HEAD'),
    op('head-denied', 'HEAD the other collection', 'HEAD'),
  ],
  credentials: [
    { id: 'none', title: 'no Authorization', prepare: async () => ({}) },
    { id: 'basic', title: 'the client credentials as Basic', prepare: async (c) => ({ headers: { authorization: `Basic ${Buffer.from(`${c.clientCredentials.clientId}:${c.clientCredentials.secret}`).toString('base64')}` } }) },
    { id: 'bare', title: 'a bare "Bearer"', prepare: async () => ({ headers: { authorization: 'Bearer' } }) },
    { id: 'two-part', title: '"Bearer" with two parts', prepare: async (c) => ({ headers: { authorization: `Bearer ${c.tokens.primary} extra` } }) },
    { id: 'other-scheme', title: 'a valid token under another scheme', prepare: async (c) => ({ headers: { authorization: `Token ${c.tokens.primary}` } }) },
    { id: 'unknown', title: 'a made-up token', prepare: async (c) => bearer(c.profile === 'dadi@6' ? 'not-a-token-at-all' : crypto.randomUUID()) },
    { id: 'tampered', title: 'an issued token, last character changed', prepare: async (c) => bearer(flip(c.tokens.primary)) },
    {
      id: 'expired',
      title: 'an expired token',
      prepare: async (c) => {
        // The context's tokens were issued before this; half a second past their lifetime (a grace period is a defect too).
        await c.clock.advance(c.ttl + 1)
        return bearer(c.tokens.primary)
      },
    },
    { id: 'query', title: 'a valid token in ?access_token=', prepare: async (c) => ({ query: { access_token: c.tokens.primary } }) },
    { id: 'header-and-query', title: 'a made-up header token and a valid ?access_token=', prepare: async (c) => ({ ...bearer(flip(c.tokens.primary)), query: { access_token: c.tokens.primary } }) },
    { id: 'lowercase', title: 'a valid token, scheme "bearer"', prepare: async (c) => ({ headers: { authorization: `bearer ${c.tokens.primary}` } }) },
    { id: 'primary', title: 'the full-permission client', prepare: async (c) => bearer(c.tokens.primary) },
    { id: 'restricted', title: 'the client allowed one collection', prepare: async (c) => bearer(c.tokens.restricted) },
  ],
  expect: (operation, credential, profile) => expectCell(operation, credential, profile),
  bodies: {
    empty: (a) => (a.text === '' ? undefined : `a body (${a.text.slice(0, 80)})`),
    statusCode401: exactly('{"statusCode":401}'),
    api0005: exactly(API_0005),
    api0006: exactly(API_0006),
    collectionList: (a) => (Array.isArray(json(a)?.collections) ? undefined : `no collections array: ${a.text.slice(0, 120)}`),
    results: (a) => (Array.isArray(json(a)?.results) && typeof (json(a)?.metadata as { totalCount?: unknown })?.totalCount === 'number' ? undefined : `no results: ${a.text.slice(0, 120)}`),
    oneResult: (a) => ((json(a)?.results as unknown[] | undefined)?.length === 1 ? undefined : `not one document: ${a.text.slice(0, 120)}`),
  },
}

/** Builds what the table needs on this target: both clients' tokens and the paths of its operations. */
export async function dadiContext({ request, target, clock }: { request: APIRequestContext; target: Target; clock: TargetClock }): Promise<DadiContext> {
  const primary = client(target, 'primary')
  const tokens = { primary: (await tokenFor(request, primary)).accessToken, restricted: (await tokenFor(request, client(target, 'restricted'))).accessToken }
  const { allowedCollection: allowed, deniedCollection: denied, otherVersionCollection: other } = target.settings
  const firstId = async (path: string) => {
    const read = await request.get(path, { headers: { authorization: `Bearer ${tokens.primary}` } })
    const id = read.ok() ? ((await read.json()) as { results?: { _id?: string }[] }).results?.[0]?._id : undefined
    return id ? `${path}/${id}` : { notApplicable: `${path} holds no document to ask for by id (the primary client read ${read.status()})` }
  }
  const name = denied!.split('/').at(-1)!
  return {
    profile: target.profile,
    tokens,
    clientCredentials: primary,
    clock,
    ttl: Number(target.settings.tokenTtl),
    paths: {
      collections: '/api/collections',
      allowed: allowed!,
      'allowed-doc': await firstId(allowed!),
      denied: denied!,
      'denied-doc': await firstId(denied!),
      'denied-case': `${denied!.slice(0, -name.length)}${name[0]!.toUpperCase()}${name.slice(1)}`,
      'other-version': other ? other : { notApplicable: 'the target names no other-version collection (DADI_OTHER_VERSION_COLLECTION)' },
      unknown: `${allowed!.slice(0, allowed!.lastIndexOf('/'))}/no-such-collection`,
      'head-allowed': allowed!,
      'head-denied': denied!,
    },
  }
}
