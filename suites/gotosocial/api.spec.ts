import { expect, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { bearer, Gts, refused, refusal, seen } from './gotosocial.ts'

const SCHEMA = 'http://nodeinfo.diaspora.software/ns/schema/'
const STATUS_TYPES = 'application/json, application/x-www-form-urlencoded, multipart/form-data'

test(
  'what a client calls first: the instance to anyone, nodeinfo by absolute links, a status posted as JSON, a form or multipart (200), never from the query string',
  req('GTS-INSTANCE', 'GTS-NODEINFO', 'GTS-STATUS-CREATE'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'the first calls', async () => {
      const gts = new Gts({ request, target, session })
      const { host, origin } = new URL(gts.base)
      const instance = { uri: host, title: expect.any(String), version: expect.any(String), urls: expect.objectContaining({ streaming_api: `wss://${host}` }), max_toot_chars: expect.any(Number), configuration: expect.objectContaining({ statuses: expect.objectContaining({ max_characters: expect.any(Number) }) }) }
      for (const [name, headers] of [['no credential', {}], ['a token never issued', bearer('NEVER-ISSUED-000000000000000000000000000000000000')]] as const) {
        const s = await seen(await request.get('/api/v1/instance', { headers }))
        v.check('GTS-INSTANCE', name, { status: s.status, type: s.type, body: s.body }, { status: 200, type: 'application/json', body: expect.objectContaining(instance) })
      }

      const links = await seen(await request.get('/.well-known/nodeinfo'))
      v.check('GTS-NODEINFO', '/.well-known/nodeinfo', { status: links.status, body: links.body }, { status: 200, body: { links: ['2.0', '2.1'].map((n) => ({ rel: `${SCHEMA}${n}`, href: `${origin}/nodeinfo/${n}` })) } })
      for (const n of ['2.0', '2.1']) {
        const s = await seen(await request.get(`/nodeinfo/${n}`))
        v.check('GTS-NODEINFO', `/nodeinfo/${n}`, { status: s.status, type: s.type, version: (s.body as { version?: unknown }).version, software: (s.body as { software?: { name?: unknown } }).software?.name }, { status: 200, type: `application/json; profile="${SCHEMA}${n}#"`, version: n, software: 'gotosocial' })
      }
      v.check('GTS-NODEINFO', '/nodeinfo/1.0', (await request.get('/nodeinfo/1.0')).status(), 404)

      const token = await gts.userToken('read write')
      const post = async (options: Parameters<typeof request.post>[1]) => seen(await request.post('/api/v1/statuses', { ...options, headers: { ...bearer(token), ...options?.headers } }))
      const status = (text: string) => ({ status: 200, type: 'application/json', body: expect.objectContaining({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), content: `<p>${text}</p>`, visibility: 'public', account: expect.objectContaining({ username: gts.user.username }) }) })
      const shape = (s: Awaited<ReturnType<typeof post>>) => ({ status: s.status, type: s.type, body: s.body })
      v.check('GTS-STATUS-CREATE', 'JSON', shape(await post({ data: JSON.stringify({ status: 'authconform json' }), headers: { 'content-type': 'application/json' } })), status('authconform json'))
      v.check('GTS-STATUS-CREATE', 'a form', shape(await post({ form: { status: 'authconform form' } })), status('authconform form'))
      v.check('GTS-STATUS-CREATE', 'multipart', shape(await post({ multipart: { status: 'authconform multipart' } })), status('authconform multipart'))
      const query = await seen(await request.post(`/api/v1/statuses?${new URLSearchParams({ status: 'authconform query' })}`, { headers: bearer(token) }))
      v.check('GTS-STATUS-CREATE', 'the parameters in the query string, no body', refusal(query), refused(406, { error: `Not Acceptable: content-type  not supported for this endpoint; supported content-types are ${STATUS_TYPES}` }))
      v.check('GTS-STATUS-CREATE', 'no text', refusal(await post({ data: JSON.stringify({ status: '' }), headers: { 'content-type': 'application/json' } })), refused(400, { error: 'Bad Request: status contains no text, media or poll' }))
    })
  },
)
