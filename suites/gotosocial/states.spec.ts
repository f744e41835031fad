import { req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { bearer, Gts, NOT_FOUND, refused, refusal, seen, SIGN_IN, USER_NOT_SUPPLIED, VERIFY } from './gotosocial.ts'

/** The accounts that may not use the API (targets.yaml roles), where a signed-in one is sent, and what its token gets. */
const STATES = [
  { role: 'disabled', page: '/auth/account_disabled', error: USER_NOT_SUPPLIED },
  { role: 'unconfirmed', page: '/auth/check_your_email', error: USER_NOT_SUPPLIED },
  { role: 'unapproved', page: '/auth/wait_for_approval', error: USER_NOT_SUPPLIED },
  { role: 'suspended', page: '/auth/account_disabled', error: { error: 'Unauthorized: account not supplied or not authorized' } },
] as const

test(
  'accounts that may not use the API: signed in, each is sent to its page (404) instead of the authorize page; a token it still holds is refused',
  req('GTS-USER-STATE', 'GTS-AUTH-USER-STATE'),
  async ({ request, target, session }, testInfo) => {
    const present = STATES.map((s) => ({ ...s, creds: target.optionalCreds(s.role).values }))
    test.skip(!present.some((s) => s.creds.email || s.creds.token), 'the target names no disabled, unconfirmed, unapproved or suspended account (GOTOSOCIAL_DISABLED_EMAIL, …_TOKEN)')
    const v = new Verdicts()
    await v.run(testInfo, 'account states', async () => {
      const gts = new Gts({ request, target, session })
      const app = await gts.app()
      for (const { role, page, error, creds } of present) {
        if (creds.email && creds.password) {
          const browser = gts.browser()
          await browser.get(gts.url(gts.authorizePath(app, { scope: 'read' })))
          const signedIn = await browser.post(gts.url(SIGN_IN), { username: creds.email, password: creds.password })
          const next = await seen(await request.get('/oauth/authorize', { headers: { cookie: browser.cookies(gts.base) }, maxRedirects: 0 }))
          v.check('GTS-USER-STATE', `${role}: signed in, then`, { signIn: signedIn.status, status: next.status, location: next.headers.location }, { signIn: 302, status: 303, location: page })
        }
        if (creds.token) v.check('GTS-AUTH-USER-STATE', `${role}: a token from before`, refusal(await seen(await request.get(VERIFY, { headers: bearer(creds.token) }))), refused(401, error))
      }
      const pages = [...new Set(present.filter((s) => s.creds.email).map((s) => s.page))]
      for (const page of pages) v.check('GTS-USER-STATE', `${page}: not routed`, refusal(await seen(await request.get(page))), refused(404, NOT_FOUND))
    })
  },
)
