import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { EXT, PACKAGE_ROOT, ROOT } from '../../harness/paths.ts'

/** A mistake in how the command was called or configured: its message is printed alone, and the exit status is 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Exit statuses of `authconform` (README "Exit status"). */
export const EXIT = { passed: 0, failed: 1, usage: 2, unreachable: 3 } as const

/** The targets file a user's repository keeps, found in the working directory unless --targets names one. */
export const USER_TARGETS = 'authconform.targets.yaml'

export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

/** The targets file of this run: --targets, else ./authconform.targets.yaml, else none (the package's own: mock and env). */
export function findTargetsFile(given: string | undefined): string | undefined {
  if (given) {
    if (!existsSync(given)) throw new UsageError(`--targets ${given}: no such file (npx authconform init writes one)`)
    return resolve(given)
  }
  return existsSync(USER_TARGETS) ? resolve(USER_TARGETS) : undefined
}

/** The Playwright command line of the package's own @playwright/test, and the package's config for it. */
export const playwrightCli = (): string => createRequire(import.meta.url).resolve('@playwright/test/cli')
export const ownConfig = (): string => join(ROOT, `playwright.config${EXT}`)

/** Runs node with these arguments, output passed through; resolves to its exit status (a signal counts as 130). */
export function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward).on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward)
      done(code ?? (signal ? 130 : 1))
    })
  })
}

/** Runs node and collects what it printed. */
export function captureNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('close', (code) => done({ status: code ?? 1, stdout, stderr }))
  })
}

/** A comma- or space-separated, repeatable option as one list. */
export const listOf = (values: readonly string[] | undefined): string[] => (values ?? []).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean)
