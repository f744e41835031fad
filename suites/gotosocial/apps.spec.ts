import { expect, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { bearer, FORBIDDEN_SCOPE, Gts, OOB, refused, refusal, seen } from './gotosocial.ts'
import { isCurrent } from './oauth2.ts'

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const WEB = 'https://app.example.test/callback'
const json = { 'content-type': 'application/json' }
const required = (go: string) => `Key: 'ApplicationCreateRequest.${go}' Error:Field validation for '${go}' failed on the 'required' tag`

test(
  'POST /api/v1/apps: the Application in full, from JSON, form and multipart bodies; client_name required; redirect_uris one string; the default scope; a token needs write:applications',
  req('GTS-APP-REGISTER', 'GTS-APP-BODIES', 'GTS-APP-NOSTORE', 'GTS-APP-NAME-REQUIRED', 'GTS-APP-REDIRECTS', 'GTS-APP-SCOPE-DEFAULT', 'GTS-APP-TOKEN-SCOPE', 'GTS-OAUTH2-AUTHZ-REDIRECT-HTTP-SCHEME'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'app registration', async () => {
      const gts = new Gts({ request, target, session })
      const current = isCurrent(target)
      const post = async (fields: Record<string, unknown>, headers: Record<string, string> = {}) => seen(await request.post('/api/v1/apps', { data: JSON.stringify(fields), headers: { ...json, ...headers } }))
      /** The Application as each line answers it (v0.19 adds created_at, redirect_uris and scopes). */
      const application = (name: string, uris: readonly string[], scopes: string, website?: string) => ({
        id: expect.stringMatching(ULID),
        name,
        ...(website ? { website } : {}),
        redirect_uri: uris.join('\n'),
        client_id: expect.stringMatching(ULID),
        client_secret: expect.stringMatching(UUID),
        vapid_key: expect.stringMatching(/^\S{20,}$/),
        ...(current ? { created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), redirect_uris: uris, scopes: scopes.split(' ') } : {}),
      })
      const ok = (body: unknown) => ({ status: 200, type: 'application/json', body })

      const full = await post({ client_name: 'authconform walk', redirect_uris: OOB, scopes: 'read write', website: 'https://authconform.example.test' })
      v.check('GTS-APP-REGISTER', 'JSON with every field', { status: full.status, type: full.type, body: full.body }, ok(application('authconform walk', [OOB], 'read write', 'https://authconform.example.test')))
      v.check('GTS-APP-NOSTORE', 'the answer with the client secret', full.headers['cache-control'], 'no-store')
      const form = await seen(await request.post('/api/v1/apps', { form: { client_name: 'authconform form', redirect_uris: OOB, scopes: 'read' } }))
      const multipart = await seen(await request.post('/api/v1/apps', { multipart: { client_name: 'authconform multipart', redirect_uris: OOB, scopes: 'read' } }))
      const query = await seen(await request.post(`/api/v1/apps?${new URLSearchParams({ client_name: 'authconform query' })}`, { form: { redirect_uris: OOB, scopes: 'read' } }))
      for (const [name, s, client] of [['a form', form, 'authconform form'], ['multipart', multipart, 'authconform multipart'], ['a form with client_name in the URL query', query, 'authconform query']] as const) {
        v.check('GTS-APP-BODIES', name, { status: s.status, body: s.body }, { status: 200, body: application(client, [OOB], 'read') })
      }
      v.check('GTS-APP-NAME-REQUIRED', 'no client_name', refusal(await post({ redirect_uris: OOB })), refused(400, { error: `Bad Request: ${required('ClientName')}` }))
      v.check('GTS-APP-REDIRECTS', 'redirect_uris as a JSON array', refusal(await post({ client_name: 'a', redirect_uris: [OOB] })), refused(400, { error: 'Bad Request: json: cannot unmarshal array into Go struct field ApplicationCreateRequest.redirect_uris of type string' }))
      const listed = await post({ client_name: 'listed', redirect_uris: ` ${WEB} \n${WEB}\n${WEB}/other`, scopes: 'read' })
      const none = await post({ client_name: 'no uris', scopes: 'read' })
      if (current) {
        v.check('GTS-APP-REDIRECTS', 'a newline list: trimmed, de-duplicated, listed', { status: listed.status, body: listed.body }, { status: 200, body: application('listed', [WEB, `${WEB}/other`], 'read') })
        v.check('GTS-APP-REDIRECTS', 'no redirect_uris: the out-of-band URI', { status: none.status, body: none.body }, { status: 200, body: application('no uris', [OOB], 'read') })
        v.check('GTS-APP-REDIRECTS', 'only spaces and newlines', refusal(await post({ client_name: 'blank', redirect_uris: ' \n ' })), refused(400, { error: 'Bad Request: no redirect URIs left after trimming space' }))
      } else {
        v.check('GTS-APP-REDIRECTS', 'a newline list: kept as one raw string', { status: listed.status, body: listed.body }, { status: 200, body: application('listed', [` ${WEB} \n${WEB}\n${WEB}/other`], 'read') })
        v.check('GTS-APP-REDIRECTS', 'no redirect_uris: refused (required)', refusal(none), refused(400, { error: `Bad Request: ${required('RedirectURIs')}` }))
      }
      const http = await post({ client_name: 'plain http', redirect_uris: 'http://app.example.test/callback' })
      v.check('GTS-OAUTH2-AUTHZ-REDIRECT-HTTP-SCHEME', 'an http redirect URI that is not loopback: registered', { status: http.status, uri: (http.body as { redirect_uri?: string }).redirect_uri }, { status: 200, uri: 'http://app.example.test/callback' })

      // No scopes: read (v0.19 says so in the answer); a flow that asks for none gets a token of scope read.
      const bare = await post({ client_name: 'no scopes', redirect_uris: OOB })
      const app = bare.body as { client_id: string; client_secret: string }
      if (current) v.check('GTS-APP-SCOPE-DEFAULT', 'registered without scopes', (bare.body as { scopes?: unknown }).scopes, ['read'])
      const token = await gts.token({ grant_type: 'authorization_code', code: await gts.code({ client_id: app.client_id, redirectUri: OOB }), client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB })
      v.check('GTS-APP-SCOPE-DEFAULT', 'a flow without a scope: the token', token.scope, 'read')

      if (!current) return
      // v0.19: a valid token must permit write:applications (write does); an unknown one is ignored.
      const own = await gts.app()
      const [read, write] = [await gts.appToken(own, 'read'), await gts.appToken(own, 'write')]
      v.check('GTS-APP-TOKEN-SCOPE', 'a token of scope read', refusal(await post({ client_name: 'with read', redirect_uris: OOB }, bearer(read))), refused(403, FORBIDDEN_SCOPE))
      v.check('GTS-APP-TOKEN-SCOPE', 'a token of scope write', (await post({ client_name: 'with write', redirect_uris: OOB }, bearer(write))).status, 200)
      v.check('GTS-APP-TOKEN-SCOPE', 'a token never issued', (await post({ client_name: 'with junk', redirect_uris: OOB }, bearer('NEVER-ISSUED-0000000000000000000000000000000000'))).status, 200)
    })
  },
)
