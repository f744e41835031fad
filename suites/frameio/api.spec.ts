import type { APIResponse } from '@playwright/test'
import { req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { bearerChallenge } from '../shared/oauth2/index.ts'
import { bearer, FORBIDDEN_BODY, insufficientScope, Prepared, RATE_LIMIT_HEADERS, REALM, SCOPES, UNAUTHENTICATED, UNAUTHORIZED_BODY } from './frameio.ts'

/** An answer as the refusal rules compare it: status, challenge (null: none), body parsed. */
async function shapeOf(r: APIResponse) {
  const text = await r.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    /* not JSON: compared as text */
  }
  return { status: r.status(), challenge: r.headers()['www-authenticate'] ?? null, body, headers: r.headers(), text }
}
type Shape = Awaited<ReturnType<typeof shapeOf>>
/** HTTPError's rule: `code` and every errors[].code and errors[].status repeat the HTTP status. */
const envelopeOf = (s: Shape) => {
  const b = s.body as { code?: unknown; errors?: { code?: unknown; status?: unknown }[] } | undefined
  return { code: b?.code, errors: Array.isArray(b?.errors) && b.errors.length > 0 && b.errors.every((e) => e.code === s.status && e.status === s.status) }
}
const asset = (s: Shape) => s.body as { id?: string; item_count?: number; parent_asset_id?: string } | undefined

test.describe('the /v2 API', () => {
  test(
    'every scope allows its operation and nothing else; every refusal in full (status, HTTPError body, challenge, rate-limit headers); the token read from the header only',
    req('FIO-SCOPE-TEAM-READ', 'FIO-SCOPE-ASSET-READ', 'FIO-SCOPE-ASSET-CREATE', 'FIO-SCOPE-FLAT', 'FIO-ME-ANY-SCOPE', 'FIO-403-BODY', 'FIO-403-USER-ACCESS', 'FIO-ERROR-ENVELOPE', 'FIO-401-BODY', 'FIO-BEARER-HEADER-ONLY', 'FIO-QUERY-TOKEN-NOLEAK', 'FIO-RATE-LIMIT-HEADERS'),
    async ({ request, target, session }, testInfo) => {
      const v = new Verdicts()
      await v.run(testInfo, 'the /v2 API', async () => {
        const prep = new Prepared({ request, target, session })
        const { accountId, assetId, foreignAssetId } = target.settings
        // Developer tokens of one scope each through the portal; on a target without its JSON API the tokens it gives
        // (every scope; every scope but team.read and asset.read, which holds asset.create) and OAuth tokens of that one
        // scope otherwise, which Frame.io scope-checks alike (FIO-OAUTH-TOKEN-EQUALS-DEV).
        const hasPortal = target.settings.portalAPI === '1'
        const oauth = async (scope: string) => (await prep.oauth(scope)).access_token
        const given = async (which: 'every' | 'limited') => {
          const got = await prep.developer(which)
          return 'token' in got ? got.token : undefined
        }
        const token = async (scopes: readonly string[]) => (hasPortal ? (await prep.devToken(scopes)).token : oauth(scopes.join(' ')))
        const every = (await given('every')) ?? (await token(SCOPES))
        const limited = hasPortal ? undefined : await given('limited')
        const [assetRead, assetCreate, teamRead, accountRead, offline] = [await token(['asset.read']), limited ?? (await token(['asset.create'])), await token(['team.read']), await token(['account.read']), await token(['offline'])]
        // The sibling scopes of one resource with OAuth tokens too: asset.read does not create, asset.create does not read.
        const [oauthRead, oauthCreate] = [await oauth('asset.read'), await oauth('asset.create')]
        const seen: Shape[] = []
        const call = async (method: string, path: string, headers: Record<string, string>, data?: string) => {
          const s = await shapeOf(await request.fetch(path, { method, headers, maxRedirects: 0, ...(data === undefined ? {} : { data: Buffer.from(data) }) }))
          seen.push(s)
          return s
        }
        const get = (path: string, t: string) => call('GET', path, bearer(t))
        const create = (t: string, body: unknown) => call('POST', `/v2/assets/${assetId}/children`, { ...bearer(t), 'content-type': 'application/json' }, JSON.stringify(body))
        const refusal = (s: Shape) => ({ status: s.status, challenge: s.challenge, body: s.body })
        const teams = `/v2/accounts/${accountId}/teams`
        const own = `/v2/assets/${assetId}`
        const unknown = '/v2/assets/00000000-0000-4000-8000-00000000dead'

        v.check('FIO-SCOPE-TEAM-READ', 'teams with team.read', (await get(teams, teamRead)).status, 200)
        v.check('FIO-SCOPE-TEAM-READ', 'teams without team.read (asset.create)', refusal(await get(teams, assetCreate)), insufficientScope('team.read'))
        v.check('FIO-SCOPE-FLAT', 'teams with account.read only', refusal(await get(teams, accountRead)), insufficientScope('team.read'))
        const before = await get(own, assetRead)
        v.check('FIO-SCOPE-ASSET-READ', 'an asset with asset.read', { status: before.status, id: asset(before)?.id }, { status: 200, id: assetId })
        const readWithCreate = refusal(await get(own, assetCreate))
        for (const id of ['FIO-SCOPE-ASSET-READ', 'FIO-SCOPE-FLAT']) v.check(id, 'an asset with asset.create only', readWithCreate, insufficientScope('asset.read'))
        v.check('FIO-SCOPE-ASSET-READ', 'an asset that does not exist, without asset.read', refusal(await get(unknown, assetCreate)), insufficientScope('asset.read'))
        v.check('FIO-SCOPE-FLAT', 'an asset with an OAuth token of asset.create only', refusal(await get(own, oauthCreate)), insufficientScope('asset.read'))
        v.check('FIO-SCOPE-FLAT', "creating in the folder with an OAuth token of asset.read only", refusal(await create(oauthRead, { type: 'folder', name: 'not allowed' })), insufficientScope('asset.create'))
        v.check('FIO-SCOPE-FLAT', "the folder's assets with an asset.create token only", refusal(await get(`${own}/children`, assetCreate)), insufficientScope('asset.read'))
        v.check('FIO-SCOPE-FLAT', 'offline alone: no team, no asset', [refusal(await get(teams, offline)), refusal(await get(own, offline))], [insufficientScope('team.read'), insufficientScope('asset.read')])
        v.check('FIO-ME-ANY-SCOPE', 'GET /v2/me with offline alone', (await get('/v2/me', offline)).status, 200)

        v.check(['FIO-SCOPE-ASSET-CREATE', 'FIO-SCOPE-FLAT'], 'creating without asset.create (asset.read)', refusal(await create(assetRead, { type: 'folder', name: 'not allowed' })), insufficientScope('asset.create'))
        const after = await get(own, assetRead)
        v.check('FIO-SCOPE-ASSET-CREATE', 'the refused creation made nothing (the folder’s item_count)', asset(after)?.item_count, asset(before)?.item_count)
        const made = await create(assetCreate, { type: 'folder', name: 'made with asset.create' })
        v.check('FIO-SCOPE-ASSET-CREATE', 'creating with asset.create', { status: made.status, parent: asset(made)?.parent_asset_id }, { status: 200, parent: assetId })
        const invalid = await create(assetCreate, { type: 'folder' })

        const notFound = await get(unknown, every)
        v.check('FIO-403-USER-ACCESS', 'an asset that does not exist, with asset.read: 404', notFound.status, 404)
        const outside = foreignAssetId ? await get(`/v2/assets/${foreignAssetId}`, every) : undefined
        if (outside) v.check('FIO-403-USER-ACCESS', "another account's asset, with asset.read: 403 without a challenge", refusal(outside), { status: 403, challenge: null, body: FORBIDDEN_BODY })

        // Only `Authorization: Bearer` counts: another scheme, a form body or the query carry no token (and the query is not repeated).
        const none = await call('GET', '/v2/me', {})
        const scheme = await call('GET', '/v2/me', { authorization: `Token ${every}` })
        const formBody = await call('POST', `/v2/assets/${assetId}/children`, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ access_token: every, type: 'folder', name: 'x' }).toString())
        const query = await call('GET', `/v2/me?access_token=${every}`, {})
        // Another scheme is an attempt with an unsupported method (RFC 6750 §3.1: no error code SHOULD be given, which
        // FIO-OAUTH2-BEARER-NO-CREDS-NO-ERROR judges without Authorization): here only that it is refused, as any 401.
        const anyScheme = { ...UNAUTHENTICATED, challenge: bearerChallenge({ realm: REALM, error: [null, 'invalid_token'] }) }
        for (const [name, s, expected] of [['another scheme (Token)', scheme, anyScheme], ['the token in a form body', formBody, UNAUTHENTICATED], ['the token in the query', query, UNAUTHENTICATED]] as const) {
          v.check('FIO-BEARER-HEADER-ONLY', name, refusal(s), expected)
        }
        v.check('FIO-QUERY-TOKEN-NOLEAK', 'the answer to ?access_token= does not repeat it', [query.text, ...Object.values(query.headers)].some((x) => x.includes(every)), false)

        for (const [name, s] of [['no Authorization', none], ['another scheme', scheme], ['a form body token', formBody], ['a query token', query]] as const) v.check('FIO-401-BODY', name, s.body, UNAUTHORIZED_BODY)
        const forbidden = seen.filter((s) => s.status === 403)
        for (const s of forbidden) v.check('FIO-403-BODY', `a 403 (${s.challenge ?? 'no challenge'})`, s.body, FORBIDDEN_BODY)
        for (const s of seen.filter((x) => x.status >= 400)) v.check('FIO-ERROR-ENVELOPE', `a ${s.status}`, envelopeOf(s), { code: s.status, errors: true })
        v.check('FIO-ERROR-ENVELOPE', 'a body that is not an asset: 422', invalid.status, 422)
        if (hasPortal) {
          const portal = await shapeOf(await request.get('/developer/api/tokens'))
          v.check('FIO-ERROR-ENVELOPE', 'a portal JSON error (401)', envelopeOf(portal), { code: 401, errors: true })
        }
        for (const s of seen) v.check('FIO-RATE-LIMIT-HEADERS', `a ${s.status}`, RATE_LIMIT_HEADERS.filter((h) => !/^\d+$/.test(s.headers[h] ?? '')), [])
      })
    },
  )
})
