import type { APIRequestContext } from '@playwright/test'
import { expect, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { ADVICE, bearer, Gts, NO_ROWS, oauthError, OOB, refused, refusal, seen, TOKEN_NOT_SUPPLIED, USER_NOT_SUPPLIED, VERIFY } from './gotosocial.ts'
import { isCurrent } from './oauth2.ts'

const DAY = 24 * 3600
const failed = (error: string) => refused(400, oauthError(error, `Bad Request: could not get access token: ${error}: ${ADVICE}`))

/** A client_credentials token request of `app` (JSON, as Mastodon clients send it). */
const appTokenRequest = (request: APIRequestContext, app: { client_id: string; client_secret: string }, scope?: string) =>
  request.post('/oauth/token', { data: JSON.stringify({ grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB, ...(scope ? { scope } : {}) }), headers: { 'content-type': 'application/json' } })

test('an app token (client_credentials) in full: its scope within the app’s, 2 hours', req('GTS-CC-TOKEN'), async ({ request, target, session }, testInfo) => {
  const v = new Verdicts()
  await v.run(testInfo, 'app tokens', async () => {
    const gts = new Gts({ request, target, session })
    const current = isCurrent(target)
    const app = await gts.app()
    const cc = async (scope?: string) => seen(await appTokenRequest(request, app, scope))
    const appToken = (scope: string | undefined) => ({ status: 200, type: 'application/json', body: { access_token: expect.stringMatching(/^[A-Z0-9_-]{48}$/), created_at: expect.any(Number), expires_in: 7200, ...(scope ? { scope } : {}), token_type: 'Bearer' } })
    const shape = (s: Awaited<ReturnType<typeof cc>>) => ({ status: s.status, type: s.type, body: s.body })
    v.check('GTS-CC-TOKEN', 'scope read', shape(await cc('read')), appToken('read'))
    v.check('GTS-CC-TOKEN', `no scope: ${current ? 'read' : 'none'}`, shape(await cc()), appToken(current ? 'read' : undefined))
    const admin = await cc('admin')
    if (current) v.check('GTS-CC-TOKEN', 'admin, which the app lacks', refusal(admin), refused(403, oauthError('invalid_scope', `Forbidden: requested scope admin was not covered by client scope: ${ADVICE}`)))
    else v.check('GTS-CC-TOKEN', 'admin: not checked', shape(admin), appToken('admin'))
  })
})

test(
  'on the clock: a code works for 5 of its 10 minutes and is gone after 10; user tokens never expire; an app token is refused after 1 of its 2 hours',
  req('GTS-CODE-EXPIRY', 'GTS-TOKEN-NO-EXPIRY', 'GTS-CC-EXPIRY'),
  async ({ request, target, session, clock }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'lifetimes', async () => {
      clock.require(30 * DAY)
      const gts = new Gts({ request, target, session })
      const app = await gts.app()
      const cc = async (scope?: string) => seen(await appTokenRequest(request, app, scope))

      // Each thing's age is set exactly: the mock's time is wall time plus what the test adds.
      let advanced = 0
      const ageTo = async (issued: number, age: number) => {
        const by = age - advanced - (Date.now() - issued) / 1000
        if (by > 0) await clock.advance(by)
        advanced += Math.max(0, by)
      }
      const codes = [await gts.code(app, { scope: 'read' }), await gts.code(app, { scope: 'read' }), await gts.code(app, { scope: 'read' })]
      const tCodes = Date.now()
      const appAnswer = await cc('read')
      const tApp = Date.now()
      const token = (appAnswer.body as { access_token?: string }).access_token ?? ''
      const redeem = async (code: string) => seen(await request.post('/oauth/token', { form: { grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB } }))
      await ageTo(tCodes, 299)
      const user = await redeem(codes[0]!)
      v.check('GTS-CODE-EXPIRY', 'a code at 299 s', user.status, 200)
      v.check('GTS-TOKEN-NO-EXPIRY', 'a user token: no expires_in, no refresh_token', Object.keys(user.body as object).sort(), ['access_token', 'created_at', 'scope', 'token_type'])
      await ageTo(tCodes, 301)
      v.check('GTS-CODE-EXPIRY', 'a code at 301 s: refused', refusal(await redeem(codes[1]!)), failed('invalid_grant'))
      await ageTo(tCodes, 601)
      v.check('GTS-CODE-EXPIRY', 'a code at 601 s: gone', refusal(await redeem(codes[2]!)), failed(NO_ROWS))
      // An app token is recognised (a user endpoint says there is no user) until it is not (as no token at all).
      const verify = async (t: string) => refusal(await seen(await request.get(VERIFY, { headers: bearer(t) })))
      await ageTo(tApp, 3599)
      v.check('GTS-CC-EXPIRY', 'an app token at 3599 s: still a token', await verify(token), refused(401, USER_NOT_SUPPLIED))
      await ageTo(tApp, 3601)
      v.check('GTS-CC-EXPIRY', 'an app token at 3601 s: no token', await verify(token), refused(401, TOKEN_NOT_SUPPLIED))
      await ageTo(tCodes, 30 * DAY)
      const me = await seen(await request.get(VERIFY, { headers: bearer((user.body as { access_token?: string }).access_token ?? '') }))
      v.check('GTS-TOKEN-NO-EXPIRY', 'the user token 30 days later', me.status, 200)
    })
  },
)
