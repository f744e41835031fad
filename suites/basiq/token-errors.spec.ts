import type { APIRequestContext, APIResponse } from '@playwright/test'
import { expect, expectEach, finding, req, test, type Case, type Target } from '../../harness/index.ts'
import { apiKey, expectRefusals, ITEMS, postToken, scopeForm, tokenFor, tokenRequestTimes, type RefusalCase, type TokenRequest } from './basiq.ts'

const JSON_TYPE = 'application/json'
const base64 = (text: string) => Buffer.from(text).toString('base64')
const unknownKey = () => base64(`${crypto.randomUUID()}:${crypto.randomUUID()}`)

/** A refusal case whose answer may still be on its way (cases of one family are sent at once). */
type Pending = readonly [name: RefusalCase[0], response: RefusalCase[1] | Promise<RefusalCase[1]>, status: RefusalCase[2], item: RefusalCase[3]]
type Family = (f: { request: APIRequestContext; target: Target }) => Promise<Pending[]>

/** The documented /token refusals, one test each: every case sent, then checked in full (basiq.ts expectRefusals). */
const FAMILIES: [id: string, title: string, cases: Family, mockOnly?: string][] = [
  [
    'BASIQ-TOKEN-AUTH-MISSING',
    'refuses a request without Authorization: 400 "Authorization header parameter is required"',
    async ({ request, target }) => [
      ['no Authorization, a form body', await postToken(request, target, { authorization: null }), 400, ITEMS.authorizationMissing],
      ['no Authorization, a JSON body', await postToken(request, target, { authorization: null, body: '{"scope":"SERVER_ACCESS"}', contentType: JSON_TYPE }), 400, ITEMS.authorizationMissing],
    ],
  ],
  [
    'BASIQ-TOKEN-AUTH-INVALID',
    'refuses an Authorization that is not "Basic <key>": 400 "Invalid authorization header"',
    async ({ request, target }) => {
      const key = apiKey(target)
      return (
        [
          ['the key under another scheme (Token)', `Token ${key}`],
          ['"Basic" alone', 'Basic'],
          ['"Basic" and a value that is not base64', 'Basic not*base64!'],
          ['"Basic" and base64 without a colon', `Basic ${base64('no-colon-in-this-key')}`],
          ['Digest', 'Digest username="basiq", realm="api"'],
        ] as const
      ).map(([name, authorization]) => [name, postToken(request, target, { authorization }), 400, ITEMS.authorizationInvalid] as const)
    },
  ],
  [
    'BASIQ-TOKEN-NOT-BEARER',
    'refuses an issued access token in place of the key: 400 "Invalid authorization header"',
    async ({ request, target }) => {
      const token = await tokenFor(request, target)
      return (
        [
          ['Bearer <access_token>', `Bearer ${token}`],
          ['bearer <access_token>', `bearer ${token}`],
          ['Basic <access_token>', `Basic ${token}`],
        ] as const
      ).map(([name, authorization]) => [name, postToken(request, target, { authorization }), 400, ITEMS.authorizationInvalid] as const)
    },
  ],
  [
    'BASIQ-TOKEN-VERSION-MISSING',
    'refuses a request without basiq-version with the recorded 400',
    async ({ request, target }) => [
      ['no basiq-version', await postToken(request, target, { version: null }), 400, ITEMS.versionMissing],
      ['an empty basiq-version', await postToken(request, target, { version: ' ' }), 400, ITEMS.versionMissing],
    ],
  ],
  [
    'BASIQ-TOKEN-VERSION-UNSUPPORTED',
    'refuses a version it does not serve: 400 "Version … is no longer supported"',
    async ({ request, target }) => ['0.9', '1.0', '1.1'].map((v) => [`basiq-version ${v}`, postToken(request, target, { version: v }), 400, ITEMS.versionUnsupported(v)] as const),
  ],
  [
    'BASIQ-TOKEN-KEY-UNKNOWN',
    'answers a key it never issued, or the live key with another secret, with the recorded 404 "Unable to authenticate…"',
    async ({ request, target }) => {
      const id = Buffer.from(apiKey(target), 'base64').toString('utf8').split(':')[0]
      return [
        ['an unknown key', postToken(request, target, { authorization: `Basic ${unknownKey()}` }), 404, ITEMS.keyUnknown],
        ["the live key's id with another secret", postToken(request, target, { authorization: `Basic ${base64(`${id}:${crypto.randomUUID()}`)}` }), 404, ITEMS.keyUnknown],
      ]
    },
  ],
  ['BASIQ-TOKEN-KEY-UNKNOWN', 'answers a deleted key with the recorded 404 "Unable to authenticate…"', async ({ request, target }) => [['the deleted key', await postToken(request, target, { authorization: `Basic ${apiKey(target, 'deleted')}` }), 404, ITEMS.keyUnknown]]],
  ['BASIQ-TOKEN-KEY-DISABLED', 'answers the key of a disabled account 403 "Your account has been disabled…"', async ({ request, target }) => [['the disabled key', await postToken(request, target, { authorization: `Basic ${apiKey(target, 'disabled')}` }), 403, ITEMS.accountDisabled]]],
  [
    'BASIQ-TOKEN-BODY-INVALID',
    'refuses a body that is neither a form, a JSON object nor empty: 400 invalid-content',
    async ({ request, target }) =>
      (
        [
          ['truncated JSON', '{"scope":', JSON_TYPE],
          ['a JSON array', '["SERVER_ACCESS"]', JSON_TYPE],
          ['a JSON string', '"SERVER_ACCESS"', JSON_TYPE],
          ['the form as text/plain', 'scope=SERVER_ACCESS', 'text/plain'],
        ] as const
      ).map(([name, body, contentType]) => [name, postToken(request, target, { body, contentType }), 400, ITEMS.bodyInvalid] as const),
    'BASIQ-TOKEN-BODY-INVALID is a decision of the mock (no source shows this error)',
  ],
  [
    'BASIQ-TOKEN-SCOPE-UNKNOWN',
    'refuses a scope other than SERVER_ACCESS or CLIENT_ACCESS: 400 "Scope value is not valid"',
    async ({ request, target }) => ['ADMIN_ACCESS', 'SERVER_ACCESS CLIENT_ACCESS'].map((scope) => [`scope=${scope}`, postToken(request, target, { body: `scope=${encodeURIComponent(scope)}` }), 400, ITEMS.scopeInvalid] as const),
    'BASIQ-TOKEN-SCOPE-UNKNOWN is a decision of the mock (no source says what an unknown scope gets)',
  ],
  [
    'BASIQ-TOKEN-CLIENT-USERID',
    'refuses a basiq-version 3.0 CLIENT_ACCESS request without userId: 400 parameter-not-supplied',
    async ({ request, target }) => [
      ['scope=CLIENT_ACCESS', await postToken(request, target, { body: 'scope=CLIENT_ACCESS' }), 400, ITEMS.userIdRequired],
      ['scope=CLIENT_ACCESS&userId=', await postToken(request, target, { body: 'scope=CLIENT_ACCESS&userId=' }), 400, ITEMS.userIdRequired],
      ['JSON {"scope":"CLIENT_ACCESS"}', await postToken(request, target, { body: '{"scope":"CLIENT_ACCESS"}', contentType: JSON_TYPE }), 400, ITEMS.userIdRequired],
    ],
  ],
  [
    'BASIQ-TOKEN-CLIENT-USER-UNKNOWN',
    "refuses CLIENT_ACCESS for a user that does not exist or is another application's: 404",
    async ({ request, target }) => {
      const foreign = target.settings.foreignUserId
      const cases: [string, string][] = [['a userId no application has', crypto.randomUUID()], ...(foreign ? [["another application's user", foreign] as [string, string]] : [])]
      return cases.map(([name, userId]) => [name, postToken(request, target, { body: scopeForm('CLIENT_ACCESS', userId) }), 404, ITEMS.userNotFound] as const)
    },
  ],
]

/** Whether an answer is the rate limiter's 403 "Invalid request". */
const limited = async (response: APIResponse) => response.status() === 403 && JSON.stringify(await response.json().catch(() => ({}))).includes('"detail":"Invalid request"')

test.describe('POST /token — every documented refusal', () => {
  for (const [id, title, family, mockOnly] of FAMILIES) {
    test(title, req(id), async ({ request, target }) => {
      test.skip(mockOnly !== undefined && !target.control, `${mockOnly}: checked on the mock only`)
      const pending = await family({ request, target })
      await expectRefusals(await Promise.all(pending.map(async ([name, response, status, item]) => [name, await response, status, item] as const)), id, target)
    })
  }

  test('checks in its documented order: the first failed check answers', req('BASIQ-TOKEN-ORDER'), async ({ request, target }) => {
    test.skip(!target.control, 'BASIQ-TOKEN-ORDER is a decision of the mock (no source shows which check wins when several fail): checked on the mock only')
    const key = (role: string) => `Basic ${apiKey(target, role)}`
    const cases: RefusalCase[] = [
      ['no Authorization, no basiq-version, a bad body: Authorization first', await postToken(request, target, { authorization: null, version: null, body: '{', contentType: JSON_TYPE }), 400, ITEMS.authorizationMissing],
      ['a Bearer header, no basiq-version: its shape before the version', await postToken(request, target, { authorization: 'Bearer x', version: null }), 400, ITEMS.authorizationInvalid],
      ['a deleted key, no basiq-version: the version before the key (both recorded)', await postToken(request, target, { authorization: key('deleted'), version: null }), 400, ITEMS.versionMissing],
      ['an unknown key, basiq-version 0.9: the version before the key', await postToken(request, target, { authorization: `Basic ${unknownKey()}`, version: '0.9' }), 400, ITEMS.versionUnsupported('0.9')],
      ['a disabled key, a bad body: the key before the body', await postToken(request, target, { authorization: key('disabled'), body: '{', contentType: JSON_TYPE }), 403, ITEMS.accountDisabled],
      ['a bad body: the body before its scope', await postToken(request, target, { body: '["CLIENT_ACCESS"]', contentType: JSON_TYPE }), 400, ITEMS.bodyInvalid],
      ['an unknown scope with a userId: the scope before the user', await postToken(request, target, { body: `scope=NOPE&userId=${crypto.randomUUID()}` }), 400, ITEMS.scopeInvalid],
    ]
    await expectRefusals(cases, 'BASIQ-TOKEN-ORDER', target)
  })

  test('never repeats the API key, nor its secret half, in its answer', req('BASIQ-TOKEN-NO-ECHO'), async ({ request, target }) => {
    const live = apiKey(target)
    const unknown = unknownKey()
    const deleted = target.optionalCreds('deleted').values.apiKey
    const cases: Case[] = []
    // Each a refusal where the service handles the key (whether it refuses is each case's own requirement).
    for (const [name, authorization, key, r] of [
      ['an unknown key', `Basic ${unknown}`, unknown, {}],
      ...(deleted ? [['the deleted key', `Basic ${deleted}`, deleted, {}] as const] : []),
      ['the key encoded once more', `Basic ${base64(live)}`, live, {}],
      ['the key with a character appended', `Basic ${live}!`, live, {}],
      ['the key under another scheme', `Token ${live}`, live, {}],
    ] as const) {
      const response = await postToken(request, target, { authorization, ...r })
      const seen = `${await response.text()} ${JSON.stringify(response.headers())}`
      const secret = Buffer.from(key, 'base64').toString('utf8').split(':')[1] ?? key
      cases.push([`${name} (${response.status()})`, { key: seen.includes(key), sent: seen.includes(authorization.slice(authorization.indexOf(' ') + 1)), secret: seen.includes(secret) }, { key: false, sent: false, secret: false }])
    }
    expectEach(finding('BASIQ-TOKEN-NO-ECHO', 'no answer repeats the key, what was sent as it, or its secret half'), cases)
  })
})

/**
 * The rate limit counts every /token request from the client (its IP) in a sliding window — this run's other
 * requests too (the preflight's, other tests'). So the check starts from an empty window (it waits one out: on the
 * mock its clock, on a real target the time, where the target's window is short enough to wait), sends its
 * requests one after the other, and allows the limit to be reached k requests early, k being the run's other token
 * requests that fell in the window (basiq.ts noteTokenRequest: every worker logs them). Its requests go without the
 * runner's 429 retries (a 429 retried after Retry-After would look like a token): the refusal must be 403, never 429.
 */
test.describe('POST /token — the rate limit', () => {
  test.describe.configure({ mode: 'serial' })
  test('limits token requests per window: beyond it 403 "Invalid request" whatever the request, refused ones counted; then recovers', req('BASIQ-TOKEN-RATE-LIMIT'), async ({ request, target, clock }) => {
    const authorization = `Basic ${apiKey(target, 'limited')}`
    const [limit, window] = [Number(target.settings.tokenRateLimit), Number(target.settings.tokenRateWindow)]
    clock.require(2 * (window + 1))
    // No retry after a 429 for this test's requests (harness/polite/client.ts: beyond this wait the 429 is the answer).
    const retryWait = process.env.AUTHCONFORM_MAX_RETRY_WAIT_SECONDS
    process.env.AUTHCONFORM_MAX_RETRY_WAIT_SECONDS = '0'
    try {
      await clock.advance(window + 1)
      const own: number[] = []
      const send = async (r: TokenRequest) => {
        own.push(Date.now())
        const response = await postToken(request, target, r)
        return { response, at: own.at(-1)!, limited: await limited(response), tooMany: response.status() === 429 }
      }
      const answers: { name: string; at: number; limited: boolean; tooMany: boolean }[] = []
      for (let i = 1; i <= limit; i++) {
        // Every request from the client counts: those refused for another reason, and those without a key at all.
        const [name, r] = i % 3 === 0 ? ['no basiq-version', { authorization, version: null }] : i % 3 === 2 ? ['no Authorization', { authorization: null }] : ['valid', { authorization }]
        const { at, limited: refused, tooMany } = await send(r)
        answers.push({ name: `request ${i} (${name})`, at, limited: refused, tooMany })
      }
      const over = [
        [`request ${limit + 1}, valid (with the key: the limit is its application's)`, await send({ authorization })],
        ['then one without basiq-version', await send({ authorization, version: null })],
        ['then one with an unknown scope', await send({ authorization, body: 'scope=NOPE' })],
      ] as const
      // The run's other token requests in the window of the first refusal (or of request limit + 1).
      const othersBefore = (at: number) => {
        const inWindow = (t: number) => t > at - window * 1000 && t <= at
        return Math.max(0, tokenRequestTimes(target).filter(inWindow).length - own.filter(inWindow).length)
      }
      const k = othersBefore(answers.find((a) => a.limited)?.at ?? over[0][1].at)
      // Whether each is answered as it would be is its own requirement's; here: the limiter lets it through, and never answers 429.
      expectEach(
        finding('BASIQ-TOKEN-RATE-LIMIT', `none of the first ${limit - k} requests from the client within ${window} s is refused as over the limit (limit ${limit}, ${k} other token request(s) of this run in the window), none answered 429`),
        answers.map((a, i): Case => [a.name, { limited: i < limit - k ? a.limited : false, tooMany: a.tooMany }, { limited: false, tooMany: false }]),
      )
      await expectRefusals(
        over.map(([name, a]) => [name, a.response, 403, ITEMS.rateLimited] as const),
        'BASIQ-TOKEN-RATE-LIMIT',
        target,
      )
      await clock.advance(window + 1)
      const again = await send({ authorization })
      // Unless the run's other token requests alone filled the new window, as they may on a busy real target.
      const crowded = othersBefore(again.at) >= limit
      if (!crowded) expect(again.response.status(), finding('BASIQ-TOKEN-RATE-LIMIT', `a token again once the ${window} s window has passed`)).toBe(200)
    } finally {
      if (retryWait === undefined) delete process.env.AUTHCONFORM_MAX_RETRY_WAIT_SECONDS
      else process.env.AUTHCONFORM_MAX_RETRY_WAIT_SECONDS = retryWait
    }
  })
})
