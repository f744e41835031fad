import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { specDocuments } from '../evidence/spec-validator.ts'
import { PACKAGE_ROOT, ROOT } from '../paths.ts'
import type { ResolvedApiTarget } from '../targets.ts'
import type { ConformanceReport } from './schema.ts'

/** What the run was, for the report: never a secret — base URLs, profiles, versions and document hashes only. */
export function runInfo(options: { startedAt: Date; apis: readonly { api: string; baseURL: string }[]; covered: readonly { api: string; profile: string }[]; shard?: { current: number; total: number } | null; filtered: boolean }): NonNullable<ConformanceReport['run']> {
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  } catch {
    /* not a git checkout (an installed package) */
  }
  const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
  return {
    startedAt: options.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    harness: { version, commit },
    node: process.version,
    ...(options.shard ? { shard: { current: options.shard.current, total: options.shard.total } } : {}),
    filtered: options.filtered,
    apis: options.covered.map(({ api, profile }) => {
      const target = options.apis.find((a) => a.api === api)
      return { api, profile, baseURL: target?.baseURL ?? '', documents: specDocuments(api).map((d) => ({ file: relative(ROOT, d.file), sha256: sha256(d.file) })) }
    }),
  }
}
