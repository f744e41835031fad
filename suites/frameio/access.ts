import type { APIRequestContext } from '@playwright/test'
import type { AccessTable, Answer, Credential, Expectation, OperationRequest, Target, TargetClock } from '../../harness/index.ts'
import { basicOf } from '../shared/oauth2/index.ts'
import { FORBIDDEN_BODY, INVALID_TOKEN, insufficientScope, LIMITED_DEVELOPER_SCOPES, Prepared, RATE_LIMIT_HEADERS, SCOPES, UNAUTHENTICATED, UNAUTHORIZED_BODY } from './frameio.ts'

/**
 * Frame.io's access table: the modelled operations × every kind of credential (developer and OAuth tokens with
 * and without the operation's scope, deleted, expired, revoked, none), each cell with Frame.io's
 * answer — status, body exactly, the RFC 6750 challenge present or absent, the rate-limit headers on /v2 — and
 * the requirement it belongs to (sources in suites/frameio/requirements.yaml). /v2 checks authentication (401),
 * then the scope (403 insufficient_scope), then the resource (404), then the user's access (403, no challenge).
 * Tokens in the query string, in a form body or under another scheme: suites/frameio/api.spec.ts and the shared
 * bearer test (each column here costs a test, run once per mutant by the sweep).
 */
export interface FrameioContext {
  prepared: Prepared
  clock: TargetClock
  target: Target
}

type OperationId = 'me' | 'teams' | 'asset' | 'children' | 'create' | 'foreign' | 'portal'
/** The scope each /v2 operation needs (Frame.io's naming rule; /v2/me needs none: FIO-ME-ANY-SCOPE). */
const NEEDS: Record<Exclude<OperationId, 'portal'>, string | null> = { me: null, teams: 'team.read', asset: 'asset.read', children: 'asset.read', create: 'asset.create', foreign: 'asset.read' }

const op = (id: OperationId, title: string, request: (ctx: FrameioContext) => OperationRequest | { notApplicable: string }) => ({ id, title, request })

type Column = 'none' | 'dev' | 'dev-limited' | 'deleted' | 'dev-changed' | 'dev-longer' | 'oauth' | 'oauth-limited' | 'expired' | 'revoked'

const PORTAL_401 = { code: 401, errors: [{ code: 401, detail: 'Sign in to the Developer Portal first', status: 401, title: 'Not Authorized' }], message: 'Not Authorized' }

function expectCell(operation: string, credential: string): Expectation | null {
  const id = operation as OperationId
  const column = credential as Column
  if (id === 'portal') return { status: 401, body: 'portal401', challenge: null, requirement: 'FIO-PORTAL-SESSION-ONLY' }
  const unauthenticated = (requirement: string): Expectation => ({ status: 401, body: 'unauthorized', challenge: UNAUTHENTICATED.challenge, requirement })
  const invalid = (requirement: string): Expectation => ({ status: 401, body: 'unauthorized', challenge: INVALID_TOKEN.challenge, requirement })
  const scopeRefused = (requirement: string): Expectation => ({ status: 403, body: 'forbidden', challenge: insufficientScope(NEEDS[id]!).challenge, requirement })
  const served = (requirement: string): Expectation => (id === 'foreign' ? { status: 403, body: 'forbidden', challenge: null, requirement } : { status: 200, body: id === 'me' ? 'user' : id, challenge: null, requirement })
  switch (column) {
    case 'none':
      return unauthenticated('FIO-401-BODY')
    case 'deleted':
      return invalid('FIO-DEVTOKEN-DELETE')
    case 'dev-changed':
    case 'dev-longer':
      return invalid('FIO-DEVTOKEN-EXACT')
    case 'expired':
      return invalid('FIO-OAUTH2-BEARER-EXPIRED')
    case 'revoked':
      return invalid('FIO-OAUTH2-BEARER-REVOKED')
    case 'dev':
      return served(id === 'me' ? 'FIO-ME' : 'FIO-DEVTOKEN-USER-ACCESS')
    case 'oauth':
      return served(id === 'foreign' ? 'FIO-403-USER-ACCESS' : 'FIO-OAUTH-TOKEN-EQUALS-DEV')
    case 'dev-limited':
      // Every scope but team.read and asset.read: what it holds is served, what it lacks refused.
      if (id === 'me') return served('FIO-ME-ANY-SCOPE')
      return LIMITED_DEVELOPER_SCOPES.includes(NEEDS[id]! as (typeof LIMITED_DEVELOPER_SCOPES)[number]) ? served('FIO-DEVTOKEN-SCOPES-EXACT') : scopeRefused('FIO-DEVTOKEN-SCOPES-EXACT')
    case 'oauth-limited':
      return id === 'me' ? served('FIO-ME-ANY-SCOPE') : scopeRefused('FIO-OAUTH-TOKEN-EQUALS-DEV')
  }
  return null
}

const parsed = (a: Answer): unknown => {
  try {
    return JSON.parse(a.text)
  } catch {
    return undefined
  }
}
const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v)
/** A /v2 answer's rate-limit headers (every /v2 answer carries them), then the body check. */
const v2 = (check: (body: unknown, request: OperationRequest) => string | undefined) => (a: Answer, request: OperationRequest) => {
  const missing = RATE_LIMIT_HEADERS.filter((h) => !/^\d+$/.test(a.headers[h] ?? ''))
  return missing.length ? `no ${missing.join(', ')}` : check(parsed(a), request)
}
const exactly = (expected: unknown) => (body: unknown) => (same(body, expected) ? undefined : `body ${JSON.stringify(body)?.slice(0, 160)}`)
const segment = (request: OperationRequest, at: number) => request.path.split('/')[at]

export const frameioAccess: AccessTable<FrameioContext> & { profiles: readonly string[] } = {
  api: 'frameio',
  profiles: ['frameio@v2'],
  operations: [
    op('me', 'GET /v2/me', () => ({ method: 'GET', path: '/v2/me' })),
    op('teams', 'GET /v2/accounts/{own account}/teams (team.read)', (c) => ({ method: 'GET', path: `/v2/accounts/${c.target.settings.accountId}/teams` })),
    op('asset', 'GET /v2/assets/{own asset} (asset.read)', (c) => ({ method: 'GET', path: `/v2/assets/${c.target.settings.assetId}` })),
    op('children', 'GET /v2/assets/{own folder}/children (asset.read)', (c) => ({ method: 'GET', path: `/v2/assets/${c.target.settings.assetId}/children` })),
    op('create', 'POST /v2/assets/{own folder}/children (asset.create)', (c) => ({ method: 'POST', path: `/v2/assets/${c.target.settings.assetId}/children`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'folder', name: 'authconform access table' }) })),
    op('foreign', "GET /v2/assets/{another account's asset} (asset.read)", (c) => (c.target.settings.foreignAssetId ? { method: 'GET', path: `/v2/assets/${c.target.settings.foreignAssetId}` } : { notApplicable: 'the target names no asset outside the user’s access (FRAMEIO_FOREIGN_ASSET_ID)' })),
    op('portal', 'GET /developer/api/tokens (the portal: a signed-in session only)', (c) => (c.target.settings.portalAPI === '1' ? { method: 'GET', path: '/developer/api/tokens' } : { notApplicable: 'the target has no portal JSON API' })),
  ],
  credentials: [
    { id: 'none', title: 'no Authorization', prepare: async () => ({}) },
    { id: 'dev', title: 'a developer token with every scope', prepare: async (c) => developer(c, 'every') },
    { id: 'dev-limited', title: 'a developer token with every scope but team.read and asset.read', prepare: async (c) => developer(c, 'limited') },
    // Near misses of a valid developer token (RFC 6750 §3.1 invalid_token): compared in full, not on a prefix.
    { id: 'dev-changed', title: 'a developer token with its last character changed', prepare: async (c) => developer(c, 'every', (t) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`) },
    { id: 'dev-longer', title: 'a developer token with a character appended', prepare: async (c) => developer(c, 'every', (t) => `${t}A`) },
    {
      id: 'deleted',
      title: 'a deleted developer token',
      prepare: async (c) => {
        if (c.target.settings.portalAPI !== '1') return { notApplicable: 'deleting a developer token needs the portal JSON API (settings.portalAPI), which a real target has not: developer tokens are deleted by hand there' }
        const { token, id } = await c.prepared.devToken(SCOPES)
        await c.prepared.deleteDevToken(id)
        return bearer(token)
      },
    },
    // asset.delete too: the run's cleanup deletes the folder the create cell made with the token that made it.
    { id: 'oauth', title: 'an OAuth access token with the operations’ scopes', prepare: async (c) => bearer((await c.prepared.oauth('offline account.read team.read asset.read asset.create asset.delete')).access_token) },
    { id: 'oauth-limited', title: 'an OAuth access token without them', prepare: async (c) => bearer((await c.prepared.oauth('offline comment.read')).access_token) },
    {
      id: 'expired',
      title: 'an expired OAuth access token',
      prepare: async (c) => {
        const { access_token } = await c.prepared.oauth('offline asset.read')
        await c.clock.advance(Number(c.target.settings.accessTokenTtl))
        return bearer(access_token)
      },
    },
    {
      id: 'revoked',
      title: 'a revoked OAuth access token',
      prepare: async (c) => {
        const { access_token } = await c.prepared.oauth('offline asset.read')
        const { flow } = c.prepared
        const app = flow.client('confidential')
        await flow.prep.post(flow.url('/oauth2/revoke'), { token: access_token }, { authorization: basicOf(app.id, app.secret ?? '') })
        return bearer(access_token)
      },
    },
  ],
  expect: (operation, credential) => expectCell(operation, credential),
  bodies: {
    unauthorized: v2(exactly(UNAUTHORIZED_BODY)),
    forbidden: v2(exactly(FORBIDDEN_BODY)),
    portal401: (a) => exactly(PORTAL_401)(parsed(a)),
    user: v2((b) => {
      const u = b as Record<string, unknown> | undefined
      return ['id', 'account_id', 'email', 'name'].every((k) => typeof u?.[k] === 'string') && u?._type === 'user' ? undefined : `not a User: ${JSON.stringify(b)?.slice(0, 120)}`
    }),
    teams: v2((b, r) => (Array.isArray(b) && b.length > 0 && b.every((t) => (t as { account_id?: unknown }).account_id === segment(r, 3)) ? undefined : `not the account's teams: ${JSON.stringify(b)?.slice(0, 120)}`)),
    asset: v2((b, r) => ((b as { id?: unknown } | undefined)?.id === segment(r, 3) ? undefined : `not that asset: ${JSON.stringify(b)?.slice(0, 120)}`)),
    children: v2((b, r) => (Array.isArray(b) && b.every((a) => (a as { parent_asset_id?: unknown }).parent_asset_id === segment(r, 3)) ? undefined : `not the folder's assets: ${JSON.stringify(b)?.slice(0, 120)}`)),
    create: v2((b, r) => {
      const a = b as { parent_asset_id?: unknown; type?: unknown; name?: unknown } | undefined
      return a?.parent_asset_id === segment(r, 3) && a?.type === 'folder' && a?.name === 'authconform access table' ? undefined : `not the new folder: ${JSON.stringify(b)?.slice(0, 120)}`
    }),
  },
}

function bearer(token: string): Credential {
  return { headers: { authorization: `Bearer ${token}` } }
}

/** One of the user's developer tokens (made through the portal, or the target's own), as is or altered. */
async function developer(c: FrameioContext, which: 'every' | 'limited', alter: (token: string) => string = (t) => t): Promise<Credential | { notApplicable: string }> {
  const got = await c.prepared.developer(which)
  return 'token' in got ? bearer(alter(got.token)) : { notApplicable: got.missing }
}

/** What the table's credentials are prepared with on this target. */
export async function frameioContext({ request, target, clock }: { request: APIRequestContext; target: Target; clock: TargetClock }): Promise<FrameioContext> {
  return { prepared: new Prepared({ request, target }), clock, target }
}
