import { json, jsonText, readBody } from '../core/http.ts'
import { requireAccount, requireScope, type Principal } from './authenticate.ts'
import { frameioErrors } from './errors.ts'
import type { User } from './fixtures.ts'
import type { FrameioState, StoredAsset } from './state.ts'

/**
 * The modelled `/v2` operations. Order on each (the access table): authentication (401) → scope (403) →
 * existence (404) → the user's access to the account (403) → the request body (422).
 * Scopes by Frame.io's naming rule ("a combination of a resource (e.g. Asset) and an action (e.g. create)"):
 * `getMe` any valid token, `getTeamsByAccount` `team.read`, `getAsset` and `getAssetChildren` `asset.read`, `createAsset` `asset.create`.
 */
/** Headers every /v2 answer carries (the rate-limit ones). */
type ExtraHeaders = Record<string, string>

export function getMe(principal: Principal, state: FrameioState, headers: ExtraHeaders): Response {
  if (state.mutants.has('me-needs-scope')) requireScope(principal, 'account.read', state)
  // A user's record never changes within an instance: serialised once (the benchmark's token-checked GET).
  // The `me-cached-once` defect keys the cache on nothing: the first caller's record for everyone.
  const key = state.mutants.has('me-cached-once') ? '' : principal.user.id
  let text = state.userJson.get(key)
  if (text === undefined) state.userJson.set(key, (text = JSON.stringify(userView(principal.user, state))))
  return jsonText(text, 200, headers)
}

export function getTeams(principal: Principal, accountId: string, state: FrameioState, headers: ExtraHeaders): Response {
  requireScope(principal, 'team.read', state)
  if (!state.accounts.has(accountId)) throw frameioErrors.notFound()
  requireAccount(principal, accountId, state)
  const teams = state.fixtures.teams.filter((t) => t.account_id === accountId)
  const view = teams.map((t) => ({ id: t.id, account_id: t.account_id, name: t.name, access: 'private', creator_id: null, member_count: 1, inserted_at: state.seededAt, updated_at: state.seededAt, deleted_at: null }))
  return json(view, 200, { ...headers, 'page-number': '1', 'per-page': '50', total: String(view.length), 'total-pages': '1' })
}

export function getAsset(principal: Principal, assetId: string, state: FrameioState, headers: ExtraHeaders): Response {
  requireScope(principal, 'asset.read', state)
  const asset = state.assets.get(assetId)
  if (!asset) throw frameioErrors.notFound()
  requireAccount(principal, asset.account_id, state)
  return json(assetView(asset, state), 200, headers)
}

/** `GET /v2/assets/{asset_id}/children` — the folder's Assets (`asset.read`; the `children-scope-unchecked` defect forgets it). */
export function getChildren(principal: Principal, parentId: string, state: FrameioState, headers: ExtraHeaders): Response {
  if (!state.mutants.has('children-scope-unchecked')) requireScope(principal, 'asset.read', state)
  const parent = state.assets.get(parentId)
  if (!parent) throw frameioErrors.notFound()
  requireAccount(principal, parent.account_id, state)
  const children = [...state.assets.values()].filter((a) => a.parent_asset_id === parent.id)
  return json(children.map((a) => assetView(a, state)), 200, headers)
}

/** `POST /v2/assets/{asset_id}/children` — 200 with the new Asset (upstream answers 200, not 201). */
export async function createChild(request: Request, principal: Principal, parentId: string, state: FrameioState, headers: ExtraHeaders): Promise<Response> {
  const early = state.mutants.has('create-before-scope-check')
  if (!early) requireScope(principal, 'asset.create', state)
  const parent = state.assets.get(parentId)
  if (!parent) throw frameioErrors.notFound()
  requireAccount(principal, parent.account_id, state)
  const body = await readBody(request)
  const fields = body.kind === 'json' && body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? (body.value as Record<string, unknown>) : undefined
  if (!fields) throw frameioErrors.badRequest('The request body must be a JSON object.')
  if (parent.type !== 'folder') throw frameioErrors.invalidArguments('Assets can only be created inside a folder.')
  const { type, name, filetype, filesize } = fields
  if (type !== 'file' && type !== 'folder') throw frameioErrors.invalidArguments('type must be "file" or "folder".')
  if (typeof name !== 'string' || !name.trim()) throw frameioErrors.invalidArguments('name is required.')
  if (type === 'file' && typeof filetype !== 'string') throw frameioErrors.invalidArguments('filetype is required for a file.')
  const asset: StoredAsset = {
    id: crypto.randomUUID(),
    account_id: parent.account_id,
    team_id: parent.team_id,
    project_id: parent.project_id,
    parent_asset_id: parent.id,
    type,
    name: name.trim(),
    ...(type === 'file' ? { filetype: filetype as string, filesize: typeof filesize === 'number' ? Math.max(0, Math.floor(filesize)) : 0 } : {}),
    creator_id: principal.user.id,
    inserted_at: new Date(state.clock.now()).toISOString(),
  }
  state.assets.set(asset.id, asset)
  // The `create-before-scope-check` defect: the asset exists before the scope is looked at.
  if (early) requireScope(principal, 'asset.create', state)
  return json(assetView(asset, state), 200, headers)
}

/** The User record (reference sample, generated client `User`): "Properties without a value will use null". */
export function userView(user: User, state: FrameioState) {
  return {
    id: user.id,
    account_id: user.account_ids[0],
    email: user.email,
    name: user.name,
    _type: 'user',
    timezone_value: user.timezone_value,
    image_32: null,
    image_64: null,
    image_128: null,
    image_256: null,
    profile_image: null,
    roles: { id: user.id, admin: false, sales: false, support: false },
    joined_via: 'organic',
    inserted_at: user.inserted_at,
    updated_at: state.seededAt,
    first_login_at: user.inserted_at,
    last_seen: state.seededAt,
    deleted_at: null,
    user_default_color: '#5B53FF',
    from_google: false,
    mfa_enforced_at: null,
    upload_url: null,
  }
}

function assetView(asset: StoredAsset, state: FrameioState) {
  const children = [...state.assets.values()].filter((a) => a.parent_asset_id === asset.id).length
  const creator = asset.creator_id ? state.usersById.get(asset.creator_id) : undefined
  return {
    id: asset.id,
    name: asset.name,
    type: asset.type,
    account_id: asset.account_id,
    team_id: asset.team_id,
    project_id: asset.project_id,
    parent_asset_id: asset.parent_asset_id,
    filetype: asset.filetype ?? null,
    filesize: asset.filesize ?? null,
    item_count: children,
    inserted_at: asset.inserted_at,
    updated_at: asset.inserted_at,
    ...(creator ? { creator: userView(creator, state) } : {}),
  }
}

const RATE_LIMIT = 100
const RATE_WINDOW_MS = 60_000
const LIMIT_TEXT = String(RATE_LIMIT)
const WINDOW_TEXT = String(RATE_WINDOW_MS)

/**
 * `x-ratelimit-limit`, `-remaining`, `-window` (ms) on every `/v2` answer (gen README: "Responses to API requests
 * will always include the following three headers"), counted per path on the mock clock. The mock reports the
 * window; it never answers 429.
 */
export function rateLimitHeaders(path: string, state: FrameioState): ExtraHeaders {
  if (state.mutants.has('no-rate-limit-headers')) return {}
  const now = state.clock.now()
  let slot = state.rate.get(path)
  if (!slot || now - slot.start >= RATE_WINDOW_MS) {
    if (state.rate.size >= 1_000) state.rate.clear()
    state.rate.set(path, (slot = { start: now, count: 0 }))
  }
  slot.count++
  return { 'x-ratelimit-limit': LIMIT_TEXT, 'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - slot.count)), 'x-ratelimit-window': WINDOW_TEXT }
}

/** The same headers on an answer built elsewhere (an error of the envelope). */
export function withRateLimit(response: Response, headers: ExtraHeaders): Response {
  for (const name in headers) response.headers.set(name, headers[name]!)
  return response
}
