/**
 * Redaction, proved end to end: the mock is seeded with fresh secrets (client secrets, passwords, API keys), two
 * mutants make it echo credentials back, and a recording proxy between the suites and the mock learns every other
 * secret of the run — the tokens it issues, every Authorization value, query token, cookie and secret-named field
 * sent. After the run (TARGET=env, as a team against staging would run it) no file it wrote — the report in every
 * rendering, the Playwright output folder — nor its console output may hold any of them; the echoes show as
 * findings, masked.
 */
import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { envTarget, ROOT, runSuites, startMock } from './testing/mock-target.ts'

const PORT_BASE = 5610
const PROXY = { dadi: 5620, exceptionless: 5621 }
const seed = (label: string) => `${label}-${randomBytes(12).toString('base64url')}`

const work = mkdtempSync(join(tmpdir(), 'authconform-redaction-'))
const children: ChildProcess[] = []
const servers: Server[] = []
after(() => {
  for (const child of children) child.kill('SIGTERM')
  for (const server of servers) server.close()
  rmSync(work, { recursive: true, force: true })
})

/** Every secret the run carried, learned from the traffic itself (values under 8 characters are not searched). */
const secrets = new Set<string>()
const learn = (value: unknown) => {
  if (typeof value === 'string' && value.length >= 8) secrets.add(value)
}
const SECRET_NAME = /secret|password|token|api_?key|^code$/i

function learnFields(value: unknown, path: string) {
  if (Array.isArray(value)) value.forEach((v) => learnFields(v, path))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_NAME.test(k)) learn(v)
      // Exceptionless: a token is its id.
      if (k === 'id' && /\/tokens/.test(path) && typeof v === 'string' && v.length >= 30) learn(v)
      learnFields(v, path)
    }
  }
}
function learnBody(text: string, path: string) {
  try {
    learnFields(JSON.parse(text), path)
  } catch {
    for (const [k, v] of new URLSearchParams(text)) if (SECRET_NAME.test(k)) learn(v)
  }
}
function learnRequest(method: string, url: URL, headers: Record<string, string | string[] | undefined>, body: string) {
  const authorization = headers.authorization
  if (typeof authorization === 'string') {
    const [scheme, value = ''] = authorization.split(/\s+(.*)/s)
    learn(value.trim())
    if (/^basic$/i.test(scheme ?? '')) for (const part of Buffer.from(value, 'base64').toString('utf8').split(':')) learn(part)
  }
  for (const [k, v] of url.searchParams) if (SECRET_NAME.test(k)) learn(v)
  for (const cookie of String(headers.cookie ?? '').split(';')) learn(cookie.split('=')[1]?.trim())
  if (method !== 'GET' && body) learnBody(body, url.pathname)
}

/** A pass-through proxy in front of one mock that learns every credential and issued token on the way. */
function proxy(listen: number, upstream: number): Promise<void> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${upstream}`)
      learnRequest(req.method ?? 'GET', url, req.headers, body.toString('utf8'))
      const out = httpRequest({ host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const back: Buffer[] = []
        answer.on('data', (c: Buffer) => back.push(c))
        answer.on('end', () => {
          const text = Buffer.concat(back)
          learnBody(text.toString('utf8'), url.pathname)
          for (const cookie of [answer.headers['set-cookie'] ?? []].flat()) learn(cookie.split(';')[0]?.split('=')[1])
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          res.end(text)
        })
      })
      out.on('error', () => res.writeHead(502).end())
      out.end(body)
    })
  })
  servers.push(server)
  return new Promise((resolve) => server.listen(listen, '127.0.0.1', resolve))
}

const filesUnder = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  } catch {
    return []
  }
}

test('no secret of the run reaches a file it writes or its console; an echoed secret is a masked finding', { timeout: 300_000 }, async () => {
  const dadi = JSON.parse(readFileSync(join(ROOT, 'mocks/dadi/fixtures.json'), 'utf8'))
  dadi.clients[0].secret = seed('primary')
  dadi.clients[1].secret = seed('restricted')
  const exl = JSON.parse(readFileSync(join(ROOT, 'mocks/exceptionless/fixtures.json'), 'utf8'))
  for (const user of exl.users) user.password = seed('pw')
  for (const key of exl.apiKeys) key.id = randomBytes(20).toString('hex')
  for (const s of [...dadi.clients.map((c: { secret: string }) => c.secret), ...exl.users.map((u: { password: string }) => u.password), ...exl.apiKeys.map((k: { id: string }) => k.id)]) secrets.add(s)
  writeFileSync(join(work, 'dadi.json'), JSON.stringify(dadi))
  writeFileSync(join(work, 'exceptionless.json'), JSON.stringify(exl))

  children.push(await startMock(['--api', 'dadi', '--api', 'exceptionless', '--fixtures', `dadi=${join(work, 'dadi.json')}`, '--fixtures', `exceptionless=${join(work, 'exceptionless.json')}`, '--mutant', 'dadi:echo-secret', '--mutant', 'exceptionless:basic-key-echo'], PORT_BASE))
  await Promise.all([proxy(PROXY.dadi, PORT_BASE), proxy(PROXY.exceptionless, PORT_BASE + 1)])
  const env = envTarget({ dadi: `http://127.0.0.1:${PROXY.dadi}`, exceptionless: `http://127.0.0.1:${PROXY.exceptionless}` }, { dadi, exceptionless: exl }, { AUTHCONFORM_REPORT_DIR: join(work, 'report'), AUTHCONFORM_OUTPUT_DIR: join(work, 'test-results') })
  const run = await runSuites(['suites/dadi', 'suites/exceptionless'], env)

  // The mutants make it fail, on the echo requirements; the run itself worked.
  assert.equal(run.status, 1, run.output.slice(-3000))
  const report = JSON.parse(readFileSync(join(work, 'report', 'conformance.json'), 'utf8')) as { apis: { api: string; requirements: { id: string; status: string; tests: { evidence?: { echoes?: { credential: string; where: string }[] }[] }[] }[] }[] }
  const echo = (api: string, id: string) => report.apis.find((a) => a.api === api)!.requirements.find((r) => r.id === id)!
  for (const [api, id] of [['dadi', 'DADI-NO-ECHO'], ['exceptionless', 'EXL-NO-ECHO']] as const) {
    const requirement = echo(api, id)
    assert.equal(requirement.status, 'failed', `${id} must report the echo`)
    const echoes = requirement.tests.flatMap((t) => (t.evidence ?? []).flatMap((e) => e.echoes ?? []))
    assert.ok(echoes.length > 0, `${id}: the evidence names the echoed credential`)
  }

  // The run learned real secrets (not just the seeded ones): tokens were issued and sent.
  assert.ok(secrets.size > 20, `only ${secrets.size} secrets seen`)
  // What only identifies (client ids, emails) and the suites' own literal probes ('%%%%', 'x-oauth-basic') are public.
  const literals = filesUnder(join(ROOT, 'suites')).map((f) => readFileSync(f, 'utf8')).join('\n')
  const identifiers = new Set([env.DADI_CLIENT_ID, env.DADI_RESTRICTED_CLIENT_ID, ...exl.users.map((u: { email: string }) => u.email)])
  for (const secret of secrets) if (identifiers.has(secret) || literals.includes(secret)) secrets.delete(secret)
  const files = [...filesUnder(join(work, 'report')), ...filesUnder(join(work, 'test-results'))]
  assert.ok(files.some((f) => f.endsWith('index.html')) && files.some((f) => f.endsWith('junit.xml')) && files.some((f) => f.endsWith('conformance.md')))
  const leaks: string[] = []
  const mask = (s: string) => `${s.slice(0, 3)}…(${s.length})`
  for (const [where, text] of [...files.map((f) => [f.slice(work.length + 1), readFileSync(f, 'latin1')] as const), ['console output', run.output] as const]) {
    for (const secret of secrets) {
      const at = text.indexOf(secret)
      // The context around it (the secret itself masked): what wrote it.
      if (at >= 0) leaks.push(`${where}: ${mask(secret)} in …${text.slice(Math.max(0, at - 80), at).replace(/\s+/g, ' ')}«secret»${text.slice(at + secret.length, at + secret.length + 40).replace(/\s+/g, ' ')}…`)
    }
  }
  assert.deepEqual(leaks, [], `secrets written out:\n${leaks.join('\n')}`)
})

// Keep the proxy's learning honest: a Basic header yields its decoded parts; a form body its secret fields.
test('the recording proxy learns Basic parts, query tokens and form secrets', () => {
  const before = new Set(secrets)
  learnRequest('POST', new URL('http://x/token?access_token=query-token-1234'), { authorization: `Basic ${Buffer.from('user-name-1:pass-word-1').toString('base64')}` }, 'clientId=abc&secret=form-secret-1')
  for (const s of ['query-token-1234', 'user-name-1', 'pass-word-1', 'form-secret-1']) assert.ok(secrets.has(s) && !before.has(s), s)
  for (const s of ['query-token-1234', 'user-name-1', 'pass-word-1', 'form-secret-1']) secrets.delete(s)
})
