import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { closeMocks, serveMocks, type RunningMock } from '../adapters/node-server.ts'
import type { FrameioMutant } from './mutants.ts'
import { basic, Browser, CONFIDENTIAL, consentedRedirect, instance, remote, type Instance } from './test-client.ts'

const CONCURRENT = 100
/** In-process trials here; over HTTP, many more trials run in the suite (suites/shared/oauth2/concurrency.ts). */
const TRIALS = 30

const form = (code: string) => new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL.redirect_uri })
const headers = { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(CONFIDENTIAL.client_id, CONFIDENTIAL.client_secret!) }

/** One code, redeemed by `CONCURRENT` requests at once: how many got tokens. */
async function race(mock: Pick<Instance, 'call'>, send: (code: string) => Promise<Response>): Promise<number> {
  const code = (await consentedRedirect(new Browser(mock))).searchParams.get('code')!
  const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => send(code)))
  const statuses = answers.map((r) => r.status)
  assert.ok(statuses.every((s) => s === 200 || s === 400), `only 200 and 400: ${[...new Set(statuses)]}`)
  return statuses.filter((s) => s === 200).length
}

async function trials(mutants: FrameioMutant[] = [], count = TRIALS): Promise<number[]> {
  const mock = instance(mutants)
  const winners: number[] = []
  for (let i = 0; i < count; i++) winners.push(await race(mock, (code) => mock.fetch(new Request('http://frameio.test/oauth2/token', { method: 'POST', headers, body: form(code) }))))
  return winners
}

describe('one code, 100 concurrent redemptions (RFC 9700 §4.2.4: invalidated after its first use)', () => {
  it(`gives exactly one token, in each of ${TRIALS} trials, through the instance's fetch`, async () => {
    const winners = await trials()
    assert.deepEqual(winners, Array(TRIALS).fill(1))
  })

  it('fails with the code-await-race defect (the test can see a race)', async () => {
    const winners = await trials(['code-await-race'], 3)
    assert.ok(winners.every((n) => n > 1), `winners per trial: ${winners.join(', ')}`)
  })

  describe('over HTTP (node:http server, loopback sockets)', () => {
    let running: RunningMock[]
    before(async () => {
      running = await serveMocks({ apis: ['frameio'], portBase: 0 })
    })
    after(() => closeMocks(running))

    it('gives exactly one token in each of 3 trials', async () => {
      const url = running[0]!.url
      for (let i = 0; i < 3; i++) assert.equal(await race(remote(url), (code) => fetch(`${url}/oauth2/token`, { method: 'POST', headers, body: form(code) })), 1)
    })
  })
})
