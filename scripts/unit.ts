/**
 * npm run test:unit — the mocks' and the harness's own unit tests (node:test), found as **\/*.test.ts
 * under mocks/, harness/, bench/, tools/ and scripts/ (but scripts/pack.test.ts: npm run test:pack). Node 20's
 * --test takes no globs, so this lists the files.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const find = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? find(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []))
// The pack test (npm pack, a fresh install) has its own command, npm run test:pack, which .ci/run runs.
const files = ['mocks', 'harness', 'bench', 'tools', 'scripts'].flatMap(find).filter((f) => !f.endsWith('pack.test.ts')).sort()
if (!files.length) throw new Error('[authconform] no unit tests found')
// Two files at a time even on two cores (node's default is one fewer than the cores): the slow ones — whole runs of
// the suites against a mock process, a proxy, shards — mostly wait on other processes. Each uses its own ports and
// output folders.
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit' })
process.exit(run.status ?? 1)
