import type { OAuth2Api } from './api.ts'
import { basicOf } from './flow.ts'
import { ruleTest } from './suite.ts'

/** Concurrent redemptions of one code per trial. */
export const CONCURRENT = 100
/**
 * Trials per run. The mutant sweep runs this body only against the mutants that name CODE-ATOMIC (the redemption
 * that awaits between reading and marking the code), so it can afford every trial there too.
 */
export const TRIALS = 10

/**
 * The mock's session headers for requests sent outside the `request` fixture (a burst of a hundred: through
 * Playwright each would be a step, see docs/decisions/playwright-per-call-cost.md). The names are the mock's
 * control protocol (README "The mock"); against a real target there is no session.
 */
const SESSION_HEADER = 'x-authconform-session'
const PROFILE_HEADER = 'x-authconform-profile'

export function declareConcurrencyTests(api: OAuth2Api): void {
  ruleTest(api, `one code, ${CONCURRENT} concurrent redemptions: exactly one token, in each of ${TRIALS} trials`, ['CODE-ATOMIC'], async (ctx) => {
    const { flow, v, session, target, api } = ctx
    const c = flow.client('confidential')
    const how = flow.howOf(c)
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { [SESSION_HEADER]: session.id, [PROFILE_HEADER]: target.profile } : {}) }
    if (how === 'basic') headers.authorization = basicOf(c.id, c.secret ?? '')
    const tally: string[] = []
    let winner: string | undefined
    for (let trial = 1; trial <= TRIALS; trial++) {
      const { code } = await flow.code(c)
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, ...(how === 'body' ? { client_id: c.id, client_secret: c.secret ?? '' } : {}) })
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT }, async () => {
          const r = await fetch(flow.url(api.endpoints.token), { method: 'POST', headers, body: form.toString() })
          const body = (await r.json().catch(() => ({}))) as { access_token?: string; error?: string }
          return { status: r.status, body }
        }),
      )
      const won = answers.filter((a) => a.status === 200)
      const lost = answers.filter((a) => a.status !== 200)
      winner = won[0]?.body.access_token ?? winner
      tally.push(`${won.length}`)
      const refused = [...new Set(lost.map((a) => `${a.status} ${a.body.error}`))]
      const reused = api.tokenErrors.errorFor?.('CODE-ATOMIC', 'invalid_grant', 'a redeemed code') ?? 'invalid_grant'
      v.rule('CODE-ATOMIC', `trial ${trial}: ${CONCURRENT} redemptions at once`, { tokens: won.length, refusals: refused }, { tokens: 1, refusals: [`${api.tokenErrors.status(reused)} ${reused}`] })
    }
    v.rule('CODE-ATOMIC', `tokens per trial over ${TRIALS} trials`, tally.join(' '), Array(TRIALS).fill('1').join(' '))
    // The 99 losers were second redemptions: where reuse revokes the grant (RFC 9700 §4.2.4), the winner's token is gone too.
    if (winner) v.rule('CODE-ATOMIC', `the one winner's token after the losing redemptions: ${api.codeReuseRevokes ? 'revoked' : 'works'}`, (await flow.bearer(api.resource.identity, winner)).status(), api.codeReuseRevokes ? api.resource.refusals.invalidToken.status : 200)
  })
}
