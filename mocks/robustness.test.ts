import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { MOCK_FAULT_HEADER } from './control/protocol.ts'
import { createMockHost } from './core/host.ts'
import { definitions, implementedApis } from './registry.ts'

/**
 * Bad input gets a clear error in the API's own envelope: never a 5xx, never the mock's own fault envelope,
 * never a secret echoed back (in a body or a header). Every documented path (parameters filled with junk) × method ×
 * body × credentials, browser and API Accept headers, every profile. Every request carries a User-Agent, since
 * GoToSocial answers 418 to any request without one and nothing else would be exercised there.
 */
const BODIES: [string, string | Uint8Array | undefined][] = [
  ['application/json', undefined],
  ['application/json', '{'],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"string"'],
  ['application/json', '{"clientId":{"$ne":1},"secret":[1],"email":{},"password":12,"scopes":"client"}'],
  ['application/json', '{"client_id":{"$ne":1},"client_secret":[1],"username":{},"password":12,"scopes":"client","code":null}'],
  ['application/json', `{"secret":"${'s'.repeat(70_000)}"}`],
  ['application/x-www-form-urlencoded', 'a=%ZZ&&=='],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\nZq7\r\n'],
  ['text/plain', '\u0000\uffff\ud800'],
  ['application/octet-stream', new Uint8Array([0xff, 0xfe, 0x00, 0x80])],
]
const AUTH = [undefined, 'Bearer', 'Bearer ' + 'x'.repeat(9000), 'Basic ===', 'Basic ' + btoa('client:'), 'Token \u00e9', 'bearer  two  spaces', 'Digest a="b"']
const ACCEPT = [undefined, 'text/html,application/xhtml+xml', 'application/json', 'image/png']
const SECRET = 'Zq7-robustness-secret'

/** Where an answer shows what it was given by design: GoToSocial's out-of-band page shows its code (GTS-NO-ECHO). */
const showsByDesign = (api: string, path: string, status: number) => api === 'gotosocial' && path === '/oauth/oob' && status === 200

for (const api of implementedApis()) {
  const definition = definitions[api]!
  describe(`${api}: hostile input`, () => {
    for (const profile of definition.profiles) {
      it(`${profile}: never answers 5xx or the mock fault envelope, and never echoes a secret`, async () => {
        const host = createMockHost(definition, { profile })
        const origin = `http://${api}.test`
        const token = await definition.obtainToken(async (r) => host.fetch(r), origin, definition.parseFixtures(definition.defaultFixtures))
        const mediaTypes = definition.errorMediaTypes
        assert.ok(mediaTypes.length > 0, `${api} declares the media types of its errors (errorMediaTypes)`)
        const doc = parse(readFileSync(join(import.meta.dirname, '..', 'openapi', `${api}.yaml`), 'utf8')) as { paths: Record<string, unknown> }
        const paths = Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, '%E2%98%83..%2F'))
        let checked = 0
        for (const path of [...paths, '/nope', '/api/v2/../../etc/passwd']) {
          for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
            for (const [type, body] of BODIES) {
              for (const credentials of [...AUTH, `Bearer ${token}`]) {
                if (method === 'GET' && body !== undefined) continue
                const accept = ACCEPT[checked % ACCEPT.length]
                const headers: Record<string, string> = { 'content-type': type, 'x-probe': SECRET, 'user-agent': 'robustness', cookie: `session=${SECRET}; gotosocial-${api}.test=${SECRET}` }
                if (credentials) headers.authorization = credentials
                if (accept) headers.accept = accept
                const response = await host.fetch(new Request(`${origin}${path}?access_token=${SECRET}&code=${SECRET}&v=%`, { method, headers, body: body as BodyInit | undefined }))
                const text = await response.text()
                const where = `${profile} ${method} ${path} ${type} ${credentials?.slice(0, 20)} ${accept} → ${response.status}`
                assert.ok(response.status < 500, `${where}: ${text.slice(0, 200)}`)
                assert.equal(response.headers.get(MOCK_FAULT_HEADER), null, `${where}: the mock's own fault envelope`)
                const answered = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
                // An error body is in one of the API's media types; an empty one (DADI's 404) needs none.
                if (response.status >= 400 && text !== '') assert.ok(mediaTypes.includes(answered), `${where}: ${answered || 'no content type'} is not one of ${api}'s error media types`)
                const echoes = text.includes(SECRET) && !showsByDesign(api, path, response.status)
                assert.ok(!echoes && ![...response.headers.values()].some((v) => v.includes(SECRET)), `${where}: echoed a secret`)
                checked++
              }
            }
          }
        }
        assert.ok(checked > 1000, `${checked} requests`)
      })
    }
  })
}
