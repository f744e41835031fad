import { json } from '../core/http.ts'
import { requireUser, tokenCheck } from './authenticate.ts'
import { apiError, requireOffer } from './errors.ts'
import { notificationJson, originOf } from './model.ts'
import { JSON_TYPE } from './negotiate.ts'
import type { GtsState, NotificationRecord } from './state.ts'
import { encodeValues } from './urls.ts'

/**
 * `GET /api/v1/notifications` (`notificationsget.go:144-187`, `internal/paging/*`):
 * - a user token permitting `read:notifications` (v0.19), then Accept JSON;
 * - `limit`: absent or 0 → 20, below 1 → 1, above 80 → 80 (clamped, not refused), not an integer → 400;
 * - `max_id` (older than, exclusive), `since_id` (newer than, newest first), `min_id` (the page immediately newer);
 *   `types[]` keeps, `exclude_types[]` drops (unknown names ignored);
 * - newest first; a non-empty page has `Link: <…?limit=N&max_id=LOWEST>; rel="next", <…?limit=N&min_id=HIGHEST>;
 *   rel="prev"` — absolute on the instance's origin, query keys sorted (so `exclude_types%5B%5D` first and
 *   `types%5B%5D` last); an empty page is `[]` without Link.
 */
const TYPES = new Set(['follow', 'follow_request', 'mention', 'reblog', 'favourite', 'poll', 'status', 'admin.sign_up', 'pending.favourite', 'pending.reply', 'pending.reblog', 'admin.report', 'update'])

export function notificationsGet(request: Request, state: GtsState): Response {
  const { mutants } = state
  const caller = requireUser(tokenCheck(request, state), ['read:notifications'], state)
  requireOffer(request, JSON_TYPE)
  const q = new URL(request.url).searchParams
  const limit = limitOf(q.get('limit'), mutants.has('limit-unclamped'))
  const types = q.getAll('types[]')
  const excluded = q.getAll('exclude_types[]')
  const keep = new Set(types.filter((t) => TYPES.has(t)))
  const drop = new Set(excluded.filter((t) => TYPES.has(t)))
  const [maxId, sinceId, minId] = [q.get('max_id') || undefined, q.get('since_id') || undefined, q.get('min_id') || undefined]
  const all = mutants.has('notifications-of-everyone') ? [...state.notifications.values()].flat().sort((a, b) => (a.id < b.id ? 1 : -1)) : (state.notifications.get(caller.user.id) ?? [])
  const inRange = (n: NotificationRecord) =>
    (keep.size === 0 || keep.has(n.type)) &&
    !drop.has(n.type) &&
    (maxId === undefined || (mutants.has('max-id-inclusive') ? n.id <= maxId : n.id < maxId)) &&
    (sinceId === undefined || n.id > sinceId) &&
    (minId === undefined || n.id > minId)
  const matching = all.filter(inRange)
  const page = minId !== undefined && sinceId === undefined ? matching.slice(-limit) : matching.slice(0, limit)
  const o = originOf(request)
  const headers: Record<string, string> = { 'content-type': JSON_TYPE }
  if (page.length > 0 || mutants.has('empty-page-link')) {
    const carried = [...excluded.map((t) => ['exclude_types[]', t] as const), ...types.map((t) => ['types[]', t] as const)]
    const base = mutants.has('link-relative') ? '/api/v1/notifications' : `${o.origin}/api/v1/notifications`
    const lowest = page.at(-1)?.id ?? maxId ?? ''
    const highest = page[0]?.id ?? minId ?? ''
    const prevKey = mutants.has('link-prev-since-id') ? 'since_id' : 'min_id'
    const next = encodeValues([...carried, ['limit', String(limit)], ['max_id', lowest]])
    const prev = encodeValues([...carried, ['limit', String(limit)], [prevKey, highest]])
    headers.link = `<${base}?${next}>; rel="next", <${base}?${prev}>; rel="prev"`
  }
  return json(
    page.map((n) => notificationJson(n, state, o)),
    200,
    headers,
  )
}

function limitOf(raw: string | null, unclamped: boolean): number {
  if (raw === null || raw === '') return 20
  if (!/^[+-]?\d{1,18}$/.test(raw)) throw apiError(400, ['bad integer limit value'])
  const n = Number(raw)
  if (n === 0) return 20
  if (n < 1) return 1
  return n > 80 && !unclamped ? 80 : n
}
