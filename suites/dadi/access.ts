import type { AccessTable, Answer, Target, TargetClock } from '../../harness/index.ts'
import type { APIRequestContext } from '@playwright/test'
import { SignJWT } from 'jose'
import { expectCell, type OperationId } from './access-cells.ts'
import { client, tokenFor } from './dadi.ts'

/**
 * DADI's access table: every documented operation × every kind of credential, with the answer each profile
 * gives (the cells: suites/dadi/access-cells.ts; sources in suites/dadi/requirements.yaml).
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

const op = (id: OperationId, title: string, method = 'GET') => ({
  id,
  title,
  request: (ctx: DadiContext) => {
    const path = ctx.paths[id]
    if (typeof path !== 'string') return path
    return method === 'POST' ? { method, path, body: '{}', headers: { 'content-type': 'application/json' } } : { method, path }
  },
})

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
/** One character changed inside the token (not the last: a JWT signature's last base64url character carries padding bits). */
const flip = (token: string) => `${token.slice(0, -5)}${token.at(-5) === 'A' ? 'B' : 'A'}${token.slice(-4)}`
/** The signing key 4.x–5.x shipped in config.js (`auth.tokenKey`); 6.0 made the key mandatory. */
const PUBLISHED_KEY = new TextEncoder().encode('YOU-MUST-CHANGE-ME!')

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
/** 4.x–6.x refusals: the exact body, as application/json with an ETag (help.sendBackJSON). */
const aclError = (expected: string) => (a: Answer) =>
  exactly(expected)(a) ?? (!/^application\/json/.test(a.headers['content-type'] ?? '') ? `content type ${a.headers['content-type'] ?? '(none)'}` : a.headers.etag ? undefined : 'no ETag')
const totalCount = (a: Answer) => (json(a)?.metadata as { totalCount?: unknown } | undefined)?.totalCount

export const dadiAccess: AccessTable<DadiContext> & { profiles: readonly string[] } = {
  api: 'dadi',
  // {"statusCode":401} (1.x–3.x) or the API-0005 / API-0006 bodies (4.x–6.x): one envelope for every refusal.
  envelope: 'DADI-ERROR-BODY',
  profiles: ['dadi@3', 'dadi@6'],
  operations: [
    op('collections', 'GET /api/collections'),
    op('collections-post', 'POST /api/collections', 'POST'),
    op('allowed', 'GET the permitted collection'),
    op('allowed-doc', 'GET a document of it'),
    op('allowed-count', 'GET its count'),
    op('allowed-missing', 'GET a document of it that does not exist'),
    op('denied', 'GET another collection'),
    op('denied-query', 'GET another collection with a query string'),
    op('denied-doc', 'GET a document of that one'),
    op('denied-count', 'GET its count'),
    op('denied-stats', 'GET its stats'),
    op('denied-missing', 'GET a document of it that does not exist'),
    op('denied-case', 'GET that one in other letter case'),
    op('other-version', 'GET the permitted one at another version'),
    op('other-database', 'GET a collection of the permitted name in another database'),
    op('entry-allowed', 'GET /api/collections/{the permitted one}'),
    op('entry-denied', 'GET /api/collections/{the other one}'),
    op('open', 'GET a collection whose settings leave GET open'),
    op('public', 'GET a collection with authenticate false'),
    op('get-only', 'GET a collection with authenticate ["GET"]'),
    op('lowercase', 'GET a collection with authenticate ["get"]'),
    op('head-open', 'HEAD the collection that leaves GET open', 'HEAD'),
    op('unknown', 'GET a collection that does not exist'),
    op('head-allowed', 'HEAD the permitted collection', 'HEAD'),
    op('head-denied', 'HEAD the other collection', 'HEAD'),
    op('hello', 'GET /hello'),
    op('hello-query', 'GET /hello?probe=1'),
    op('docs-path', 'GET a path naming "docs"'),
    op('favicon', 'GET /favicon.ico'),
  ],
  credentials: [
    { id: 'none', title: 'no Authorization', prepare: async () => ({}) },
    { id: 'basic', title: 'the client credentials as Basic', prepare: async (c) => ({ headers: { authorization: `Basic ${Buffer.from(`${c.clientCredentials.clientId}:${c.clientCredentials.secret}`).toString('base64')}` } }) },
    { id: 'bare', title: 'a bare "Bearer"', prepare: async () => ({ headers: { authorization: 'Bearer' } }) },
    { id: 'two-part', title: '"Bearer" with two parts', prepare: async (c) => ({ headers: { authorization: `Bearer ${c.tokens.primary} extra` } }) },
    { id: 'two-spaces', title: 'a valid token after "Bearer" and two spaces', prepare: async (c) => ({ headers: { authorization: `Bearer  ${c.tokens.primary}` } }) },
    { id: 'other-scheme', title: 'a valid token under another scheme', prepare: async (c) => ({ headers: { authorization: `Token ${c.tokens.primary}` } }) },
    { id: 'unknown', title: 'a made-up token', prepare: async (c) => bearer(c.profile === 'dadi@6' ? 'not-a-token-at-all' : crypto.randomUUID()) },
    { id: 'tampered', title: 'an issued token, last character changed', prepare: async (c) => bearer(flip(c.tokens.primary)) },
    {
      id: 'default-key',
      title: 'an admin JWT signed with the published default key',
      prepare: async (c) => {
        const now = Math.floor(Date.now() / 1000)
        const forged = await new SignJWT({ clientId: c.clientCredentials.clientId, accessType: 'admin' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now).setExpirationTime(now + 300).sign(PUBLISHED_KEY)
        return bearer(forged)
      },
    },
    {
      id: 'expired',
      title: 'an expired token',
      prepare: async (c) => {
        // The context's tokens were issued before this; a second past their lifetime (a grace period is a defect too).
        await c.clock.advance(c.ttl + 1)
        return bearer(c.tokens.primary)
      },
    },
    { id: 'query', title: 'a valid token in ?access_token=', prepare: async (c) => ({ query: { access_token: c.tokens.primary } }) },
    { id: 'header-and-query', title: 'a made-up header token and a valid ?access_token=', prepare: async (c) => ({ ...bearer(flip(c.tokens.primary)), query: { access_token: c.tokens.primary } }) },
    { id: 'lowercase', title: 'a valid token, scheme "bearer"', prepare: async (c) => ({ headers: { authorization: `bearer ${c.tokens.primary}` } }) },
    { id: 'uppercase', title: 'a valid token, scheme "BEARER"', prepare: async (c) => ({ headers: { authorization: `BEARER ${c.tokens.primary}` } }) },
    { id: 'primary', title: 'the full-permission client', prepare: async (c) => bearer(c.tokens.primary) },
    { id: 'restricted', title: 'the client allowed one collection', prepare: async (c) => bearer(c.tokens.restricted) },
  ],
  expect: (operation, credential, profile) => expectCell(operation, credential, profile),
  bodies: {
    empty: (a) => (a.text === '' ? undefined : `a body (${a.text.slice(0, 80)})`),
    anything: () => undefined,
    statusCode401: exactly('{"statusCode":401}'),
    statusCode404: exactly('{"statusCode":404}'),
    successFalse: exactly('{"success":false}'),
    welcome: exactly('Welcome to API'),
    invalidMethod: exactly('{"error":"Invalid method"}'),
    api0005: aclError(API_0005),
    api0006: aclError(API_0006),
    collectionList: (a) => (Array.isArray(json(a)?.collections) ? undefined : `no collections array: ${a.text.slice(0, 120)}`),
    collectionEntry: (a, request) => (json(a)?.path === request.path.replace('/api/collections', '') && typeof json(a)?.settings === 'object' ? undefined : `not that collection's entry: ${a.text.slice(0, 120)}`),
    results: (a) => (Array.isArray(json(a)?.results) && typeof totalCount(a) === 'number' ? undefined : `no results: ${a.text.slice(0, 120)}`),
    oneResult: (a) => ((json(a)?.results as unknown[] | undefined)?.length === 1 ? undefined : `not one document: ${a.text.slice(0, 120)}`),
    noResults: (a) => ((json(a)?.results as unknown[] | undefined)?.length === 0 && totalCount(a) === 0 ? undefined : `not an empty result: ${a.text.slice(0, 120)}`),
    count: (a) => (Object.keys(json(a) ?? {}).join() === 'metadata' && typeof totalCount(a) === 'number' ? undefined : `not a count: ${a.text.slice(0, 120)}`),
    stats: (a) => (typeof json(a)?.count === 'number' && !('results' in (json(a) ?? {})) ? undefined : `not stats: ${a.text.slice(0, 120)}`),
  },
}

/** Builds what the table needs on this target: both clients' tokens and the paths of its operations. */
export async function dadiContext({ request, target, clock }: { request: APIRequestContext; target: Target; clock: TargetClock }): Promise<DadiContext> {
  const primary = client(target, 'primary')
  const tokens = { primary: (await tokenFor(request, primary)).accessToken, restricted: (await tokenFor(request, client(target, 'restricted'))).accessToken }
  const s = target.settings
  const allowed = s.allowedCollection!
  const denied = s.deniedCollection!
  const firstId = async (path: string) => {
    const read = await request.get(path, { headers: { authorization: `Bearer ${tokens.primary}` } })
    const id = read.ok() ? ((await read.json()) as { results?: { _id?: string }[] }).results?.[0]?._id : undefined
    return id ? `${path}/${id}` : { notApplicable: `${path} holds no document to ask for by id (the primary client read ${read.status()})` }
  }
  const setting = (name: string, variable: string) => s[name] || { notApplicable: `the target names no such collection (${variable})` }
  const name = denied.split('/').at(-1)!
  const missing = 'ffffffffffffffffffffffff'
  const paths: DadiContext['paths'] = {
    collections: '/api/collections',
    'collections-post': '/api/collections',
    allowed,
    'allowed-doc': await firstId(allowed),
    'allowed-count': `${allowed}/count`,
    'allowed-missing': `${allowed}/${missing}`,
    denied,
    'denied-query': `${denied}?page=1`,
    'denied-doc': await firstId(denied),
    'denied-count': `${denied}/count`,
    'denied-stats': `${denied}/stats`,
    'denied-missing': `${denied}/${missing}`,
    'denied-case': `${denied.slice(0, -name.length)}${name[0]!.toUpperCase()}${name.slice(1)}`,
    'other-version': setting('otherVersionCollection', 'DADI_OTHER_VERSION_COLLECTION'),
    'other-database': setting('otherDatabaseCollection', 'DADI_OTHER_DATABASE_COLLECTION'),
    'entry-allowed': `/api/collections${allowed}`,
    'entry-denied': `/api/collections${denied}`,
    open: setting('openCollection', 'DADI_OPEN_COLLECTION'),
    public: setting('publicCollection', 'DADI_PUBLIC_COLLECTION'),
    'get-only': setting('getOnlyCollection', 'DADI_GET_ONLY_COLLECTION'),
    lowercase: setting('lowercaseCollection', 'DADI_LOWERCASE_COLLECTION'),
    'head-open': setting('openCollection', 'DADI_OPEN_COLLECTION'),
    unknown: `${allowed.slice(0, allowed.lastIndexOf('/'))}/no-such-collection`,
    'head-allowed': allowed,
    'head-denied': denied,
    hello: '/hello',
    'hello-query': '/hello?probe=1',
    'docs-path': `${allowed.slice(0, allowed.lastIndexOf('/'))}/no-such-docs`,
    favicon: '/favicon.ico',
  }
  // Routes every real release serves but the sources do not document (counts, stats, a collection's entry, /hello, the
  // favicon): where the full-permission client gets 404, the deployment does not serve the route at all, and its
  // cells say so instead of failing authentication requirements.
  await Promise.all(
    UNDOCUMENTED.map(async (id) => {
      const path = paths[id]
      if (typeof path !== 'string') return
      const answer = await request.get(path, { headers: { authorization: `Bearer ${tokens.primary}` } })
      if (answer.status() === 404) paths[id] = { notApplicable: `this deployment does not serve ${path} (404 to the full-permission client)` }
    }),
  )
  return { profile: target.profile, tokens, clientCredentials: primary, clock, ttl: Number(s.tokenTtl), paths }
}
const UNDOCUMENTED: readonly OperationId[] = ['allowed-count', 'denied-count', 'denied-stats', 'entry-allowed', 'entry-denied', 'hello', 'hello-query', 'favicon']
