/**
 * npm run real -- install                 install every real server (.real/<target>, from the npm registry)
 * npm run real -- start dadi-6.1.0        start one, seeded, and print its URL and the variables the suites read
 * npm run real -- test [dadi-3.2.2 …]     run its suites against each (all by default), with its declared deviations
 *
 * --port (or AUTHCONFORM_REAL_PORT) moves the first server's port from 4926. `test` skips a server that is not installed, unless CI is set (then it fails: CI must install them first).
 */
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { install, isInstalled, REAL_SERVERS, start } from '../real/servers.ts'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: process.env.AUTHCONFORM_REAL_PORT ?? '4926' } } })
const [verb, ...names] = positionals
const chosen = names.length ? REAL_SERVERS.filter((s) => names.includes(s.target)) : REAL_SERVERS
if (names.length && chosen.length !== names.length) throw new Error(`[authconform] known real servers: ${REAL_SERVERS.map((s) => s.target).join(', ')}`)

if (verb === 'install') {
  for (const server of chosen) install(server)
} else if (verb === 'start') {
  const server = chosen[0]!
  const running = await start(server, Number(values.port))
  console.log(`${server.target} at ${running.baseURL} (Ctrl-C stops it)`)
  for (const [k, v] of Object.entries(running.env)) console.log(`export ${k}=${JSON.stringify(v)}`)
  const stop = async () => {
    await running.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} else if (verb === 'test') {
  let failed = 0
  for (const [i, server] of chosen.entries()) {
    if (!isInstalled(server)) {
      console.log(`[authconform] ${server.target} is not installed (npm run real -- install)${process.env.CI ? '' : '; skipped'}`)
      if (process.env.CI) failed++
      continue
    }
    const running = await start(server, Number(values.port) + i)
    try {
      console.log(`[authconform] ${server.target} at ${running.baseURL}: ${server.suites}`)
      const run = spawnSync('npx', ['playwright', 'test', server.suites], { stdio: 'inherit', env: { ...process.env, ...running.env, TARGET: server.target } })
      if (run.status !== 0) failed++
    } finally {
      await running.stop()
    }
  }
  process.exit(failed ? 1 : 0)
} else {
  console.error('usage: npm run real -- install | start <target> | test [<target> …]')
  process.exit(2)
}
