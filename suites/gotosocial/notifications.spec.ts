import { req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { bearer, Gts, refused, refusal, seen, type Seen } from './gotosocial.ts'

interface Note {
  id: string
  type: string
  status?: { account?: { id?: string } }
}
const PATH = '/api/v1/notifications'

test(
  "GET /api/v1/notifications: the caller's own, newest first, limit clamped, types filtered, absolute Link paging (max_id next, min_id prev) to an empty last page",
  req('GTS-NOTIF-LIST', 'GTS-NOTIF-LINK', 'GTS-NOTIF-PAGING', 'GTS-NOTIF-TYPES'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'notifications', async () => {
      const gts = new Gts({ request, target, session })
      const { origin } = new URL(gts.base)
      const headers = bearer(await gts.userToken('read'))
      const me = (await (await request.get('/api/v1/accounts/verify_credentials', { headers })).json()) as { id: string }
      const get = async (query = '') => seen(await request.get(`${PATH}${query}`, { headers }))
      const notes = (s: Seen) => (Array.isArray(s.body) ? (s.body as Note[]) : [])
      const ids = (s: Seen) => notes(s).map((n) => n.id)
      const newestFirst = (list: string[]) => list.every((id, i) => i === 0 || list[i - 1]! > id)
      /** The Link header GoToSocial writes for a page: absolute, query keys sorted (Go's url.Values.Encode). */
      const link = (page: string[], limit: number, carried = '') => `<${origin}${PATH}?${carried}limit=${limit}&max_id=${page.at(-1)}>; rel="next", <${origin}${PATH}?${carried}limit=${limit}&min_id=${page[0]}>; rel="prev"`

      const first = await get()
      const page1 = ids(first)
      // A favourite or a reblog is of one of the caller's own statuses: another account's would show up here.
      const foreign = notes(first).filter((n) => ['favourite', 'reblog'].includes(n.type) && n.status?.account?.id !== me.id)
      v.check('GTS-NOTIF-LIST', 'the first page: 20, newest first, the caller’s own', { status: first.status, count: page1.length, newestFirst: newestFirst(page1), foreign: foreign.length }, { status: 200, count: 20, newestFirst: true, foreign: 0 })
      v.check('GTS-NOTIF-LINK', 'the first page', first.headers.link, link(page1, 20))
      v.check('GTS-NOTIF-LIST', 'limit=0 means 20', ids(await get('?limit=0')).length, 20)
      v.check('GTS-NOTIF-LIST', 'limit=100: clamped to 80', (await get('?limit=100')).headers.link?.includes('limit=80&'), true)
      v.check('GTS-NOTIF-LIST', 'limit=-5: clamped to 1', ids(await get('?limit=-5')), page1.slice(0, 1))
      v.check('GTS-NOTIF-LIST', 'limit=abc', refusal(await get('?limit=abc')), refused(400, { error: 'Bad Request: bad integer limit value' }))

      // Every notification once, newest first, following rel="next" to the empty page.
      const seenIds: string[] = []
      let next: string | undefined = `${PATH}?limit=20`
      let last: Seen | undefined
      for (let i = 0; next && i < 20; i++) {
        last = await seen(await request.get(next, { headers }))
        seenIds.push(...ids(last))
        next = /<([^>]+)>; rel="next"/.exec(last.headers.link ?? '')?.[1]
        if (!ids(last).length) break
      }
      const total = target.settings.notifications ? Number(target.settings.notifications) : seenIds.length
      v.check('GTS-NOTIF-PAGING', 'following rel="next" to the end', { count: seenIds.length, distinct: new Set(seenIds).size, newestFirst: newestFirst(seenIds), lastPage: last?.body, lastLink: last?.headers.link ?? null }, { count: total, distinct: total, newestFirst: true, lastPage: [], lastLink: null })
      v.check('GTS-NOTIF-LIST', 'every page together: exactly the caller’s notifications', seenIds.length, total)
      const pivot = page1[9]!
      v.check('GTS-NOTIF-PAGING', 'max_id: older, exclusive', ids(await get(`?limit=3&max_id=${pivot}`)), page1.slice(10, 13))
      v.check('GTS-NOTIF-PAGING', 'since_id: the newest above, exclusive', ids(await get(`?limit=3&since_id=${pivot}`)), page1.slice(0, 3))
      v.check('GTS-NOTIF-PAGING', 'min_id: the page immediately newer, exclusive', ids(await get(`?limit=3&min_id=${pivot}`)), page1.slice(6, 9))

      const mentions = await get('?limit=5&types[]=mention')
      v.check('GTS-NOTIF-TYPES', 'types[]=mention', { status: mentions.status, types: [...new Set(notes(mentions).map((n) => n.type))] }, { status: 200, types: ['mention'] })
      v.check('GTS-NOTIF-LINK', 'types[] carried along, encoded, keys sorted', mentions.headers.link, ids(mentions).length ? `<${origin}${PATH}?limit=5&max_id=${ids(mentions).at(-1)}&types%5B%5D=mention>; rel="next", <${origin}${PATH}?limit=5&min_id=${ids(mentions)[0]}&types%5B%5D=mention>; rel="prev"` : undefined)
      const excluded = await get('?limit=5&exclude_types[]=mention')
      v.check('GTS-NOTIF-TYPES', 'exclude_types[]=mention', notes(excluded).some((n) => n.type === 'mention') || !notes(excluded).length, false)
      v.check('GTS-NOTIF-LINK', 'exclude_types[] carried along first', excluded.headers.link?.startsWith(`<${origin}${PATH}?exclude_types%5B%5D=mention&limit=5&max_id=`), true)
      const unknown = await get('?types[]=no-such-type')
      v.check('GTS-NOTIF-TYPES', 'an unknown type: ignored', { status: unknown.status, ids: ids(unknown) }, { status: 200, ids: page1 })
      const empty = await get(`?max_id=${seenIds.at(-1)}`)
      v.check('GTS-NOTIF-LINK', 'an empty page: [] without Link', { body: empty.body, link: empty.headers.link ?? null }, { body: [], link: null })
    })
  },
)
