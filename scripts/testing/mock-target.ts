/**
 * For the end-to-end tests of the run itself (redaction, shards): a mock started as its own process, as a team's
 * staging would be, and the `TARGET=env` environment that points the suites at it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/**
 * `npm run mock` with the control surface on (off: one shared state, as a real server has); resolves once it
 * answers.
 */
export async function startMock(args: readonly string[], portBase: number, { control = true, port = portBase } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/mock.ts', '--port-base', String(portBase), ...(control ? ['--control'] : []), '--quiet', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the mock exited with ${child.exitCode}`)
    const probe = control ? `http://127.0.0.1:${port}/__mock/health` : `http://127.0.0.1:${port}/`
    if (await fetch(probe).then((r) => r.ok || !control, () => false)) return child
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error(`the mock at ${portBase} did not come up`)
}

interface Users {
  dadi?: { clients: { clientId: string; secret: string }[] }
  exceptionless?: { users: { email: string; password: string }[] }
}

/** TARGET=env for the mock's DADI (profile dadi@3) and Exceptionless at the given URLs, with its seeded users. */
export function envTarget(urls: { dadi?: string; exceptionless?: string }, users: Users, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // A local mock needs no politeness: no rate limit (the limiter still runs, bounding requests in flight).
  const env: NodeJS.ProcessEnv = { ...process.env, TARGET: 'env', CI: '1', AUTHCONFORM_CONTROL: '1', AUTHCONFORM_RATE_LIMIT: '0', ...extra }
  if (urls.dadi && users.dadi) {
    const [primary, restricted] = users.dadi.clients
    Object.assign(env, {
      DADI_BASE_URL: urls.dadi,
      DADI_PROFILE: 'dadi@3',
      DADI_CLIENT_ID: primary!.clientId,
      DADI_SECRET: primary!.secret,
      DADI_RESTRICTED_CLIENT_ID: restricted!.clientId,
      DADI_RESTRICTED_SECRET: restricted!.secret,
      DADI_OTHER_VERSION_COLLECTION: '/2.0/library/books',
    })
  }
  if (urls.exceptionless && users.exceptionless) {
    const password = (email: string) => users.exceptionless!.users.find((u) => u.email === email)!.password
    Object.assign(env, {
      EXCEPTIONLESS_BASE_URL: urls.exceptionless,
      EXCEPTIONLESS_EMAIL: 'noreply@exceptionless.io',
      EXCEPTIONLESS_PASSWORD: password('noreply@exceptionless.io'),
      EXCEPTIONLESS_GLOBAL_EMAIL: 'admin@exceptionless.test',
      EXCEPTIONLESS_GLOBAL_PASSWORD: password('admin@exceptionless.test'),
      EXCEPTIONLESS_LOCKOUT_EMAIL: 'lockout@exceptionless.test',
      EXCEPTIONLESS_LOCKOUT_PASSWORD: password('lockout@exceptionless.test'),
      EXCEPTIONLESS_ORGANIZATION_ID: '537650f3b77efe23a47914f3',
      EXCEPTIONLESS_PROJECT_ID: '537650f3b77efe23a47914f4',
      EXCEPTIONLESS_FOREIGN_PROJECT_ID: '6a1b2c3d4e5f60718293a4b6',
    })
  }
  return env
}

/** Runs the Playwright CLI (`npm run conformance -- …`) and collects what it printed. */
export function runSuites(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', ...args], { cwd: ROOT, env })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    child.on('close', (status) => resolve({ status, output }))
  })
}
