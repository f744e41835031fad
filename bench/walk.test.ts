import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { instance as frameioInstance, ORIGIN as FRAMEIO_ORIGIN } from '../mocks/frameio/test-client.ts'
import { obtainGtsToken } from '../mocks/gotosocial/obtain-token.ts'
import { instance as gtsInstance, ORIGIN as GTS_ORIGIN } from '../mocks/gotosocial/test-client.ts'
import type { CannedStep } from './bare-server.ts'
import { freePortBase, waitForHttp, spawnTracked, stopChild } from './children.ts'
import type { LoadOutcome, RequestSpec } from './load-types.ts'
import { planFor } from './plans.ts'
import { renderChart } from './chart.ts'
import { renderMarkdown } from './render-markdown.ts'
import type { BenchReport } from './report.ts'
import type { ScenarioResult } from './scenarios.ts'
import { loadTargets } from './targets.ts'
import { emptyTally, finishIteration, routeKey, startIteration, takeAnswer, tallyIteration, walkOnce, type BrowserWalk, type WalkedOnce } from './walk.ts'

const toRequest = (origin: string, spec: RequestSpec) => new Request(new URL(spec.path, origin), { method: spec.method, headers: spec.headers ?? {}, ...(spec.body === undefined ? {} : { body: spec.body }) })

async function walkOnMock(api: 'frameio' | 'gotosocial', fixtures?: unknown): Promise<WalkedOnce> {
  const { plan, fixtures: seeded } = planFor(api)
  const [mock, origin] = api === 'frameio' ? [frameioInstance(), FRAMEIO_ORIGIN] : [gtsInstance(), GTS_ORIGIN]
  return walkOnce(plan.walk as BrowserWalk<unknown>, fixtures ?? seeded, (spec) => mock.fetch(toRequest(origin, spec)))
}

/** The walk's answers as the bare server's table (what requests.ts `captureWalk` builds). */
function routesOf(walked: WalkedOnce): Record<string, CannedStep> {
  const routes: Record<string, CannedStep> = {}
  for (const { sent, answer } of walked.steps) {
    const key = routeKey(sent.method, sent.path)
    assert.equal(routes[key], undefined, `two steps share ${key}`)
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)))
    routes[key] = { status: answer.status, headers, body: answer.body, bearer: /^Bearer /.test(sent.headers?.authorization ?? '') }
  }
  return routes
}

describe('sign-in walks (bench/walks.ts)', () => {
  for (const api of ['gotosocial', 'frameio'] as const) {
    it(`${api}: the walk goes through on the mock, every value read off its answer, and ends with the user's own data`, async () => {
      const walked = await walkOnMock(api)
      assert.deepEqual(walked.end, { verified: true })
      assert.deepEqual(
        walked.steps.map((s) => s.answer.status),
        walked.steps.map((s) => s.step.expect),
      )
      const cookies = walked.steps.flatMap((s) => s.answer.headers['set-cookie'] ?? [])
      assert.ok(cookies.length > 0, 'the walk signs in with a session cookie')
    })

    it(`${api}: a walk that goes wrong is not verified (the wrong password), and is counted as failed`, async () => {
      const { fixtures } = planFor(api)
      const wrong = structuredClone(fixtures) as { users?: { password: string }[]; accounts?: { password: string }[] }
      for (const person of [...(wrong.users ?? []), ...(wrong.accounts ?? [])]) person.password = 'not-the-password'
      const walked = await walkOnMock(api, wrong)
      assert.equal(walked.end.verified, false)
      assert.match((walked.end as { reason: string }).reason, /(login|sign-in).* answered \d+, not 30[23]/)
    })

    it(`${api}: the bare baseline replaying the mock's answers (bench/bare-server.ts) lets the same walk go through`, async () => {
      const walked = await walkOnMock(api)
      const port = await freePortBase(1, 6100, 6400)
      const child = spawnTracked(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare-server.ts'), String(port), JSON.stringify({ walk: routesOf(walked) })])
      try {
        const url = `http://127.0.0.1:${port}`
        await waitForHttp(`${url}/health`, child, performance.now(), 30_000, 20)
        const { plan, fixtures } = planFor(api)
        const replayed = await walkOnce(plan.walk as BrowserWalk<unknown>, fixtures, (spec) => fetch(toRequest(url, spec), { redirect: 'manual' }))
        assert.deepEqual(replayed.end, { verified: true })
        const noBearer = await fetch(`${url}${walked.steps.at(-1)!.sent.path}`)
        assert.equal(noBearer.status, 401, 'the last GET still needs a Bearer token')
      } finally {
        await stopChild(child)
      }
    })
  }

  it("gotosocial: the walk makes every request of the mock definition's obtainToken recipe, in its order", async () => {
    const mock = gtsInstance()
    const recipe: string[] = []
    const { fixtures } = planFor('gotosocial')
    await obtainGtsToken(
      (request) => {
        recipe.push(routeKey(request.method, new URL(request.url).pathname + new URL(request.url).search))
        return mock.fetch(request)
      },
      GTS_ORIGIN,
      fixtures as Parameters<typeof obtainGtsToken>[2],
    )
    const walk = (await walkOnMock('gotosocial')).steps.map((s) => routeKey(s.sent.method, s.sent.path))
    let at = 0
    for (const request of recipe) {
      at = walk.indexOf(request, at)
      assert.ok(at >= 0, `${request} of the recipe is not in the walk (in order): ${walk.join(', ')}`)
      at++
    }
  })

  it('frameio: PKCE — each iteration makes its own verifier, S256 challenge and state', () => {
    const { plan } = planFor('frameio')
    const [a, b] = [startIteration(plan.walk as BrowserWalk<unknown>), startIteration(plan.walk as BrowserWalk<unknown>)]
    assert.notEqual(a.values.verifier, b.values.verifier)
    assert.match(a.values.challenge!, /^[A-Za-z0-9_-]{43}$/)
    assert.notEqual(a.values.state, b.values.state)
  })
})

describe('walk driver (bench/walk.ts)', () => {
  const step = { name: 'GET /x', expect: 302, request: () => ({ method: 'GET', path: '/x' }), reads: { next: (a: { header(n: string): string[] }) => a.header('location')[0] } }
  const walk: BrowserWalk<null> = { name: 'test', summary: '', steps: () => [step], verify: (last) => last.status === 302 }

  it('keeps cookies (Max-Age=0 deletes one) and reads values; a value not found falls back to the captured one and fails the iteration', () => {
    const iteration = startIteration(walk as BrowserWalk<unknown>)
    const answer = (status: number, cookies: string[], location?: string) => ({ status, body: '', header: (n: string) => (n === 'set-cookie' ? cookies : n === 'location' && location ? [location] : []) })
    takeAnswer(step, iteration, answer(302, ['a=1; Path=/', 'b=2; HttpOnly'], '/next'))
    assert.deepEqual(iteration.cookies, { a: '1', b: '2' })
    assert.equal(iteration.values.next, '/next')
    assert.equal(iteration.failure, undefined)
    takeAnswer(step, iteration, answer(200, ['a=; Max-Age=0']), { next: '/captured' })
    assert.deepEqual(iteration.cookies, { b: '2' })
    assert.equal(iteration.values.next, '/captured')
    assert.equal(iteration.fallbacks, 1)
    assert.equal(iteration.unexpected, 1)
    const tally = emptyTally()
    tallyIteration(tally, iteration, finishIteration(walk, iteration, answer(302, []), null))
    assert.deepEqual({ verified: tally.verified, failed: tally.failed }, { verified: 0, failed: 1 })
    assert.deepEqual(Object.keys(tally.reasons), ['GET /x answered 200, not 302'])
  })

  it("routeKey tells GoToSocial's authorize URL (with its query) from the authorize page", () => {
    assert.notEqual(routeKey('GET', '/oauth/authorize?client_id=1'), routeKey('GET', '/oauth/authorize'))
    assert.equal(routeKey('GET', '/oauth/oob?code=a'), routeKey('GET', '/oauth/oob?code=b'))
  })
})

describe('the walk in the report', () => {
  const outcome = (iterationsPerS: number): LoadOutcome => ({
    requests: iterationsPerS * 9,
    durationS: 1,
    rps: iterationsPerS * 9,
    iterationsPerS,
    latencyMs: { mean: 1, p50: 1, p90: 1, p99: 2, max: 3 },
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statuses: {},
    walk: { verified: iterationsPerS, failed: 0, unexpected: 0, fallbacks: 0, reasons: {} },
  })
  const walkResult = (failed: number): ScenarioResult => ({
    api: 'gotosocial',
    scenario: 'walk',
    mock: outcome(100),
    bare: outcome(400),
    prism: null,
    vsBare: 0.25,
    vsPrism: null,
    bareVsPrism: null,
    rounds: [{ mock: 100, bare: 400 }],
    walk: {
      name: 'OOB flow',
      summary: 'steps',
      steps: [{ name: 'GET verify_credentials', request: 'GET /api/v1/accounts/verify_credentials', status: 200 }],
      totals: { mock: { verified: 100, failed, unexpected: failed, fallbacks: 0, reasons: failed ? { 'POST Allow answered 500, not 302': failed } : {} }, bare: { verified: 400, failed: 0, unexpected: 0, fallbacks: 0, reasons: {} } },
    },
  })
  const report = (s: ScenarioResult): BenchReport => ({
    generatedAt: '2026-01-01T00:00:00.000Z',
    environment: { node: 'v20', platform: 'linux-x64', cpus: 2, cpuModel: 'cpu', nodeExtraCaCerts: 'unset' },
    config: { quick: true, apis: ['gotosocial'], durationS: 1, warmupS: 1, rounds: 1, connections: 32, coldStarts: 1, scaleTokens: 1, preloadChunk: 1, suite: 'off' },
    method: {},
    scenarios: [s],
    prismStartupMs: {},
    cold: [],
    scale: [],
    targets: loadTargets([s]),
  })

  it('shows Prism as not applicable, never as 0, and the ratio to bare', () => {
    const r = report(walkResult(0))
    const markdown = renderMarkdown(r)
    assert.match(markdown, /sign-in walk: OOB flow \(1 requests\) \| \*\*mock\*\* \| 100 \|.*\*\*0\.25×\*\* \| n\/a \|/)
    assert.match(markdown, /\| Prism 5\.14\.2 \| n\/a \| n\/a \|/)
    assert.match(markdown, /mock: 100 verified, 0 failed/)
    const chart = renderChart(r)
    assert.match(chart, /n\/a: no sign-in pages, sessions or codes in Prism/)
    assert.match(chart, /0\.25× bare/)
    assert.doesNotMatch(chart, /× Prism/)
  })

  it('a failed iteration makes the walk target NOT MET and names what failed', () => {
    const [check] = loadTargets([walkResult(3)])
    assert.equal(check!.met, false)
    assert.match(check!.actual, /mock 100 verified, 3 failed/)
    assert.match(renderMarkdown(report(walkResult(3))), /3 failed \(most: POST Allow answered 500, not 302 ×3\)/)
  })
})
