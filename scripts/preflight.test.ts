/**
 * A clear first failure, end to end through `authconform run` as a team would call it: a missing secret, a
 * server that is down, one answering HTML or 404 where DADI answers JSON, a self-signed certificate, and wrong
 * credentials each end the run before any test, with one sentence that says what is wrong, the exit status the
 * README documents, and (for the preflight) a report that says the same. The bound on each run is computed from
 * this machine's own start-up time (`authconform --version`), never a fixed number of seconds.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttp, type Server } from 'node:http'
import { createServer as createHttps } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { envTarget, ROOT, startMock } from './testing/mock-target.ts'

const PORTS = { closed: 5440, html: 5441, notFound: 5442, tls: 5443, mock: 5444 }
const BIN = join(ROOT, 'bin', 'authconform.mjs')
const work = mkdtempSync(join(tmpdir(), 'authconform-preflight-'))
const servers: Server[] = []
let mock: ChildProcess | undefined
let startup = 0
after(() => {
  mock?.kill('SIGTERM')
  for (const server of servers) server.close()
  rmSync(work, { recursive: true, force: true })
})

const listen = (server: Server, port: number) => new Promise<void>((resolve) => servers.push(server.listen(port, '127.0.0.1', () => resolve())))

/** `authconform run` with the DADI variables of the mock's seeded clients, against `url`. */
function run(url: string, extra: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<{ status: number | null; output: string; ms: number; report: string }> {
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'mocks/dadi/fixtures.json'), 'utf8'))
  const report = join(work, `report-${new URL(url).port}-${Math.random().toString(36).slice(2)}`)
  const env = { ...envTarget({ dadi: url }, { dadi: fixtures }), AUTHCONFORM_CONTROL: '0', AUTHCONFORM_REPORT_DIR: report, AUTHCONFORM_OUTPUT_DIR: `${report}-output`, ...extra }
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', '--target', 'env', '--api', 'dadi', ...args], { cwd: work, env })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    child.on('close', (status) => resolve({ status, output, ms: performance.now() - started, report }))
  })
}

/** Ended before any test, within start-up plus the preflight's own timeout (5 s) and as much again to spare. */
function endedEarly(result: { output: string; ms: number }) {
  assert.doesNotMatch(result.output, /Running \d+ tests?/, 'no test ran')
  const bound = 4 * startup + 10_000
  assert.ok(result.ms < bound, `ended after ${Math.round(result.ms)} ms; start-up alone takes ${Math.round(startup)} ms here (bound ${Math.round(bound)} ms)`)
}

/** The report of a run stopped by its preflight: every DADI requirement blocked, the message the reason and first cause. */
function reportSays(dir: string, message: RegExp) {
  const report = JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8'))
  const dadi = report.apis.find((a: { api: string }) => a.api === 'dadi')
  assert.ok(dadi.requirements.filter((r: { status: string }) => r.status !== 'skipped').every((r: { status: string; reason: string }) => r.status === 'blocked' && message.test(r.reason)))
  assert.match(report.causes[0].symptom, message)
  assert.equal(report.summary.passed + report.summary.failed, 0)
}

before(async () => {
  const started = performance.now()
  execFileSync(process.execPath, [BIN, '--version'])
  startup = performance.now() - started
  await listen(createHttp((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Welcome to nginx!</body></html>')), PORTS.html)
  await listen(createHttp((_, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}')), PORTS.notFound)
  mock = await startMock(['--api', 'dadi'], PORTS.mock)
})

// The cases are independent (their own ports and report folders): two at a time, one per core.
describe('authconform run stops before any test, saying why', { concurrency: 2 }, () => {
  it('names every missing secret at once (exit 2)', async () => {
    const result = await run(`http://127.0.0.1:${PORTS.mock}`, { DADI_SECRET: '', DADI_RESTRICTED_SECRET: '' })
    assert.equal(result.status, 2, result.output)
    assert.match(result.output, /target "env" needs 2 environment variables that are not set:\n\s+dadi: DADI_SECRET, DADI_RESTRICTED_SECRET/)
    endedEarly(result)
  })

  it('says nothing answers when the server is down (exit 3)', async () => {
    const result = await run(`http://127.0.0.1:${PORTS.closed}`)
    assert.equal(result.status, 3, result.output)
    assert.match(result.output, /✘ DADI API at http:\/\/127\.0\.0\.1:5440: nothing answers \(connection refused at 127\.0\.0\.1:5440\) — is the server up and the URL right\?/)
    endedEarly(result)
    reportSays(result.report, /nothing answers/)
  })

  it('says the base URL is wrong when it answers HTML (exit 3)', async () => {
    const result = await run(`http://127.0.0.1:${PORTS.html}`)
    assert.equal(result.status, 3, result.output)
    assert.match(result.output, /DADI API at http:\/\/127\.0\.0\.1:5441: answers HTML, not the DADI API \(POST \/token → 200 text\/html: <!doctype html>.*\) — is the base URL the API's root\?/)
    endedEarly(result)
    reportSays(result.report, /answers HTML/)
  })

  it('says the base URL is wrong when it answers 404 (exit 3)', async () => {
    const result = await run(`http://127.0.0.1:${PORTS.notFound}`)
    assert.equal(result.status, 3, result.output)
    assert.match(result.output, /DADI API at http:\/\/127\.0\.0\.1:5442: POST \/token → 404: nothing of the DADI API at this URL — is the base URL the API's root\?/)
    endedEarly(result)
  })

  it('says the certificate is not trusted and how to trust it (exit 3)', async (t) => {
    const [key, cert] = [join(work, 'key.pem'), join(work, 'cert.pem')]
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', key, '-out', cert], { stdio: 'ignore' })
    } catch {
      return t.skip('openssl is not installed: no certificate to serve')
    }
    const server = createHttps({ key: readFileSync(key), cert: readFileSync(cert) }, (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'))
    await listen(server as unknown as Server, PORTS.tls)
    const result = await run(`https://127.0.0.1:${PORTS.tls}`)
    assert.equal(result.status, 3, result.output)
    assert.match(result.output, /DADI API at https:\/\/127\.0\.0\.1:5443: its TLS certificate is not trusted here \(DEPTH_ZERO_SELF_SIGNED_CERT: self[- ]signed certificate\) — if it is your own CA, give its certificate to node: NODE_EXTRA_CA_CERTS=/)
    endedEarly(result)
  })

  it('names the client whose secret the server refused (exit 3)', async () => {
    const result = await run(`http://127.0.0.1:${PORTS.mock}`, { DADI_SECRET: 'not-the-secret' })
    assert.equal(result.status, 3, result.output)
    assert.match(result.output, /DADI API at http:\/\/127\.0\.0\.1:5444: refused clientId testClient's secret \(401 invalid_credentials\) — check the primary client's secret/)
    assert.doesNotMatch(result.output, /not-the-secret/, 'the secret itself is never printed')
    endedEarly(result)
    reportSays(result.report, /refused clientId testClient's secret/)
  })

  it('lists, without sending anything, what would run and what would be skipped (dry run)', async () => {
    writeFileSync(join(work, 'marker'), '')
    const result = await run(`http://127.0.0.1:${PORTS.closed}`, { DADI_PROFILE: 'dadi@6' }, ['--dry-run', '--level', 'MUST'])
    assert.equal(result.status, 0, result.output)
    assert.match(result.output, /dry run of target "env" \(targets\.yaml\), narrowed by --api dadi and --level MUST: nothing is sent/)
    assert.match(result.output, /DADI API — profile dadi@6 — http:\/\/127\.0\.0\.1:5440\n {2}would run \d+ test\(s\), covering \d+ requirement\(s\):/)
    assert.match(result.output, /token\.spec\.ts:\d+ +POST \/token — client credentials › issues a token with exactly the documented fields {2}\[DADI-TOKEN-SHAPE\]/)
    assert.match(result.output, /access-table\.spec\.ts +access table \(dadi\) › no Authorization: every operation answers as the access table says {2}\[.*DADI-AUTH-MISSING/)
    assert.match(result.output, /skipped — holds in dadi@3 only, not in dadi@6: .*DADI-ACL-VERSION/)
    assert.match(result.output, /not selected \(--api dadi and --level MUST\): .*DADI-AUTH-SCHEME-CASE/)
    assert.match(result.output, /judged over every exchange of the tests that run: .*DADI-SPEC/)
  })
})
