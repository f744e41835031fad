import type { APIResponse } from '@playwright/test'
import { expect, expectEach, finding, precondition, req, test, type Target } from '../../harness/index.ts'
import { basic, bearer, createKey, expectUnauthorized, loginToken } from './exceptionless.ts'

const UNKNOWN = '0000000000000000000000000000000000000000'
const rateLimit = (response: APIResponse) => ({ limit: response.headers()['x-ratelimit-limit'], remaining: response.headers()['x-ratelimit-remaining'] })

/** The throttle's 429: ProblemDetails without a type (ASP.NET knows none for 429), no Retry-After, no rate-limit headers. */
async function expectThrottled(response: APIResponse, id: string) {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  const headers = response.headers()
  expect(
    { status: response.status(), problemJson: /^application\/problem\+json/.test(headers['content-type'] ?? ''), title: body.title, bodyStatus: body.status, instance: body.instance, retryAfter: headers['retry-after'], ...rateLimit(response) },
    finding(id, 'past the limit: 429 ProblemDetails "Too Many Requests", no Retry-After, no X-RateLimit-*'),
  ).toEqual({ status: 429, problemJson: true, title: 'Too Many Requests', bodyStatus: 429, instance: 'GET /api/v2/organizations', retryAfter: undefined, limit: undefined, remaining: undefined })
}

const limitOf = (target: Target) => Number(target.settings.throttleLimit || 0)

test.describe('The API throttle', () => {
  test('counts each caller’s requests and says how many are left, the client configuration uncounted', req('EXL-THROTTLE-HEADERS'), async ({ request, target }) => {
    const limit = limitOf(target)
    test.skip(!limit, 'the target runs without the API throttle (Development): set EXCEPTIONLESS_THROTTLE_LIMIT to its ApiThrottleLimit')
    const login = await loginToken(request, target)
    const [first, second] = [await request.get('/api/v2/organizations', { headers: bearer(login) }), await request.get('/api/v2/organizations', { headers: bearer(login) })]
    const key = (await createKey(request, target, login, ['client'])).id
    const config = await request.get('/api/v2/projects/config', { headers: bearer(key) })
    expectEach(finding('EXL-THROTTLE-HEADERS', `X-RateLimit-Limit ${limit}, X-RateLimit-Remaining one less each time; none on the client configuration`), [
      ['the first request', { status: first.status(), limit: rateLimit(first).limit }, { status: 200, limit: String(limit) }],
      ['the next one', Number(rateLimit(first).remaining) - Number(rateLimit(second).remaining), 1],
      ['GET /api/v2/projects/config', { status: config.status(), ...rateLimit(config) }, { status: 200, limit: undefined, remaining: undefined }],
    ])
  })

  test('answers 429 past the limit', req('EXL-THROTTLE-HEADERS'), async ({ request, target, admin }) => {
    admin.require('lower the API throttle limit')
    await admin.apply('throttle-limit', { limit: 2 })
    const login = await loginToken(request, target)
    const answers = [await request.get('/api/v2/organizations', { headers: bearer(login) }), await request.get('/api/v2/organizations', { headers: bearer(login) })]
    expect(answers.map((a) => [a.status(), rateLimit(a).remaining]), precondition('EXL-THROTTLE-HEADERS', 'two requests fit a limit of two')).toEqual([[200, '1'], [200, '0']])
    await expectThrottled(await request.get('/api/v2/organizations', { headers: bearer(login) }), 'EXL-THROTTLE-HEADERS')
  })

  test('never counts a refused request', req('EXL-THROTTLE-AFTER-AUTH'), async ({ request, target, admin }) => {
    // Refusals carry no rate-limit headers: the throttle runs after authorization.
    const refused: [string, APIResponse][] = [
      ['an unknown key', await request.get('/api/v2/organizations', { headers: bearer(UNKNOWN) })],
      ['a wrong Basic password', await request.get('/api/v2/organizations', { headers: basic('nobody@example.invalid', 'not-a-password') })],
    ]
    await expectUnauthorized(target, refused, 'EXL-THROTTLE-AFTER-AUTH')
    expectEach(finding('EXL-THROTTLE-AFTER-AUTH', 'a 401 carries no X-RateLimit-*'), refused.map(([name, response]) => [name, rateLimit(response), { limit: undefined, remaining: undefined }]))
    // With a limit of two, five refused guesses spend none of it (mock: an operator lowers the limit).
    if (!target.control) return
    await admin.apply('throttle-limit', { limit: 2 })
    const guesses: [string, APIResponse][] = []
    for (let i = 1; i <= 5; i++) guesses.push([`guess ${i}`, await request.get('/api/v2/organizations', { headers: bearer(UNKNOWN) })])
    await expectUnauthorized(target, guesses, 'EXL-THROTTLE-AFTER-AUTH')
    const login = await loginToken(request, target)
    const after = [await request.get('/api/v2/organizations', { headers: bearer(login) }), await request.get('/api/v2/organizations', { headers: bearer(login) })]
    expect(after.map((a) => [a.status(), rateLimit(a).remaining]), finding('EXL-THROTTLE-AFTER-AUTH', 'the limit is whole after five refused requests')).toEqual([[200, '1'], [200, '0']])
  })
})
