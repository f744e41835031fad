import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { MOCK_FAULT_HEADER } from '../control/protocol.ts'
import { createMockHost } from '../core/host.ts'
import { gotosocial } from './index.ts'
import { PROFILES } from './test-client.ts'

/**
 * mocks/robustness.test.ts for GoToSocial, which is not yet in IMPLEMENTED_APIS — and with a User-Agent, since
 * without one every request is a 418 and nothing else is exercised. Every documented path (parameters filled with
 * junk) × method × body × credentials, browser and API Accept headers, both profiles: never a 5xx, never the mock's
 * own fault envelope, errors in GoToSocial's media types, never a secret echoed.
 */
const BODIES: [string, string | Uint8Array | undefined][] = [
  ['application/json', undefined],
  ['application/json', '{'],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"string"'],
  ['application/json', '{"client_id":{"$ne":1},"client_secret":[1],"username":{},"password":12,"scopes":"client","code":null}'],
  ['application/json', `{"client_secret":"${'s'.repeat(70_000)}"}`],
  ['application/x-www-form-urlencoded', 'a=%ZZ&&=='],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\nZq7\r\n'],
  ['text/plain', '\u0000\uffff\ud800'],
  ['application/octet-stream', new Uint8Array([0xff, 0xfe, 0x00, 0x80])],
]
const AUTH = [undefined, 'Bearer', 'Bearer ' + 'x'.repeat(9000), 'Basic ===', 'Basic ' + btoa('client:'), 'Token \u00e9', 'bearer  two  spaces', 'Digest a="b"']
const ACCEPT = [undefined, 'text/html,application/xhtml+xml', 'application/json', 'image/png']
const SECRET = 'Zq7-robustness-secret'

describe('gotosocial: hostile input', () => {
  for (const profile of PROFILES) {
    it(`${profile}: never answers 5xx or the mock fault envelope, and never echoes a secret`, async () => {
      const host = createMockHost(gotosocial, { profile })
      const origin = 'http://gotosocial.test'
      const token = await gotosocial.obtainToken(async (r) => host.fetch(r), origin, gotosocial.parseFixtures(gotosocial.defaultFixtures))
      const doc = parse(readFileSync(join(import.meta.dirname, '..', '..', 'openapi', 'gotosocial.yaml'), 'utf8')) as { paths: Record<string, unknown> }
      const paths = Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, '%E2%98%83..%2F'))
      let checked = 0
      for (const path of [...paths, '/nope', '/api/v2/../../etc/passwd', '/nodeinfo/9.9']) {
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          for (const [type, body] of BODIES) {
            for (const credentials of [...AUTH, `Bearer ${token}`]) {
              if (method === 'GET' && body !== undefined) continue
              const accept = ACCEPT[checked % ACCEPT.length]
              const headers: Record<string, string> = { 'content-type': type, 'x-probe': SECRET, 'user-agent': 'robustness', cookie: `gotosocial-gotosocial.test=${SECRET}` }
              if (credentials) headers.authorization = credentials
              if (accept) headers.accept = accept
              const response = await host.fetch(new Request(`${origin}${path}?access_token=${SECRET}&code=${SECRET}&v=%`, { method, headers, body: body as BodyInit | undefined }))
              const text = await response.text()
              const where = `${method} ${path} ${type} ${credentials?.slice(0, 20)} ${accept} → ${response.status}`
              assert.ok(response.status < 500, `${where}: ${text.slice(0, 200)}`)
              assert.equal(response.headers.get(MOCK_FAULT_HEADER), null, `${where}: the mock's own fault envelope`)
              const answered = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
              if (response.status >= 400 && text !== '') assert.ok(gotosocial.errorMediaTypes.includes(answered), `${where}: ${answered || 'no content type'}`)
              // The OOB page shows the code it is given by design (GTS-NO-ECHO's one exception); nothing else may.
              const echoes = text.includes(SECRET) && !(path === '/oauth/oob' && response.status === 200)
              assert.ok(!echoes && ![...response.headers.values()].some((v) => v.includes(SECRET)), `${where}: echoed a secret`)
              checked++
            }
          }
        }
      }
      assert.ok(checked > 3000, `${checked} requests`)
    })
  }
})
