import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { definitions, implementedApis } from '../mocks/registry.ts'
import { loadCatalogue } from './catalogue.ts'
import { findEchoes } from './evidence/echo.ts'
import { toExchange, withHeaders } from './evidence/recorder.ts'
import { Redactor } from './evidence/redact.ts'
import { SpecValidator, specDocuments } from './evidence/spec-validator.ts'
import { parseChallenge } from './expect/challenge.ts'
import { buildReport, type TestRecord } from './report/model.ts'
import { blameOf, judgeFailure } from './requirements.ts'
import { apiOfSuiteFile } from './suite-file.ts'
import { resolveTargetFrom } from './targets.ts'

describe('every API follows the contract for contributors', () => {
  for (const api of implementedApis()) {
    it(`${api}: catalogue, mutants and mock target agree`, () => {
      const catalogue = loadCatalogue(api)
      const ids = new Set(catalogue.requirements.map((r) => r.id))
      const mutants = Object.entries(definitions[api]!.mutants)
      assert.ok(mutants.length >= 8, `${api} has ${mutants.length} mutants; issue 4 asks for at least 8`)
      for (const [name, mutant] of mutants) {
        assert.ok(mutant.expect.length > 0, `${api} mutant ${name} names no requirement`)
        for (const id of mutant.expect) assert.ok(ids.has(id), `${api} mutant ${name} expects ${id}, which the catalogue lacks`)
      }
      const mock = resolveTargetFrom('mock', {}).find((t) => t.api === api)!
      assert.equal(mock.skip, undefined, `targets.yaml mock entry for ${api}`)
      assert.ok(Object.keys(mock.credentials).length > 0, `targets.yaml mock credentials for ${api}`)
    })
  }
})

describe('suite files', () => {
  it('belong to the API of their folder under suites/', () => {
    assert.equal(apiOfSuiteFile('/work/main/suites/dadi/token.spec.ts'), 'dadi')
    assert.equal(apiOfSuiteFile('suites\\exceptionless\\login.spec.ts'), 'exceptionless')
    assert.equal(apiOfSuiteFile('/work/main/suites/shared/helpers.ts'), undefined)
    assert.equal(apiOfSuiteFile('/work/main/suites/dadi/nested/x.spec.ts'), undefined)
  })
})

describe('targets', () => {
  it('skips an API whose base URL variable is unset, naming the variable', () => {
    const dadi = resolveTargetFrom('env', {}).find((t) => t.api === 'dadi')!
    assert.match(dadi.skip ?? '', /DADI_BASE_URL/)
  })

  it('reads secrets from the environment for real targets', () => {
    const dadi = resolveTargetFrom('env', { DADI_BASE_URL: 'https://dadi.example/', DADI_CLIENT_ID: 'id', DADI_SECRET: 's3cret' }).find((t) => t.api === 'dadi')!
    assert.equal(dadi.baseURL, 'https://dadi.example')
    assert.deepEqual(dadi.credentials.primary, { clientId: 'id', secret: 's3cret' })
    assert.equal(dadi.control, false)
  })
})

describe('redaction', () => {
  it('masks credentials, learned tokens and secret-named fields everywhere', () => {
    const r = new Redactor()
    r.addSecret('superSecret')
    r.learn({ accessToken: '4172bbf1-0890-41c7-b0db-477095a288b6' })
    assert.equal(r.headers({ Authorization: 'Bearer 4172bbf1-0890-41c7-b0db-477095a288b6' }).authorization, 'Bearer «redacted 36 chars»')
    assert.equal(r.url('http://x.test/a?access_token=abcdefgh&page=2'), 'http://x.test/a?access_token=«redacted 8 chars»&page=2')
    assert.deepEqual(r.body('{"clientId":"testClient","secret":"superSecret"}', 'application/json'), { clientId: 'testClient', secret: '«redacted 11 chars»' })
    assert.equal(r.text('token 4172bbf1-0890-41c7-b0db-477095a288b6 leaked'), 'token «redacted 36 chars» leaked')
    assert.equal(r.body('password=hunter22&email=a%40b.c', 'application/x-www-form-urlencoded'), 'password=«redacted 8 chars»&email=a@b.c')
  })

  it('leaves names alone: a public word equal to a credential, client ids, the declared secret fields only where declared', () => {
    const r = new Redactor([{ path: '/tokens(/|$)', field: 'id' }])
    r.addPublic('exceptionless', 'exceptionless@8.7')
    r.addCredentials({ email: 'noreply@exceptionless.io', password: 'exceptionless' })
    assert.equal(r.text('profile exceptionless@8.7'), 'profile exceptionless@8.7')
    r.learn({ id: 'TokenValue012345678901234567890123456789' }, 'http://x.test/api/v2/tokens')
    r.learn({ id: '537650f3b77efe23a47914f3' }, 'http://x.test/api/v2/organizations')
    assert.equal(r.text('GET /api/v2/tokens/TokenValue012345678901234567890123456789 of 537650f3b77efe23a47914f3'), 'GET /api/v2/tokens/«redacted 40 chars» of 537650f3b77efe23a47914f3')
    assert.ok(r.isPublic('noreply@exceptionless.io'))
  })

  it('keeps a catalogue’s public words readable where a request carries them as credentials (Basic markers)', () => {
    const r = new Redactor()
    r.addPublic('x-oauth-basic', 'X-OAUTH-BASIC')
    const sent = { method: 'GET', url: 'http://x.test/api/v2/projects/config', headers: { authorization: `Basic ${btoa('KeyValue0123456789:X-OAUTH-BASIC')}` } }
    const exchange = toExchange(sent, { status: 401, headers: {}, text: '<key>:X-OAUTH-BASIC on KeyValue0123456789 refused' }, r, [])
    assert.equal(exchange.response.body, '<key>:X-OAUTH-BASIC on «redacted 18 chars» refused')
    assert.deepEqual(exchange.echoes, [{ credential: 'Authorization (Basic user)', where: 'body' }])
  })
})

describe('echoed credentials', () => {
  it("counts a credential repeated in the answer, except the one the catalogue says that path shows by design", () => {
    const code = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'
    const r = new Redactor([], [{ path: '^/oauth/oob$', credential: 'query code' }])
    const shown = (url: string) => (label: string) => r.shownByDesign(label, url)
    const page = { status: 200, headers: { 'content-type': 'text/html' }, text: `<code>${code}</code>` }
    const at = (path: string, extra = '') => ({ method: 'GET', url: `http://x.test${path}?code=${code}${extra}`, headers: {} })
    assert.deepEqual(findEchoes(at('/oauth/oob'), page, shown(at('/oauth/oob').url)), [])
    assert.deepEqual(findEchoes(at('/oauth/authorize'), page, shown(at('/oauth/authorize').url)), [{ credential: 'query code', where: 'body' }])
    assert.deepEqual(findEchoes(at('/oauth/oob', `&access_token=${code}x`), { ...page, text: `${code}x` }, shown(at('/oauth/oob').url)).map((e) => e.credential), ['query access_token'])
  })
})

describe('WWW-Authenticate parsing', () => {
  it('reads RFC 6750 syntax and DADI’s comma-after-scheme variant', () => {
    assert.deepEqual(parseChallenge('Bearer realm="example", error="invalid_token", error_description="The access token expired"')?.params, {
      realm: 'example',
      error: 'invalid_token',
      error_description: 'The access token expired',
    })
    assert.equal(parseChallenge('Bearer, error="no_token", error_description="No access token supplied"')?.params.error, 'no_token')
    assert.deepEqual(parseChallenge('Bearer error="a", error="b"')?.repeated, ['error'])
    assert.equal(parseChallenge(undefined), undefined)
  })
})

describe('conformance model', () => {
  const catalogue = loadCatalogue('dadi')
  const runs = [{ catalogue, profile: catalogue.profiles[0]!.id }]
  const record0 = (requirements: string[]): TestRecord => record(requirements, 'passed')
  const record = (requirements: string[], status: TestRecord['status'], skipReason?: string): TestRecord => ({
    api: 'dadi',
    profile: catalogue.profiles[0]!.id,
    title: requirements.join('+'),
    location: 'suites/dadi/x.spec.ts:1',
    requirements,
    status,
    ...(skipReason ? { skipReason } : {}),
    ...(status === 'failed' ? { failed: requirements } : {}),
    errors: status === 'failed' ? ['DADI-TOKEN-SHAPE: expected 200'] : [],
    checked: { own: 0, upstream: 0 },
    searched: 0,
    exchanges: [],
  })

  it('marks failed, skipped (with reason) and not-tested requirements', () => {
    const report = buildReport('mock', runs, [record(['DADI-TOKEN-SHAPE'], 'failed'), record(['DADI-AUTH-EXPIRED'], 'skipped', 'needs the clock'), record(['DADI-CRED-SECRET'], 'passed')])
    const byId = new Map(report.apis[0]!.requirements.map((r) => [r.id, r]))
    assert.equal(byId.get('DADI-TOKEN-SHAPE')!.status, 'failed')
    assert.deepEqual(byId.get('DADI-TOKEN-SHAPE')!.tests[0]!.errors, ['DADI-TOKEN-SHAPE: expected 200'])
    assert.equal(byId.get('DADI-AUTH-EXPIRED')!.status, 'skipped')
    assert.equal(byId.get('DADI-AUTH-EXPIRED')!.reason, 'needs the clock')
    assert.equal(byId.get('DADI-CRED-SECRET')!.status, 'passed')
    assert.equal(byId.get('DADI-ACL-DENY')!.status, 'not-tested')
  })

  it('blocks, not fails, a requirement whose test stopped at a precondition, naming the one it depends on', () => {
    const known = new Set(catalogue.requirements.map((r) => r.id))
    assert.deepEqual(blameOf('Error: precondition (DADI-TOKEN-SHAPE): POST /token must succeed\n\nExpected: 200', ['DADI-ACL-DENY'], known), { kind: 'precondition', id: 'DADI-TOKEN-SHAPE' })
    assert.deepEqual(blameOf('precondition: the key works', [], known), { kind: 'precondition', id: '' })
    assert.deepEqual(blameOf('Error: DADI-ACL-DENY: expected 403', ['DADI-ACL-DENY'], known), { kind: 'own' })
    assert.deepEqual(blameOf('Error: DADI-NOT-A-REQUIREMENT: x', ['DADI-ACL-DENY'], known), { kind: 'own' })
    assert.deepEqual(judgeFailure(['Error: DADI-TOKEN-NOSTORE (refused): header missing'], ['DADI-ACL-DENY'], known), { failed: [], blocked: ['DADI-ACL-DENY'], blockedBy: ['DADI-TOKEN-NOSTORE'], failedFor: ['DADI-TOKEN-NOSTORE'] })
    // The precondition's requirement broke: it fails too, so it is never reported passed while it blocks others.
    assert.deepEqual(judgeFailure(['Error: precondition (DADI-TOKEN-TTL): the token lives expiresIn seconds'], ['DADI-AUTH-EXPIRED'], known), { failed: [], blocked: ['DADI-AUTH-EXPIRED'], blockedBy: ['DADI-TOKEN-TTL'], failedFor: ['DADI-TOKEN-TTL'] })
    const blocked: TestRecord = { ...record(['DADI-ACL-DENY'], 'blocked'), blocked: ['DADI-ACL-DENY'], blockedBy: ['DADI-TOKEN-SHAPE'] }
    const report = buildReport('mock', runs, [blocked, record(['DADI-ACL-ISOLATION'], 'passed'), { ...record(['DADI-ACL-ISOLATION'], 'blocked'), blocked: ['DADI-ACL-ISOLATION'], blockedBy: [] }])
    const byId = new Map(report.apis[0]!.requirements.map((r) => [r.id, r]))
    assert.equal(byId.get('DADI-ACL-DENY')!.status, 'blocked')
    assert.match(byId.get('DADI-ACL-DENY')!.reason!, /DADI-TOKEN-SHAPE failed first/)
    assert.equal(byId.get('DADI-ACL-ISOLATION')!.status, 'blocked', 'one passing test does not make a requirement checked when another could not run')
    assert.equal(report.summary.blocked, 2)
  })

  it('fails the requirement a failed assertion names, and blocks the test’s own', () => {
    const record: TestRecord = { ...record0(['DADI-ACL-DENY']), status: 'blocked', blocked: ['DADI-ACL-DENY'], blockedBy: ['DADI-TOKEN-NOSTORE'], failedFor: ['DADI-TOKEN-NOSTORE'], errors: ['DADI-TOKEN-NOSTORE: no-store'] }
    const byId = new Map(buildReport('mock', runs, [record]).apis[0]!.requirements.map((r) => [r.id, r]))
    assert.equal(byId.get('DADI-TOKEN-NOSTORE')!.status, 'failed')
    assert.deepEqual(byId.get('DADI-TOKEN-NOSTORE')!.tests[0]!.errors, ['DADI-TOKEN-NOSTORE: no-store'])
    assert.equal(byId.get('DADI-ACL-DENY')!.status, 'blocked')
  })

  it('fails only the own requirement a failed assertion names; the test’s other requirements are blocked by it', () => {
    const known = new Set(catalogue.requirements.map((r) => r.id))
    const own = ['DADI-AUTH-EXPIRED', 'DADI-TOKEN-TTL']
    assert.deepEqual(judgeFailure(['Error: DADI-AUTH-EXPIRED: expected 401'], own, known), { failed: ['DADI-AUTH-EXPIRED'], blocked: ['DADI-TOKEN-TTL'], blockedBy: ['DADI-AUTH-EXPIRED'], failedFor: [] })
    assert.deepEqual(judgeFailure(['Error: Timed out'], own, known).failed, own.toSorted(), 'a failure that names nothing fails them all')
    const verdict = judgeFailure(['Error: DADI-AUTH-EXPIRED: expected 401'], own, known)
    const byId = new Map(buildReport('mock', runs, [{ ...record0(own), status: 'failed', failed: verdict.failed, blocked: verdict.blocked, blockedBy: verdict.blockedBy, errors: ['x'] }]).apis[0]!.requirements.map((r) => [r.id, r]))
    assert.equal(byId.get('DADI-AUTH-EXPIRED')!.status, 'failed')
    assert.equal(byId.get('DADI-TOKEN-TTL')!.status, 'blocked')
    const toEnd = judgeFailure(['Error: DADI-AUTH-EXPIRED, DADI-AUTH-UNKNOWN: cells off'], [...own, 'DADI-AUTH-UNKNOWN'], known, { checkedToEnd: true })
    assert.deepEqual(toEnd, { failed: ['DADI-AUTH-EXPIRED', 'DADI-AUTH-UNKNOWN'], blocked: [], blockedBy: [], failedFor: [] }, 'a test that got to its end: what it names failed, the rest passed')
  })

  it('lists requirement IDs that tests name but the catalogue lacks', () => {
    const report = buildReport('mock', runs, [record(['DADI-NOPE'], 'passed')])
    assert.deepEqual(report.apis[0]!.unknownRequirementIds, ['DADI-NOPE'])
  })
})

describe('spec validator', () => {
  const [own] = specDocuments('dadi')
  const dadi = new SpecValidator(own!.file)
  const url = 'http://127.0.0.1:4900/token'
  const ok = { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' }
  const token = JSON.stringify({ accessToken: '4172bbf1-0890-41c7-b0db-477095a288b6', tokenType: 'Bearer', expiresIn: 1800 })
  const codes = (found: ReturnType<SpecValidator['validate']>) => found.map((d) => `${d.severity} ${d.code} ${d.path ?? ''}`.trim())

  it('passes a documented exchange', () => {
    assert.deepEqual(dadi.validate('POST', url, 200, ok, token), [])
  })
  it('names every body violation, the status, content type and headers', () => {
    const body = JSON.stringify({ accessToken: 'short', tokenType: 'Bearer', expiresIn: 0, extra: 1 })
    assert.deepEqual(codes(dadi.validate('POST', url, 200, ok, body)), ['error body-schema body', 'error body-schema body/accessToken', 'error body-schema body/expiresIn'])
    assert.match(dadi.validate('POST', url, 200, ok, body)[0]!.message, /^POST \/token → 200: body must NOT have additional properties \(extra\)$/)
    assert.deepEqual(codes(dadi.validate('POST', url, 200, { ...ok, pragma: 'cache' }, token)), ['error header-schema header/pragma'])
    assert.deepEqual(codes(dadi.validate('POST', url, 200, { 'content-type': 'application/json' }, token)), ['error header-missing header/cache-control', 'error header-missing header/pragma'])
    assert.deepEqual(codes(dadi.validate('POST', url, 200, { ...ok, 'content-type': 'text/plain' }, token)), ['error content-type header/content-type'])
    assert.deepEqual(codes(dadi.validate('POST', url, 200, ok, '{')), ['error body-schema body'])
    assert.deepEqual(codes(dadi.validate('POST', url, 418, ok, token)), ['error status-undocumented'])
    assert.deepEqual(codes(dadi.validate('GET', 'http://127.0.0.1:4900/nowhere', 200, ok, token)), ['info operation-unknown'])
  })
  it('turns findings a declared deviation explains into info', () => {
    const upstream = specDocuments('exceptionless').find((d) => d.document === 'upstream')!
    const validator = new SpecValidator(upstream.file, 'upstream', upstream.deviations)
    const [found] = validator.validate('GET', 'http://127.0.0.1:4901/api/v2/projects/537650f3b77efe23a47914f4/tokens', 401, { 'content-type': 'application/problem+json' }, '{}')
    assert.equal(found?.severity, 'info')
    assert.match(found?.declared ?? '', /security requirements/)
  })
})

describe('shared request contexts', () => {
  it('send the session header with every call and notice a cookie', async () => {
    const calls: unknown[] = []
    const response = (cookie: boolean) => ({ headersArray: () => (cookie ? [{ name: 'Set-Cookie', value: 'sid=1' }] : [{ name: 'content-type', value: 'application/json' }]) })
    const inner = {
      get: async (url: string, options: unknown) => (calls.push([url, options]), response(false)),
      post: async (url: string, options: unknown) => (calls.push([url, options]), response(true)),
    } as unknown as Parameters<typeof withHeaders>[0]
    const { request, sawCookies } = withHeaders(inner, { 'x-authconform-session': 's-123456' })
    await request.get('/a', { headers: { authorization: 'Bearer t' } })
    assert.equal(sawCookies(), false)
    await request.post('/b')
    assert.deepEqual(calls, [
      ['/a', { headers: { 'x-authconform-session': 's-123456', authorization: 'Bearer t' } }],
      ['/b', { headers: { 'x-authconform-session': 's-123456' } }],
    ])
    assert.equal(sawCookies(), true)
  })
})

describe('Playwright base test', () => {
  it('is the browserless one the suites build on (harness/fixtures/test.ts), in the installed Playwright', async () => {
    // Without it the suites still run, on the full `test`, at ~10 ms more CPU per test: this makes the loss visible.
    const playwright = (await import('@playwright/test')) as unknown as Record<string, unknown>
    assert.equal(typeof playwright._utilityTest, 'function', '@playwright/test no longer exports _utilityTest: see the base test in harness/fixtures/test.ts')
    assert.notEqual(playwright._utilityTest, playwright.test)
  })
})
