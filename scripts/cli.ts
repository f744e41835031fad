/**
 * `authconform` — the command a team runs in its own repository (bin/authconform.mjs loads this file: from
 * source in this repository, built JavaScript when installed). Verbs: run, mock, report, init.
 * Exit status: 0 passed, 1 conformance failures, 2 usage or configuration error, 3 no API reachable.
 */
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { ensureBundle, enableSourceMaps } from '../harness/bundle.mjs'
import { EXT, ROOT } from '../harness/paths.ts'
import { EXIT, UsageError, version } from './cli/common.ts'

const HELP = `authconform ${version()} — contract tests of API authentication, against your staging or the mock

  npx authconform init                 write authconform.targets.yaml for your APIs (secrets from the environment)
  npx authconform run --target NAME    run the suites against a target; --dry-run lists what would run
  npx authconform mock                 serve every API's stateful mock (for your frontend, or to try run against)
  npx authconform report merge|compare|render   join shards, compare targets, re-render a report

  npx authconform <command> --help     the options of a command
  npx authconform --version

Exit status: 0 passed, 1 conformance failures, 2 usage or configuration error, 3 no API reachable (preflight).`

export const MOCK_HELP = `npx authconform mock [--api dadi] [--port-base 4700] [--hostname 127.0.0.1] [--control]
                     [--mutant dadi:ignore-expiry] [--profile dadi@6] [--fixtures dadi=clients.json] [--no-cors] [--quiet]

Serves each API's mock on its own port (port base + offset: dadi 0, exceptionless 1), prints the URLs and the
seeded public test logins. --control adds /__mock/* (sessions, clock); --fixtures seeds an API from your file.
Ctrl-C stops it.`

/** Hands the rest of the command line to a script that reads process.argv itself, then loads it. */
async function delegate(file: string, rest: readonly string[]): Promise<void> {
  process.argv = [process.argv[0]!, file, ...rest]
  await import(pathToFileURL(file).href)
}

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [verb, ...rest] = argv
  switch (verb) {
    case 'run':
      return (await import('./cli/run.ts')).run(rest)
    case 'init':
      return (await import('./cli/init.ts')).init(rest)
    case 'mock': {
      if (rest.includes('--help') || rest.includes('-h')) return void console.log(MOCK_HELP)
      const bundle = await ensureBundle('mock', 'scripts/mock.ts')
      enableSourceMaps()
      await delegate(bundle, rest)
      return undefined // serving until stopped
    }
    case 'report':
      await delegate(join(ROOT, 'scripts', `report${EXT}`), rest)
      return undefined // it exits with the report's own status
    case '--version':
    case '-v':
      return void console.log(version())
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return void console.log(HELP)
    default:
      throw new UsageError(`unknown command "${verb}"\n\n${HELP}`)
  }
}

try {
  const status = await main(process.argv.slice(2))
  if (status !== undefined) process.exitCode = status
} catch (error) {
  const e = error as Error & { code?: string }
  // A mistake in the command line or the configuration: the message alone, no stack.
  if (e.name === 'UsageError' || e.code?.startsWith('ERR_PARSE_ARGS') || e.message.startsWith('[authconform]')) {
    console.error(e.message.startsWith('[authconform]') ? e.message : `[authconform] ${e.message}`)
    process.exitCode = EXIT.usage
  } else throw error
}
