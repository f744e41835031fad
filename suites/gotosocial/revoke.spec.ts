import { req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { bearer, Gts, NOT_FOUND, oauthError, refused, refusal, seen, TOKEN_NOT_SUPPLIED, VERIFY } from './gotosocial.ts'
import { isCurrent } from './oauth2.ts'

test(
  'POST /oauth/revoke: form fields only, the client that holds the token, 200 {} however often; v0.18 has no such route',
  req('GTS-REVOKE', 'GTS-REVOKE-FOREIGN', 'GTS-REVOKE-MISSING', 'GTS-REVOKE-JSON'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'revocation', async () => {
      const gts = new Gts({ request, target, session })
      const [a, b] = [await gts.app(), await gts.app()]
      const token = await gts.userToken('read', { app: a })
      const revoke = async (fields: Record<string, string>) => seen(await request.post('/oauth/revoke', { form: fields }))
      const mine = { client_id: a.client_id, client_secret: a.client_secret }
      if (!isCurrent(target)) return void v.check('GTS-REVOKE', 'v0.18: the route does not exist', refusal(await revoke({ token, ...mine })), refused(404, NOT_FOUND))

      const works = async () => (await request.get(VERIFY, { headers: bearer(token) })).status()
      const forbidden = refused(403, oauthError('unauthorized_client', 'Forbidden: You are not authorized to revoke this token'))
      v.check('GTS-REVOKE-FOREIGN', "another client's credentials", refusal(await revoke({ token, client_id: b.client_id, client_secret: b.client_secret })), forbidden)
      v.check('GTS-REVOKE-FOREIGN', "the token's client with a wrong secret", refusal(await revoke({ token, client_id: a.client_id, client_secret: b.client_secret })), forbidden)
      v.check('GTS-REVOKE-FOREIGN', 'after both: the token still works', await works(), 200)
      const notSet = (field: string) => refused(400, oauthError('invalid_request', `Bad Request: ${field} not set`))
      v.check('GTS-REVOKE-MISSING', 'nothing at all: token first', refusal(await revoke({})), notSet('token'))
      v.check('GTS-REVOKE-MISSING', 'no client_id', refusal(await revoke({ token, client_secret: a.client_secret })), notSet('client_id'))
      v.check('GTS-REVOKE-MISSING', 'no client_secret', refusal(await revoke({ token, client_id: a.client_id })), notSet('client_secret'))
      const json = await seen(await request.post('/oauth/revoke', { data: JSON.stringify({ token, ...mine }), headers: { 'content-type': 'application/json' } }))
      v.check('GTS-REVOKE-JSON', 'the same fields as JSON', refusal(json), notSet('client_id'))
      v.check('GTS-REVOKE-JSON', 'after it: the token still works', await works(), 200)

      const ok = { status: 200, type: 'application/json', body: {}, challenge: null }
      v.check('GTS-REVOKE', 'the token by its client', refusal(await revoke({ token, ...mine })), ok)
      v.check('GTS-REVOKE', 'the revoked token', refusal(await seen(await request.get(VERIFY, { headers: bearer(token) }))), refused(401, TOKEN_NOT_SUPPLIED))
      v.check('GTS-REVOKE', 'revoked again', refusal(await revoke({ token, ...mine })), ok)
      v.check('GTS-REVOKE', 'a token never issued', refusal(await revoke({ token: 'NEVER-ISSUED-000000000000000000000000000000000000', ...mine })), ok)
    })
  },
)
