import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { request } from 'node:http'
import { createServer } from 'node:net'

/**
 * Which CPU a role runs on: the server under test on CPU 0, the load generator on CPU 1 (with `taskset`, on a
 * machine with two or more CPUs). On two cores an unpinned scheduler moves both around and makes each
 * server's number depend on how much CPU the load generator happened to get.
 */
const CPU = { server: 0, load: 1 } as const
const canPin = cpus().length >= 2 && existsSync('/usr/bin/taskset')

/** `command args` wrapped in `taskset -c <cpu>` for its role, when the machine allows. */
export function pinned(role: keyof typeof CPU, command: string, args: readonly string[]): [string, string[]] {
  return canPin ? ['/usr/bin/taskset', ['-c', String(CPU[role]), command, ...args]] : [command, [...args]]
}

/** Describes the pinning for the report's method notes. */
export const pinning = canPin ? 'server processes pinned to CPU 0 and the load generator to CPU 1 (taskset)' : 'not pinned (needs taskset and two CPUs)'

/** Every child the benchmark started and has not stopped yet, so an error or Ctrl-C still stops them all. */
const live = new Set<ChildProcess>()

/**
 * Starts a child in its own process group (so its own children stop with it) and tracks it until it exits.
 * The child's stderr is kept (last 4 KB) for error messages.
 */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess & { stderrTail: () => string } {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, ...options })
  let tail = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4096)
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return Object.assign(child, { stderrTail: () => tail })
}

/** Stops one tracked child (its whole process group) and waits for it to exit, SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(child, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
  // The group may outlive its leader (npx-style wrappers); make sure nothing is left behind.
  signalGroup(child, 'SIGKILL')
}

/** Stops every child still running. Safe to call more than once. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((child) => stopChild(child)))
}

/** Synchronous last resort for `process.on('exit')`: SIGKILLs every tracked process group. */
export function killAllNow(): void {
  for (const child of live) signalGroup(child, 'SIGKILL')
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** One GET over a fresh connection; resolves with the status, or with 0 when the server is not up yet. */
export function probe(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume()
      res.once('end', () => resolve(res.statusCode ?? 0))
    })
    req.once('timeout', () => req.destroy())
    req.once('error', () => resolve(0))
    req.end()
  })
}

/**
 * Polls `url` every `intervalMs` until it answers 200 (or any status, with `anyStatus`); returns ms since
 * `since` (a performance.now() value). Throws (with the child's stderr) if the child exits first or `timeoutMs` passes.
 */
export async function waitForHttp(url: string, child: ReturnType<typeof spawnTracked>, since: number, timeoutMs: number, intervalMs = 2, anyStatus = false): Promise<number> {
  const deadline = since + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`[authconform] ${url}: server exited (${child.exitCode ?? child.signalCode}) before answering\n${child.stderrTail()}`)
    }
    const status = await probe(url)
    if (status === 200 || (anyStatus && status > 0)) return performance.now() - since
    if (performance.now() > deadline) throw new Error(`[authconform] ${url}: no 200 within ${timeoutMs} ms (last status ${status})\n${child.stderrTail()}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS); undefined where /proc is missing. */
export function rssMb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** A port base from which `span` consecutive ports on 127.0.0.1 are free right now. */
export async function freePortBase(span: number, from = 5100, to = 6000): Promise<number> {
  for (let base = from; base + span <= to; base += span) {
    let free = true
    for (let p = base; p < base + span && free; p++) free = await portFree(p)
    if (free) return base
  }
  throw new Error(`[authconform] no ${span} free consecutive ports between ${from} and ${to}`)
}
