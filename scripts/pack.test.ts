/**
 * The package as a new user gets it: `npm pack` (which builds dist/), installed with `npm install -D` into a
 * scratch project that has nothing else, then only its bin: init writes the targets file, `authconform mock`
 * serves the mock, `authconform run` judges it and passes, and two broken set-ups end before any test with
 * their sentence and exit status (a secret missing: 2; the URL at a closed port: 3). The installed tree holds
 * neither tsx nor esbuild: the package runs without them.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'

const ROOT = join(import.meta.dirname, '..')
const PORT_BASE = 5460
const work = mkdtempSync(join(tmpdir(), 'authconform-pack-'))
const project = join(work, 'project')
const timings: Record<string, number> = {}
let mock: ChildProcess | undefined
after(() => {
  // npx starts the mock as its child: end the whole group it leads.
  if (mock?.pid) process.kill(-mock.pid, 'SIGTERM')
  rmSync(work, { recursive: true, force: true })
  console.log(`# pack test timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`)
})

const timed = <T>(label: string, work: () => T): T => {
  const started = performance.now()
  try {
    return work()
  } finally {
    timings[label] = performance.now() - started
  }
}

/** The seeded DADI clients of the mock as the variables of the `local` target init writes. */
const DADI = { DADI_BASE_URL: `http://127.0.0.1:${PORT_BASE}`, DADI_CLIENT_ID: 'testClient', DADI_SECRET: 'superSecret', DADI_RESTRICTED_CLIENT_ID: 'booksClient', DADI_RESTRICTED_SECRET: 'booksOnlySecret',
  // The collections the mock's settings open (a deployment names its own, or DADI-ACL-DENY expects them refused).
  DADI_OPEN_COLLECTION: '/1.0/library/open', DADI_PUBLIC_COLLECTION: '/1.0/library/public', DADI_GET_ONLY_COLLECTION: '/1.0/library/readers',
  DADI_LOWERCASE_COLLECTION: '/1.0/library/lowercase', DADI_CACHED_COLLECTION: '/1.0/library/cached', DADI_OTHER_DATABASE_COLLECTION: '/1.0/otherdb/books' }
const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DADI|EXCEPTIONLESS|AUTHCONFORM|TARGET)_?/.test(k)))

function npx(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string; ms: number }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'authconform', ...args], { cwd: project, env: { ...bare, CI: '1', ...env } })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    child.on('close', (status) => resolve({ status, output, ms: performance.now() - started }))
  })
}

before(() => {
  const tarball = timed('pack', () => execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!)
  execFileSync('mkdir', ['-p', project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'staging-checks', version: '1.0.0', private: true, type: 'commonjs' }))
  timed('install', () => execFileSync('npm', ['install', '-D', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] }))
})

describe('the packed package in a fresh project', () => {
  it('installs with its runtime dependencies and without the TypeScript toolchain', () => {
    const modules = join(project, 'node_modules')
    for (const dependency of ['@playwright/test', 'zod', 'yaml', 'ajv', 'hono']) assert.ok(existsSync(join(modules, dependency)), `${dependency} is installed`)
    for (const tool of ['tsx', 'esbuild', 'typescript']) assert.ok(!existsSync(join(modules, tool)), `${tool} is not needed and not installed`)
    const installed = join(modules, 'authconform')
    assert.ok(!existsSync(join(installed, 'scripts')) && existsSync(join(installed, 'dist', 'bundles', 'mock.bundle.mjs')), 'built files only')
  })

  it('writes a commented targets file for the APIs asked for', async () => {
    const result = await npx(['init', '--api', 'dadi', '--target', 'local'])
    assert.equal(result.status, 0, result.output)
    const text = readFileSync(join(project, 'authconform.targets.yaml'), 'utf8')
    assert.match(text, /^local:\n {2}description:/m)
    assert.match(text, /# DADI API: profiles dadi@3 .*\n\s+# Required: DADI_BASE_URL, DADI_CLIENT_ID, DADI_SECRET, DADI_RESTRICTED_CLIENT_ID, DADI_RESTRICTED_SECRET\./)
    assert.match(text, /secret: \{ env: DADI_SECRET \}/)
    assert.doesNotMatch(text, /exceptionless/i)
    assert.match(result.output, /add reports\/ and blob-report\/ to \.gitignore/)
  })

  it('serves the mock and passes against it', async () => {
    mock = spawn('npx', ['--no-install', 'authconform', 'mock', '--api', 'dadi', '--port-base', String(PORT_BASE), '--quiet'], { cwd: project, env: bare, stdio: 'ignore', detached: true })
    for (let i = 0; i < 100 && !(await fetch(`${DADI.DADI_BASE_URL}/`).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100))
    const result = await npx(['run', '--target', 'local', '--api', 'dadi', '--rate-limit', '100'], DADI)
    timings.run = result.ms
    assert.equal(result.status, 0, result.output.slice(-3000))
    assert.match(result.output, /✔ DADI API at http:\/\/127\.0\.0\.1:5460: answers, credentials accepted/)
    const report = JSON.parse(readFileSync(join(project, 'reports', 'local', 'conformance.json'), 'utf8'))
    assert.equal(report.target, 'local')
    assert.ok(report.summary.passed >= 20 && report.summary.failed === 0 && report.summary.blocked === 0, JSON.stringify(report.summary))
    assert.ok(existsSync(join(project, 'reports', 'local', 'index.html')))
    assert.deepEqual(readdirSync(project).sort(), ['authconform.targets.yaml', 'node_modules', 'package-lock.json', 'package.json', 'reports'], 'it writes nothing else into the project')
  })

  it('lists what would run, and re-renders the report, from the installed package', async () => {
    const dry = await npx(['run', '--target', 'local', '--dry-run', '--level', 'MUST'], DADI)
    assert.equal(dry.status, 0, dry.output)
    assert.match(dry.output, /DADI API — profile dadi@3 — http:\/\/127\.0\.0\.1:5460\n {2}would run \d+ test\(s\)/)
    const rendered = await npx(['report', 'render', 'reports/local'])
    assert.equal(rendered.status, 0, rendered.output)
    assert.match(rendered.output, /rendered reports\/local\/index\.html/)
  })

  it('names a missing secret before any test (exit 2)', async () => {
    const result = await npx(['run', '--target', 'local'], { ...DADI, DADI_RESTRICTED_SECRET: '' })
    timings['missing secret'] = result.ms
    assert.equal(result.status, 2, result.output)
    assert.match(result.output, /target "local" needs 1 environment variable that is not set:\n\s+dadi: DADI_RESTRICTED_SECRET/)
  })

  it('says nothing answers at a closed port (exit 3)', async () => {
    const result = await npx(['run', '--target', 'local'], { ...DADI, DADI_BASE_URL: `http://127.0.0.1:${PORT_BASE + 9}` })
    timings['closed port'] = result.ms
    assert.equal(result.status, 3, result.output)
    assert.match(result.output, /DADI API at http:\/\/127\.0\.0\.1:5469: nothing answers \(connection refused at 127\.0\.0\.1:5469\) — is the server up and the URL right\?/)
    assert.doesNotMatch(result.output, /Running \d+ tests?/)
  })
})
