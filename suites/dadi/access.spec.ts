import { expect, finding, precondition, req, test } from '../../harness/index.ts'
import { bearer, client, expectRefusals, tokenFor, type Refusal } from './dadi.ts'
import { parseChallenge } from '../../harness/index.ts'

test.describe('Bearer tokens on protected endpoints', () => {
  test('a fresh token reads the collection list and a permitted collection', req('DADI-AUTH-ACCEPT'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'primary'))
    const list = await request.get('/api/collections', { headers: bearer(accessToken) })
    expect(list.status(), finding('DADI-AUTH-ACCEPT', 'GET /api/collections with a valid token')).toBe(200)
    const { collections } = await list.json()
    expect(Array.isArray(collections) && collections.length > 0, finding('DADI-AUTH-ACCEPT', 'a non-empty collections array')).toBe(true)
    const read = await request.get(target.settings.allowedCollection!, { headers: bearer(accessToken) })
    expect(read.status(), finding('DADI-AUTH-ACCEPT', `GET ${target.settings.allowedCollection} with a valid token`)).toBe(200)
    const body = await read.json()
    expect(Array.isArray(body.results), finding('DADI-AUTH-ACCEPT', 'results array')).toBe(true)
    expect(typeof body.metadata?.totalCount, finding('DADI-AUTH-ACCEPT', 'metadata.totalCount')).toBe('number')
  })

  test('matches the Bearer scheme case-insensitively', req('DADI-AUTH-SCHEME-CASE'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'primary'))
    for (const scheme of ['bearer', 'BEARER']) {
      const response = await request.get('/api/collections', { headers: { authorization: `${scheme} ${accessToken}` } })
      expect(response.status(), finding('DADI-AUTH-SCHEME-CASE', `"${scheme}" must be accepted`)).toBe(200)
    }
  })

  test('refuses a request without Authorization', req('DADI-AUTH-MISSING'), async ({ request, target }) => {
    for (const path of ['/api/collections', target.settings.allowedCollection!]) {
      const head = await request.head(path)
      expect(head.status(), finding('DADI-AUTH-MISSING', `HEAD ${path} without a token`)).toBe(401)
      const response = await request.get(path)
      expect(response.status(), finding('DADI-AUTH-MISSING', `GET ${path} without a token`)).toBe(401)
      expect(await response.text(), finding('DADI-ERROR-BODY', '(DADI-AUTH-MISSING) the 401 body is {"statusCode":401}')).toBe('{"statusCode":401}')
      const challenge = parseChallenge(response.headers()['www-authenticate'])
      expect(challenge?.params.error, finding('DADI-AUTH-MISSING', 'no error code when no credentials were sent (RFC 6750 §3)')).toBeUndefined()
    }
  })

  test('answers no_token to Basic client credentials, a bare or two-part "Bearer", and another scheme', req('DADI-AUTH-MALFORMED'), async ({ request, target }) => {
    const c = client(target, 'primary')
    const refusals: Refusal[] = []
    for (const [name, authorization] of [
      ['the client credentials as Basic', `Basic ${Buffer.from(`${c.clientId}:${c.secret}`).toString('base64')}`],
      ['a bare "Bearer"', 'Bearer'],
      ['"Bearer" with two parts', 'Bearer two parts'],
      ['another scheme', 'Token abcdef'],
    ] as const) {
      for (const path of ['/api/collections', target.settings.allowedCollection!]) refusals.push([`${name} on ${path}`, await request.get(path, { headers: { authorization } })])
    }
    await expectRefusals(refusals, 'no_token', 'DADI-AUTH-MALFORMED')
  })

  test('refuses an unknown token with invalid_token', req('DADI-AUTH-UNKNOWN'), async ({ request, target }) => {
    const refusals: Refusal[] = []
    for (const token of [crypto.randomUUID(), 'not-a-token-at-all']) {
      for (const path of ['/api/collections', target.settings.allowedCollection!]) refusals.push([`${token} on ${path}`, await request.get(path, { headers: bearer(token) })])
    }
    await expectRefusals(refusals, 'invalid_token', 'DADI-AUTH-UNKNOWN')
  })

  test('refuses an issued token altered in one character, truncated or extended', req('DADI-AUTH-UNKNOWN'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'primary'))
    const flip = (at: number) => `${accessToken.slice(0, at)}${accessToken[at] === '0' ? '1' : '0'}${accessToken.slice(at + 1)}`
    const refusals: Refusal[] = []
    for (const [name, token] of [
      ['last character changed', flip(accessToken.length - 1)],
      ['middle character changed', flip(accessToken.length >> 1)],
      ['first character changed', flip(0)],
      ['truncated by one', accessToken.slice(0, -1)],
      ['extended by one', `${accessToken}0`],
    ] as const) {
      refusals.push([name, await request.get('/api/collections', { headers: bearer(token) })])
    }
    await expectRefusals(refusals, 'invalid_token', 'DADI-AUTH-UNKNOWN')
    expect((await request.get('/api/collections', { headers: bearer(accessToken) })).status(), finding('DADI-AUTH-UNKNOWN', 'the unaltered token still works')).toBe(200)
  })

  test('reads the token from the Authorization header only', req('DADI-AUTH-HEADER-ONLY'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'primary'))
    const response = await request.get(`/api/collections?access_token=${encodeURIComponent(accessToken)}`)
    expect(response.status(), finding('DADI-AUTH-HEADER-ONLY', '?access_token= must not authenticate')).toBe(401)
  })

  test('accepts a token until expiresIn has passed, then refuses it', req('DADI-AUTH-EXPIRED', 'DADI-TOKEN-TTL'), async ({ request, target, clock }) => {
    // Both clients: a lifetime computed per client (a permissions block, say) must still match its expiresIn.
    const issued = [await tokenFor(request, client(target, 'primary')), await tokenFor(request, client(target, 'restricted'))]
    const expiresIn = Math.min(...issued.map((t) => t.expiresIn))
    expect(issued.map((t) => t.expiresIn), finding('DADI-TOKEN-TTL', 'both clients get the same configured lifetime')).toEqual([expiresIn, expiresIn])
    const margin = Math.min(5, expiresIn / 2)
    await clock.advance(expiresIn - margin)
    for (const [i, { accessToken }] of issued.entries()) {
      const path = i === 0 ? '/api/collections' : target.settings.allowedCollection!
      const before = await request.get(path, { headers: bearer(accessToken) })
      expect(before.status(), finding('DADI-TOKEN-TTL', `the token must still work ${expiresIn - margin} s after issue (expiresIn ${expiresIn}) on ${path}`)).toBe(200)
    }
    // Half a second past expiry: a grace period is a defect too.
    await clock.advance(margin + 0.5)
    const refusals: Refusal[] = []
    for (const [i, { accessToken }] of issued.entries()) {
      for (const path of ['/api/collections', target.settings.allowedCollection!]) {
        for (const scheme of ['Bearer', 'bearer']) {
          refusals.push([`client ${i + 1}, ${scheme} on ${path}`, await request.get(path, { headers: { authorization: `${scheme} ${accessToken}` } })])
        }
      }
    }
    await expectRefusals(refusals, 'invalid_token', 'DADI-AUTH-EXPIRED')
  })
})

test.describe('Per-client permissions', () => {
  test('refuses a collection the client has no permission for', req('DADI-ACL-DENY'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'restricted'))
    const response = await request.get(target.settings.deniedCollection!, { headers: bearer(accessToken) })
    expect(response.status(), finding('DADI-ACL-DENY', `GET ${target.settings.deniedCollection} by a client without permission`)).toBe(403)
    const body = await response.json()
    expect(body, finding('DADI-ACL-DENY', 'the API-0006 body')).toMatchObject({ code: 'API-0006', title: 'Access denied' })
    expect(JSON.stringify(body), finding('DADI-ACL-DENY', 'no documents leak')).not.toContain('results')
    const head = await request.head(target.settings.deniedCollection!, { headers: bearer(accessToken) })
    expect(head.status(), finding('DADI-ACL-DENY', `HEAD ${target.settings.deniedCollection} is refused like GET`)).toBe(403)
  })

  test('refuses every collection but the permitted one', req('DADI-ACL-DENY'), async ({ request, target }) => {
    // The restricted client of targets.yaml is allowed exactly one collection (allowedCollection).
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const list = await request.get('/api/collections', { headers: bearer(primary) })
    expect(list.status(), precondition('DADI-AUTH-ACCEPT', 'the primary client lists the collections')).toBe(200)
    const paths = ((await list.json()) as { collections: { path: string }[] }).collections.map((c) => c.path).filter((p) => p !== target.settings.allowedCollection)
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const statuses: Record<string, number> = {}
    for (const path of paths) statuses[path] = (await request.get(path, { headers: bearer(restricted) })).status()
    expect(statuses, finding('DADI-ACL-DENY', `every other collection answers 403 to a client allowed only ${target.settings.allowedCollection}`)).toEqual(Object.fromEntries(paths.map((p) => [p, 403])))
  })

  test('holds the permission on every path to the collection', req('DADI-ACL-PATHS'), async ({ request, target }) => {
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const denied = target.settings.deniedCollection!
    const allowed = target.settings.allowedCollection!
    const firstId = async (path: string) => {
      const read = await request.get(path, { headers: bearer(primary) })
      expect(read.status(), precondition('DADI-AUTH-ACCEPT', `the primary client reads ${path}`)).toBe(200)
      const id = ((await read.json()) as { results?: { _id?: string }[] }).results?.[0]?._id
      return id ?? '5e4a2d3f1c9d440000a1b001'
    }
    const allowedDocument = `${allowed}/${await firstId(allowed)}`
    const allowedRead = await request.get(allowedDocument, { headers: bearer(restricted) })
    expect([200, 404], finding('DADI-ACL-PATHS', `GET ${allowedDocument} by the permitted client (200, or 404 where documents are not served by id)`)).toContain(allowedRead.status())
    const segments = denied.split('/')
    const name = segments.at(-1)!
    const base = segments.slice(0, -1).join('/')
    const variants = [
      `${denied}/${await firstId(denied)}`,
      `${denied}/`,
      `${base}/${name[0]!.toUpperCase()}${name.slice(1)}`,
      `${base}/${name.toUpperCase()}`,
      `${base}/%${name.charCodeAt(0).toString(16)}${name.slice(1)}`,
    ]
    // Refused however it is spelled (a 403 as API-0006; a 404 or 400 reads nothing either).
    const answers: Record<string, string> = {}
    for (const path of variants) {
      const response = await request.get(path, { headers: bearer(restricted) })
      const status = response.status()
      const code = status === 403 ? ((await response.json().catch(() => ({}))) as { code?: string }).code : undefined
      answers[path] = status >= 200 && status < 300 ? `${status}: read` : status === 403 && code !== 'API-0006' ? `403 with code ${code}` : 'refused'
    }
    expect(answers, finding('DADI-ACL-PATHS', `every path to ${denied} is refused to a client without permission for it`)).toEqual(Object.fromEntries(variants.map((p) => [p, 'refused'])))
  })

  test('keeps a permission to the apiVersion it names', req('DADI-ACL-VERSION'), async ({ request, target }) => {
    const other = target.settings.otherVersionCollection
    test.skip(!other, 'needs the allowed collection served at another API version: set DADI_OTHER_VERSION_COLLECTION (e.g. /2.0/library/books)')
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    expect((await request.get(other!, { headers: bearer(primary) })).status(), precondition('DADI-AUTH-ACCEPT', `the primary client reads ${other}`)).toBe(200)
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    expect((await request.get(target.settings.allowedCollection!, { headers: bearer(restricted) })).status(), finding('DADI-ACL-VERSION', `the restricted client reads ${target.settings.allowedCollection}`)).toBe(200)
    const response = await request.get(other!, { headers: bearer(restricted) })
    expect(response.status(), finding('DADI-ACL-VERSION', `GET ${other} by a client allowed only ${target.settings.allowedCollection}`)).toBe(403)
    expect((await response.json()).code, finding('DADI-ACL-VERSION', 'API-0006')).toBe('API-0006')
  })

  test("two clients' tokens never cross", req('DADI-ACL-ISOLATION'), async ({ request, target }) => {
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const denied = target.settings.deniedCollection!
    const allowed = target.settings.allowedCollection!
    // Issued after the restricted token: a server that resolves tokens to "the last client" fails here.
    expect((await request.get(denied, { headers: bearer(restricted) })).status(), finding('DADI-ACL-ISOLATION', 'restricted token on a denied collection')).toBe(403)
    expect((await request.get(denied, { headers: bearer(primary) })).status(), finding('DADI-ACL-ISOLATION', 'primary token on the same collection')).toBe(200)
    const again = (await tokenFor(request, client(target, 'restricted'))).accessToken
    expect((await request.get(denied, { headers: bearer(primary) })).status(), finding('DADI-ACL-ISOLATION', 'primary token after another restricted login')).toBe(200)
    expect((await request.get(allowed, { headers: bearer(again) })).status(), finding('DADI-ACL-ISOLATION', 'restricted token on its permitted collection')).toBe(200)
    expect((await request.get(denied, { headers: bearer(again) })).status(), finding('DADI-ACL-ISOLATION', 'second restricted token still denied')).toBe(403)
  })
})
