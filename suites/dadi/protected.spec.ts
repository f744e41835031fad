import type { APIResponse } from '@playwright/test'
import { expect, expectEach, finding, precondition, req, test, type Target } from '../../harness/index.ts'
import { bearer, client, tokenFor } from './dadi.ts'

const INVALID_TOKEN = 'Bearer, error="invalid_token", error_description="Invalid or expired access token"'

/** How a profile refuses an unusable token on a protected route: status, challenge, body. */
async function refusal(response: APIResponse) {
  return { status: response.status(), challenge: response.headers()['www-authenticate'], body: await response.text() }
}
const invalidTokenOf = (target: Target) =>
  target.profile === 'dadi@6'
    ? { status: 401, challenge: undefined, body: expect.stringContaining('"code":"API-0005"') }
    : { status: 401, challenge: INVALID_TOKEN, body: '{"statusCode":401}' }
/** How a profile refuses a client without the permission for `path`. */
const deniedOf = (target: Target, path: string) =>
  target.profile === 'dadi@6' ? { status: 403, challenge: undefined, body: expect.stringContaining('"code":"API-0006"') } : { status: 401, challenge: `Bearer realm="${path}"`, body: '{"statusCode":401}' }

test.describe('Bearer tokens on protected endpoints', () => {
  test('a fresh token reads the collection list and a permitted collection', req('DADI-AUTH-ACCEPT', 'DADI-RESOURCE-CACHE-HEADERS'), async ({ request, target }) => {
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
    // Only /token says no-store: protected answers say nothing to caches (RFC 9111 §3.5 keeps shared ones off them).
    expectEach(finding('DADI-RESOURCE-CACHE-HEADERS', 'no Cache-Control on an authenticated answer'), [
      ['GET /api/collections', list.headers()['cache-control'], undefined],
      [`GET ${target.settings.allowedCollection}`, read.headers()['cache-control'], undefined],
    ])
  })

  test('reads the token from the Authorization header only', req('DADI-AUTH-HEADER-ONLY'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'primary'))
    const v6 = target.profile === 'dadi@6'
    // As if no token were sent: 4.x–6.x API-0005, 1.x–3.x {"statusCode":401} with no challenge (the rest of the
    // 4.x–6.x envelope is DADI-ERROR-BODY's to judge).
    const anonymous = { status: 401, challenge: undefined, body: v6 ? expect.stringContaining('"code":"API-0005"') : '{"statusCode":401}' }
    const cases: [string, unknown, unknown][] = []
    for (const path of ['/api/collections', target.settings.allowedCollection!]) {
      for (const [name, send] of [
        ['?token=', () => request.get(`${path}?token=${accessToken}`)],
        ['a Cookie access_token', () => request.get(path, { headers: { cookie: `access_token=${accessToken}` } })],
        ['a Cookie token', () => request.get(path, { headers: { cookie: `token=${accessToken}` } })],
        ['a form body access_token', () => request.fetch(path, { method: 'GET', headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: Buffer.from(`access_token=${accessToken}`) })],
      ] as const) {
        cases.push([`${name} on ${path}`, await refusal(await send()), anonymous])
      }
    }
    expectEach(finding('DADI-AUTH-HEADER-ONLY', `a token anywhere but Authorization is no token (${target.profile})`), cases)
  })

  test('refuses an issued token altered in one character, truncated or extended', req('DADI-AUTH-UNKNOWN'), async ({ request, target }) => {
    const { accessToken } = await tokenFor(request, client(target, 'primary'))
    const flip = (at: number) => `${accessToken.slice(0, at)}${accessToken[at] === '0' ? '1' : '0'}${accessToken.slice(at + 1)}`
    const cases: [string, unknown, unknown][] = []
    const variants: [string, string][] = [
      ['a character near the end changed', flip(accessToken.length - 5)],
      ['the middle character changed', flip(accessToken.length >> 1)],
      ['the first character changed', flip(0)],
      ['truncated by one', accessToken.slice(0, -1)],
      ['extended by one', `${accessToken}0`],
    ]
    const [header, payload, signature] = accessToken.split('.')
    if (signature !== undefined) {
      // A JWT: its payload raised to an admin's, or unsigned with alg "none" (RFC 8725 §2.1, §3.1).
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>
      const raised = Buffer.from(JSON.stringify({ ...claims, accessType: claims.accessType === 'superUser' ? 'admin' : 'superUser', exp: Number(claims.exp) + 3600 })).toString('base64url')
      variants.push(['its payload edited (access raised, expiry extended)', `${header}.${raised}.${signature}`])
      variants.push(['unsigned, alg "none"', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`])
    }
    for (const [name, token] of variants) {
      cases.push([name, await refusal(await request.get('/api/collections', { headers: bearer(token) })), invalidTokenOf(target)])
    }
    expectEach(finding('DADI-AUTH-UNKNOWN', `an altered token is refused (${target.profile})`), cases)
    expect((await request.get('/api/collections', { headers: bearer(accessToken) })).status(), finding('DADI-AUTH-UNKNOWN', 'the unaltered token still works')).toBe(200)
  })

  test('accepts a token until expiresIn has passed, then refuses it', req('DADI-AUTH-EXPIRED'), async ({ request, target, clock }) => {
    const issued = [await tokenFor(request, client(target, 'primary')), await tokenFor(request, client(target, 'restricted'))]
    const expiresIn = Math.min(...issued.map((t) => t.expiresIn))
    const margin = Math.min(5, expiresIn / 2)
    await clock.advance(expiresIn - margin)
    const paths = ['/api/collections', target.settings.allowedCollection!]
    for (const [i, { accessToken }] of issued.entries()) {
      const before = await request.get(paths[i]!, { headers: bearer(accessToken) })
      expect(before.status(), precondition('DADI-TOKEN-TTL', `the token must still work ${expiresIn - margin} s after issue (expiresIn ${expiresIn}) on ${paths[i]}`)).toBe(200)
    }
    // Half a second past expiry: a grace period is a defect too.
    await clock.advance(margin + 0.5)
    const cases: [string, unknown, unknown][] = []
    for (const [i, { accessToken }] of issued.entries()) {
      for (const path of paths) {
        for (const scheme of ['Bearer', 'bearer']) {
          cases.push([`client ${i + 1}, ${scheme} on ${path}`, await refusal(await request.get(path, { headers: { authorization: `${scheme} ${accessToken}` } })), invalidTokenOf(target)])
        }
      }
    }
    expectEach(finding('DADI-AUTH-EXPIRED', `an expired token is refused on every route, both scheme spellings (${target.profile})`), cases)
  })
})

test.describe('Per-client permissions', () => {
  test('refuses every collection but the permitted one', req('DADI-ACL-DENY'), async ({ request, target }) => {
    // The restricted client of targets.yaml is allowed exactly one collection (allowedCollection).
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const list = await request.get('/api/collections', { headers: bearer(primary) })
    expect(list.status(), precondition('DADI-AUTH-ACCEPT', 'the primary client lists the collections')).toBe(200)
    // Collections whose own settings open them, and (1.x–3.x) a same-named one in another database, have their own cells.
    const s = target.settings
    const special = new Set([s.allowedCollection, s.openCollection, s.publicCollection, s.lowercaseCollection, s.otherDatabaseCollection, s.cachedCollection].filter(Boolean))
    const paths = ((await list.json()) as { collections: { path: string }[] }).collections.map((c) => c.path).filter((p) => !special.has(p))
    expect(paths.length, precondition('DADI-ACL-DENY', `the API lists a collection besides ${target.settings.allowedCollection} to refuse`)).toBeGreaterThan(0)
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const cases: [string, unknown, unknown][] = []
    for (const path of paths) cases.push([path, await refusal(await request.get(path, { headers: bearer(restricted) })), deniedOf(target, path)])
    expectEach(finding('DADI-ACL-DENY', `every other collection is refused to a client allowed only ${target.settings.allowedCollection} (one its own settings open belongs in DADI_OPEN_COLLECTION, _PUBLIC_, _GET_ONLY_, _LOWERCASE_ or _CACHED_COLLECTION)`), cases)
  })

  test('holds the permission on every path to the collection', req('DADI-ACL-PATHS'), async ({ request, target }) => {
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const { deniedCollection: denied, allowedCollection: allowed } = target.settings as { deniedCollection: string; allowedCollection: string }
    const firstId = async (path: string) => {
      const read = await request.get(path, { headers: bearer(primary) })
      expect(read.status(), precondition('DADI-AUTH-ACCEPT', `the primary client reads ${path}`)).toBe(200)
      const id = ((await read.json()) as { results?: { _id?: string }[] }).results?.[0]?._id
      expect(id, precondition('DADI-ACL-PATHS', `${path} holds a document to ask for by id`)).toEqual(expect.any(String))
      return id!
    }
    const allowedRead = await request.get(`${allowed}/${await firstId(allowed)}`, { headers: bearer(restricted) })
    expect(allowedRead.status(), finding('DADI-ACL-PATHS', 'the permitted client reads a document of its collection')).toBe(200)
    const name = denied.split('/').at(-1)!
    const base = denied.slice(0, -name.length - 1)
    const variants = [`${denied}/${await firstId(denied)}`, `${denied}/`, `${base}/${name[0]!.toUpperCase()}${name.slice(1)}`, `${base}/${name.toUpperCase()}`, `${base}/%${name.charCodeAt(0).toString(16)}${name.slice(1)}`]
    // Refused however it is spelled: the profile's refusal, or a 404 (the path names no route); never a read.
    const cases: [string, unknown, unknown][] = []
    for (const path of variants) {
      const response = await request.get(path, { headers: bearer(restricted) })
      const answer = await refusal(response)
      const expected = response.status() === 404 ? { status: 404, challenge: undefined, body: '' } : deniedOf(target, path)
      cases.push([path, answer, expected])
    }
    expectEach(finding('DADI-ACL-PATHS', `every path to ${denied} is refused to a client without permission for it`), cases)
  })

  test('never serves a cached answer to a client that may not read it, nor without a token', req('DADI-ACL-CACHE'), async ({ request, target }) => {
    const cached = target.settings.cachedCollection
    test.skip(!cached, 'needs a collection with settings.cache true on a deployment whose response cache is on: set DADI_CACHED_COLLECTION')
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    // Read twice by a client that may: the answer is in the cache now, if the deployment keeps one.
    for (const read of ['first', 'second']) expect((await request.get(cached!, { headers: bearer(primary) })).status(), precondition('DADI-AUTH-ACCEPT', `the primary client reads ${cached} (${read} time)`)).toBe(200)
    const v6 = target.profile === 'dadi@6'
    // The 4.x–6.x envelope's other fields are DADI-ERROR-BODY's to judge: here what matters is that no cached answer leaks.
    const anonymous = v6 ? invalidTokenOf(target) : { status: 401, challenge: undefined, body: '{"statusCode":401}' }
    const made = v6 ? anonymous : { status: 401, challenge: INVALID_TOKEN, body: '{"statusCode":401}' }
    const denied = deniedOf(target, cached!)
    expectEach(finding('DADI-ACL-CACHE', `the cached ${cached} reaches no one who may not read it (${target.profile})`), [
      ['the client without the permission', await refusal(await request.get(cached!, { headers: bearer(restricted) })), denied],
      ['no Authorization', await refusal(await request.get(cached!)), anonymous],
      ['a made-up token', await refusal(await request.get(cached!, { headers: bearer(v6 ? 'not-a-token-at-all' : crypto.randomUUID()) })), made],
    ])
    expect((await request.get(cached!, { headers: bearer(primary) })).status(), finding('DADI-ACL-CACHE', 'the permitted client still reads it')).toBe(200)
  })

  test('keeps a permission to the apiVersion it names', req('DADI-ACL-VERSION'), async ({ request, target }) => {
    const other = target.settings.otherVersionCollection
    test.skip(!other, 'needs the allowed collection served at another API version: set DADI_OTHER_VERSION_COLLECTION (e.g. /2.0/library/books)')
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    expect((await request.get(other!, { headers: bearer(primary) })).status(), precondition('DADI-AUTH-ACCEPT', `the primary client reads ${other}`)).toBe(200)
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    expect((await request.get(target.settings.allowedCollection!, { headers: bearer(restricted) })).status(), precondition('DADI-AUTH-ACCEPT', `the restricted client reads ${target.settings.allowedCollection}`)).toBe(200)
    expect(await refusal(await request.get(other!, { headers: bearer(restricted) })), finding('DADI-ACL-VERSION', `GET ${other} by a client allowed only ${target.settings.allowedCollection}`)).toEqual(deniedOf(target, other!))
  })

  test("two clients' tokens never cross", req('DADI-ACL-ISOLATION'), async ({ request, target }) => {
    const restricted = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const primary = (await tokenFor(request, client(target, 'primary'))).accessToken
    const { deniedCollection: denied, allowedCollection: allowed } = target.settings as { deniedCollection: string; allowedCollection: string }
    // Issued after the restricted token: a server that resolves tokens to "the last client" fails here.
    const first = [await request.get(denied, { headers: bearer(restricted) }), await request.get(denied, { headers: bearer(primary) })]
    const again = (await tokenFor(request, client(target, 'restricted'))).accessToken
    const second = [await request.get(denied, { headers: bearer(primary) }), await request.get(allowed, { headers: bearer(again) }), await request.get(denied, { headers: bearer(again) })]
    const refused = deniedOf(target, denied).status
    expectEach(finding('DADI-ACL-ISOLATION', 'each token keeps its own client’s permissions'), [
      ['restricted token on the denied collection', first[0]!.status(), refused],
      ['primary token on the same collection', first[1]!.status(), 200],
      ['primary token after another restricted login', second[0]!.status(), 200],
      ['restricted token on its permitted collection', second[1]!.status(), 200],
      ['second restricted token on the denied collection', second[2]!.status(), refused],
    ])
  })

  test('lists to each client the collections it may see', req('DADI-ACL-LIST'), async ({ request, target }) => {
    const declared = (target.settings.collections ?? '').split(',').filter(Boolean).sort()
    test.skip(declared.length === 0, 'needs every collection path of the API: set DADI_COLLECTIONS (comma-separated)')
    const listed = async (role: 'primary' | 'restricted') => {
      const response = await request.get('/api/collections', { headers: bearer((await tokenFor(request, client(target, role))).accessToken) })
      expect(response.status(), precondition('DADI-AUTH-ACCEPT', `the ${role} client lists the collections`)).toBe(200)
      return ((await response.json()) as { collections: { path: string }[] }).collections.map((c) => c.path).sort()
    }
    const restrictedSees = target.profile === 'dadi@6' ? [target.settings.allowedCollection!] : declared
    expectEach(finding('DADI-ACL-LIST', `each client sees exactly what ${target.profile} shows it`), [
      ['the primary client', await listed('primary'), declared],
      ['the client allowed one collection', await listed('restricted'), restrictedSees],
    ])
  })
})
