import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { closeMocks, serveMocks, type RunningMock } from '../adapters/node-server.ts'
import type { GtsMutant } from './mutants.ts'
import { codeFields, instance, oobCode, OOB_APP, remote, UA, type Instance } from './test-client.ts'

const CONCURRENT = 100
const TRIALS = 100

/** One code, redeemed by `CONCURRENT` requests at once (JSON and form bodies alternating): how many got tokens. */
async function race(mock: Pick<Instance, 'call'>, send: (body: RequestInit) => Promise<Response>): Promise<number> {
  const fields = codeFields(OOB_APP, await oobCode(mock, OOB_APP))
  const bodies = Array.from({ length: CONCURRENT }, (_, i): RequestInit =>
    i % 2
      ? { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': UA }, body: JSON.stringify(fields) }
      : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': UA }, body: new URLSearchParams(fields) },
  )
  const answers = await Promise.all(bodies.map(send))
  const statuses = answers.map((r) => r.status)
  assert.ok(statuses.every((s) => s === 200 || s === 400), `only 200 and 400: ${[...new Set(statuses)]}`)
  return statuses.filter((s) => s === 200).length
}

async function trials(mutants: GtsMutant[] = [], count = TRIALS): Promise<number[]> {
  const mock = instance('gotosocial@0.19', mutants)
  const winners: number[] = []
  for (let i = 0; i < count; i++) winners.push(await race(mock, (init) => mock.fetch(new Request('http://gts.test/oauth/token', init))))
  return winners
}

describe('one code, 100 concurrent redemptions (single use, atomic)', () => {
  it(`gives exactly one token in each of ${TRIALS} trials, through the instance's fetch`, async () => {
    assert.deepEqual(await trials(), Array(TRIALS).fill(1))
  })

  it('fails with the exchange-race defect (the test can see a race)', async () => {
    const winners = await trials(['exchange-race'], 3)
    assert.ok(winners.every((n) => n > 1), `winners per trial: ${winners.join(', ')}`)
  })

  describe('over HTTP (node:http server, loopback sockets)', () => {
    let running: RunningMock[]
    before(async () => {
      running = await serveMocks({ apis: ['gotosocial'], portBase: 0, profiles: { gotosocial: 'gotosocial@0.19' } })
    })
    after(() => closeMocks(running))

    it('gives exactly one token in each of 10 trials', async () => {
      const url = running[0]!.url
      for (let i = 0; i < 10; i++) assert.equal(await race(remote(url), (init) => fetch(`${url}/oauth/token`, init)), 1)
    })
  })
})
