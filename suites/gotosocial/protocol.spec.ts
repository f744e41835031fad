import { req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { BROWSER_ACCEPT, NOT_FOUND, refused, refusal, seen, TOKEN_NOT_SUPPLIED, VERIFY } from './gotosocial.ts'

const TEAPOT = '{"error": "I\'m a teapot: no user-agent sent with request"}'
const notAcceptable = (accept: string, offer: string) => `Not Acceptable: no format can be offered for requested Accept header(s) [${accept}]; this endpoint offers [${offer}]`

test(
  'every route: no User-Agent is a teapot; errors as JSON or as the HTML page by Accept (q-values ignored), 406 where nothing offered fits; 404 and 405 from the router',
  req('GTS-UA-REQUIRED', 'GTS-ERROR-NEGOTIATION', 'GTS-ROUTING'),
  async ({ request }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'routing and negotiation', async () => {
      for (const [method, path] of [['GET', '/api/v1/instance'], ['POST', '/oauth/token']] as const) {
        const r = await request.fetch(path, { method, headers: { 'user-agent': '' } })
        v.check('GTS-UA-REQUIRED', `${method} ${path} without a User-Agent`, { status: r.status(), type: r.headers()['content-type'], body: await r.text() }, { status: 418, type: 'application/json', body: TEAPOT })
      }
      const verify = async (accept?: string) => seen(await request.get(VERIFY, { headers: accept === undefined ? {} : { accept } }))
      const json = refused(401, TOKEN_NOT_SUPPLIED)
      for (const accept of [undefined, 'application/json', '*/*', 'application/json, text/html', '*/*, text/html']) v.check('GTS-ERROR-NEGOTIATION', `Accept ${accept ?? '(none)'}: JSON`, refusal(await verify(accept)), json)
      for (const accept of [BROWSER_ACCEPT, 'text/html;q=0.1, application/json']) {
        const page = await verify(accept)
        v.check('GTS-ERROR-NEGOTIATION', `Accept ${accept}: the error page`, { status: page.status, type: page.type, text: String(page.body).includes('<pre>Unauthorized: token not supplied</pre>') }, { status: 401, type: 'text/html; charset=utf-8', text: true })
      }
      for (const path of ['/oauth/authorize?client_id=x&redirect_uri=x&response_type=code', '/auth/sign_in']) {
        v.check('GTS-ERROR-NEGOTIATION', `GET ${path.split('?')[0]} asking for JSON only`, refusal(await seen(await request.get(path, { headers: { accept: 'application/json' }, maxRedirects: 0 }))), refused(406, { error: notAcceptable('application/json', 'text/html') }))
      }
      const page = await seen(await request.get('/api/v1/instance', { headers: { accept: 'text/html' } }))
      v.check('GTS-ERROR-NEGOTIATION', 'GET /api/v1/instance asking for HTML only: 406, as the page', { status: page.status, type: page.type, text: String(page.body).includes(notAcceptable('text/html', 'application/json')) }, { status: 406, type: 'text/html; charset=utf-8', text: true })

      v.check('GTS-ROUTING', 'an unknown path', refusal(await seen(await request.get('/api/v1/no-such-thing'))), refused(404, NOT_FOUND))
      for (const [method, path, allow] of [['GET', '/oauth/token', 'POST'], ['DELETE', '/api/v1/instance', 'GET']] as const) {
        const r = await request.fetch(path, { method, maxRedirects: 0 })
        v.check('GTS-ROUTING', `${method} ${path}`, { status: r.status(), type: r.headers()['content-type'], allow: r.headers().allow, body: await r.text() }, { status: 405, type: 'text/plain', allow, body: '405 method not allowed' })
      }
    })
  },
)
