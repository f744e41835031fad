import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/**
 * Real servers of the documented APIs, installed from the npm registry into their own folders under `.real/`
 * (outside the project's dependencies) and started on loopback, seeded for the suites. Each is a named target of
 * targets.yaml, with its profile and its declared deviations (`waivers/<target>.yaml`).
 */
export interface RealServer {
  /** The target name in targets.yaml and waivers/. */
  target: string
  api: 'dadi'
  version: string
  /** The suites' folder for it. */
  suites: string
}

export const REAL_SERVERS: readonly RealServer[] = [
  { target: 'dadi-3.2.2', api: 'dadi', version: '3.2.2', suites: 'suites/dadi' },
  { target: 'dadi-6.1.0', api: 'dadi', version: '6.1.0', suites: 'suites/dadi' },
]

const ROOT = join(import.meta.dirname, '..')
export const installDir = (server: RealServer) => join(ROOT, '.real', server.target)

export function isInstalled(server: RealServer): boolean {
  return existsSync(join(installDir(server), 'node_modules', '@dadi', 'api', 'package.json'))
}

/** Installs one server with its own package.json and lockfile (real/dadi/install.sh); throws when it fails. */
export function install(server: RealServer): void {
  const run = spawnSync('bash', [join(ROOT, 'real', server.api, 'install.sh'), server.version, installDir(server)], { stdio: 'inherit' })
  if (run.status !== 0) throw new Error(`[authconform] installing ${server.target} failed (exit ${run.status}); see the output above`)
}

export interface Started {
  baseURL: string
  /** The environment the suites read for this target (base URL, credentials, collections, profile). */
  env: Record<string, string>
  stop(): Promise<void>
}

/**
 * Starts a seeded server on `port` with a short token lifetime (so the expiry checks run in seconds) and waits
 * for it to answer; `stop()` ends it and removes its temporary data.
 */
export async function start(server: RealServer, port: number, tokenTtl = 8): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'real', server.api, 'start.mjs'), '--dir', installDir(server), '--version', server.version, '--port', String(port), '--token-ttl', String(tokenTtl)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const line = await Promise.race([
    new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve)),
    exited.then((code) => {
      throw new Error(`[authconform] ${server.target} exited (${code}) before it answered; is it installed? (npm run real -- install)`)
    }),
  ])
  const started = JSON.parse(line) as { baseURL: string; env: Record<string, string> }
  return {
    baseURL: started.baseURL,
    env: started.env,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}
