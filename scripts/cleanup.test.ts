/**
 * Everything the suites create on a real server is removed at the end, and nothing else is touched: the
 * Exceptionless mock with one shared state (no control surface, as a real server), a key made before the run
 * by someone else, the key suites run through `authconform run`; afterwards the project holds exactly the keys
 * it held before, that one included, and the run says what it removed.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { envTarget, ROOT, startMock } from './testing/mock-target.ts'

const PORT_BASE = 5450
const URL = `http://127.0.0.1:${PORT_BASE + 1}`
const work = mkdtempSync(join(tmpdir(), 'authconform-cleanup-'))
let mock: ChildProcess | undefined
after(() => {
  mock?.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

const PROJECT = '537650f3b77efe23a47914f4'
const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })

/** Every key id of the project, page by page. */
async function keys(token: string): Promise<string[]> {
  const ids: string[] = []
  for (let page = 1; page <= 50; page++) {
    const list = (await (await fetch(`${URL}/api/v2/projects/${PROJECT}/tokens?page=${page}&limit=100`, { headers: json(token) })).json()) as { id: string }[]
    ids.push(...list.map((k) => k.id))
    if (list.length < 100) break
  }
  return ids.sort()
}

test('a run removes the keys it created, and only those', { timeout: 300_000 }, async () => {
  mock = await startMock(['--api', 'exceptionless'], PORT_BASE, { control: false, port: PORT_BASE + 1 })
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'mocks/exceptionless/fixtures.json'), 'utf8'))
  const env: NodeJS.ProcessEnv = { ...envTarget({ exceptionless: URL }, { exceptionless: fixtures }), AUTHCONFORM_CONTROL: '0', AUTHCONFORM_REPORT_DIR: join(work, 'report'), AUTHCONFORM_OUTPUT_DIR: join(work, 'out') }
  const login = (await (await fetch(`${URL}/api/v2/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: env.EXCEPTIONLESS_EMAIL, password: env.EXCEPTIONLESS_PASSWORD }) })).json()) as { token: string }
  // Someone else's key, made before the run: it must survive it.
  const theirs = (await (await fetch(`${URL}/api/v2/projects/${PROJECT}/tokens`, { method: 'POST', headers: json(login.token), body: JSON.stringify({ scopes: ['client'], notes: 'not the suite’s' }) })).json()) as { id: string }
  const before = await keys(login.token)
  assert.ok(before.includes(theirs.id))

  const files = ['tokens.spec', 'scopes.spec', 'walk.spec'].map((f) => `suites/exceptionless/${f}`)
  const run = await new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'authconform.mjs'), 'run', '--target', 'env', '--api', 'exceptionless', '--', ...files], { cwd: work, env })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    child.on('close', (status) => resolve({ status, output }))
  })
  assert.equal(run.status, 0, run.output.slice(-3000))
  const summary = /cleanup: the suites created (\d+) thing\(s\) on the target \(\d+ × exceptionless project key\); (\d+) removed, 0 left/.exec(run.output)
  assert.ok(summary, `the run sums up its cleanup:\n${run.output.slice(-2000)}`)
  assert.ok(Number(summary[1]) >= 10 && summary[1] === summary[2], summary[0])
  assert.doesNotMatch(run.output, new RegExp(theirs.id), 'no key id is printed')

  const afterwards = await keys(login.token)
  assert.deepEqual(afterwards, before, 'the project holds exactly the keys it held before the run')
})
