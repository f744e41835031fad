/**
 * Shards merge into the report of the unsharded run: the same broken server (DADI with two defects switched on)
 * judged once whole and once as two shards whose blob reports `npm run report -- merge` joins. Requirement by
 * requirement the statuses, reasons, tests and causes agree, and both runs fail.
 */
import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import type { ConformanceReport } from '../harness/report/schema.ts'
import { envTarget, ROOT, runSuites, startMock } from './testing/mock-target.ts'

const PORT = 5630
const SPEC = 'suites/dadi/token.spec.ts'
const work = mkdtempSync(join(tmpdir(), 'authconform-shards-'))
let mock: ChildProcess | undefined
after(() => {
  mock?.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

/** What must not depend on how the run was cut: everything but times and run metadata. */
const essence = (r: ConformanceReport) => ({
  summary: r.summary,
  causes: r.causes,
  apis: r.apis.map((a) => ({
    api: a.api,
    profile: a.profile,
    summary: a.summary,
    access: a.access,
    requirements: a.requirements.map((q) => ({ id: q.id, status: q.status, reason: q.reason, tests: q.tests.map((t) => ({ title: t.title, location: t.location, status: t.status, errors: t.errors, exchanges: t.evidence?.length ?? 0 })).sort((x, y) => x.title.localeCompare(y.title)) })),
  })),
})

test('two shards merged make the report of the whole run', { timeout: 300_000 }, async () => {
  mock = await startMock(['--api', 'dadi', '--mutant', 'dadi:acl-prefix-match', '--mutant', 'dadi:echo-secret'], PORT)
  const fixtures = JSON.parse(readFileSync(join(ROOT, 'mocks/dadi/fixtures.json'), 'utf8'))
  const env = (extra: Record<string, string>) => envTarget({ dadi: `http://127.0.0.1:${PORT}` }, { dadi: fixtures }, { AUTHCONFORM_OUTPUT_DIR: join(work, 'test-results'), ...extra })

  // One file of the suite keeps the three runs short; the merge is then told the shards were narrowed too.
  const whole = await runSuites([SPEC], env({ AUTHCONFORM_REPORT_DIR: join(work, 'whole') }))
  assert.equal(whole.status, 1, whole.output.slice(-2000))
  mkdirSync(join(work, 'blobs'))
  for (const i of [1, 2]) {
    const shard = await runSuites([SPEC, `--shard=${i}/2`], env({ AUTHCONFORM_REPORT_DIR: join(work, `shard${i}`), AUTHCONFORM_BLOB_DIR: join(work, `blob${i}`) }))
    assert.ok(shard.status === 0 || shard.status === 1, shard.output.slice(-2000))
    // Each machine uploads its blob folder; CI gathers them into one.
    for (const zip of readdirSync(join(work, `blob${i}`))) cpSync(join(work, `blob${i}`, zip), join(work, 'blobs', zip))
  }
  assert.equal(readdirSync(join(work, 'blobs')).length, 2)

  const merge = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', 'merge', join(work, 'blobs'), '--target', 'env', '--filtered', '--out', join(work, 'merged')], { cwd: ROOT, env: env({}), encoding: 'utf8' })
  assert.equal(merge.status, 1, `the merged run fails as the whole run did\n${merge.stdout}${merge.stderr}`)

  const read = (dir: string) => JSON.parse(readFileSync(join(work, dir, 'conformance.json'), 'utf8')) as ConformanceReport
  const [unsharded, merged] = [read('whole'), read('merged')]
  assert.ok(unsharded.summary.failed >= 2 && unsharded.causes.length >= 1, `the defects show: ${JSON.stringify(unsharded.summary)}`)
  assert.deepEqual(essence(merged), essence(unsharded))
  assert.equal(merged.run?.filtered, true)
  assert.ok(merged.apis[0]!.requirements.some((r) => r.status === 'skipped' && /narrowed/.test(r.reason ?? '')), 'what the file does not check is skipped, as in the whole run')
  // Each shard alone reports what it did not run as skipped (another shard's), never as untested.
  for (const i of [1, 2]) assert.equal(read(`shard${i}`).summary['not-tested'], 0)
})
