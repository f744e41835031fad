import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { Document, isMap, isScalar, parseDocument, type Scalar, type YAMLMap } from 'yaml'
import { loadCatalogue } from '../../harness/catalogue.ts'
import { BUILTIN_TARGETS } from '../../harness/targets.ts'
import { implementedApis } from '../../mocks/apis.ts'
import { EXIT, listOf, USER_TARGETS, UsageError } from './common.ts'

export const INIT_HELP = `npx authconform init [--api dadi,exceptionless] [--target staging] [--file FILE] [--force]

Writes a commented targets file (./${USER_TARGETS}) for the APIs you pick: every secret and URL read from an
environment variable ({env: NAME}), each setting explained. Asks when run in a terminal without --api.

      --api NAME      the APIs to describe (repeat or comma-separate; default: all): ${implementedApis().join(', ')}
      --target NAME   the target's name (default staging)
      --file FILE     where to write it (default ./${USER_TARGETS})
      --force         overwrite an existing file
  -h, --help`

/** The variables an API entry of the `env` target reads, required and optional. */
function variablesOf(node: unknown): { required: string[]; optional: string[] } {
  const required = new Set<string>()
  const optional = new Set<string>()
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return
    const v = value as { env?: unknown; default?: unknown }
    if (typeof v.env === 'string') return void (v.default === undefined ? required : optional).add(v.env)
    for (const child of Object.values(value)) visit(child)
  }
  visit(node)
  return { required: [...required], optional: [...optional] }
}

/**
 * The targets file for `apis`, taken from the package's own `env` target (so it stays in step with the suites):
 * each API's entry with its comments, a line on what it is and which variables it reads, and the target's
 * optional settings as comments.
 */
export function targetsFileFor(target: string, apis: readonly string[]): string {
  const source = parseDocument(readFileSync(BUILTIN_TARGETS, 'utf8'))
  const out = new Document({})
  out.commentBefore = [
    ` authconform targets: where \`npx authconform run --target ${target}\` runs the suites (written by authconform init).`,
    ' A value is a literal, {env: NAME} (required: the run stops before any test, naming every one that is not set),',
    " or {env: NAME, default: value}; default '' makes it optional (the checks that need it are skipped without it).",
    ' Secrets come only from the environment: the loader refuses a literal secret. In CI, map repository secrets to',
    ' these variables (examples/github-actions/authconform.yml in the package).',
  ].join('\n')
  const entry = out.createNode({ description: `${target} (edit me)`, apis: {} }) as YAMLMap
  out.set(target, entry)
  // The target's optional settings, as comments above its APIs.
  const apisKey = entry.items.find((p) => isScalar(p.key) && p.key.value === 'apis')!.key as Scalar
  apisKey.commentBefore = [
    ' failOn: [MUST, QUIRK]   the levels whose failures fail the run (SHOULD and MAY then only warn)',
    ' rateLimit: 10           requests per second to each API server, all workers together (0: no limit)',
    ' maxConcurrent: 4        requests in flight to each API server at once (0: no limit)',
  ].join('\n')
  const apisNode = out.getIn([target, 'apis'], true) as YAMLMap
  for (const api of apis) {
    const node = source.getIn(['env', 'apis', api], true)
    if (!isMap(node)) throw new UsageError(`the package's targets.yaml has no env entry for ${api}`)
    const copy = node.clone() as YAMLMap
    const catalogue = loadCatalogue(api)
    const { required, optional } = variablesOf(copy.toJSON())
    copy.commentBefore = [
      ` ${catalogue.title}: profiles ${catalogue.profiles.map((p) => `${p.id} (${p.releases})`).join('; ')}.`,
      ` Required: ${required.join(', ')}.`,
      ...(optional.length ? [` Optional (defaults below): ${optional.join(', ')}.`] : []),
    ].join('\n')
    apisNode.set(api, copy)
  }
  return out.toString({ lineWidth: 0 })
}

async function ask(): Promise<{ apis: string[]; target: string }> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  try {
    const all = implementedApis()
    const picked = listOf([(await prompt.question(`Which APIs does your server implement? (${all.join(', ')}; Enter for all) `)).trim() || all.join(',')])
    const target = (await prompt.question('A name for the target (Enter for staging) ')).trim() || 'staging'
    return { apis: picked, target }
  } finally {
    prompt.close()
  }
}

export async function init(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: { api: { type: 'string', multiple: true }, target: { type: 'string' }, file: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  })
  if (values.help) {
    console.log(INIT_HELP)
    return EXIT.passed
  }
  const interactive = !values.api && process.stdin.isTTY && process.stdout.isTTY
  const chosen = interactive ? await ask() : { apis: listOf(values.api).length ? listOf(values.api) : implementedApis(), target: values.target ?? 'staging' }
  const target = values.target ?? chosen.target
  const unknown = chosen.apis.filter((a) => !(implementedApis() as string[]).includes(a))
  if (unknown.length) throw new UsageError(`unknown API ${unknown.join(', ')}; the suites cover ${implementedApis().join(', ')}`)
  if (!/^[A-Za-z0-9][\w.-]*$/.test(target)) throw new UsageError(`--target ${target}: a name of letters, digits, dots, dashes and underscores`)
  const file = values.file ?? USER_TARGETS
  if (existsSync(file) && !values.force) throw new UsageError(`${file} exists; --force overwrites it`)
  const text = targetsFileFor(target, chosen.apis)
  writeFileSync(file, text)
  const { required } = variablesOf(parseDocument(text).toJSON())
  console.log(
    [
      `[authconform] wrote ${file}: target "${target}" with ${chosen.apis.join(', ')}`,
      `  set these variables (in CI: repository secrets): ${required.join(' ')}`,
      `  then: npx authconform run --target ${target} --dry-run   (what would run), and without --dry-run`,
      `  declared deviations go in waivers/${target}.yaml; add reports/ and blob-report/ to .gitignore`,
    ].join('\n'),
  )
  return EXIT.passed
}
