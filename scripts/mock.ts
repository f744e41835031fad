/**
 * npm run mock [-- --api dadi --port-base 4700 --control --mutant dadi:ignore-expiry --profile dadi@6 --no-cors]
 * Starts each API's mock on its own port, prints its URL and the seeded (public, test-only) credentials.
 */
import { parseArgs } from 'node:util'
import { closeMocks, serveMocks } from '../mocks/adapters/node-server.ts'
import { DEFAULT_PORT_BASE, definitions, implementedApis, type ApiName } from '../mocks/registry.ts'

const { values } = parseArgs({
  options: {
    api: { type: 'string', multiple: true },
    'port-base': { type: 'string', default: process.env.AUTHCONFORM_PORT_BASE ?? String(DEFAULT_PORT_BASE) },
    hostname: { type: 'string', default: '127.0.0.1' },
    control: { type: 'boolean', default: process.env.AUTHCONFORM_MOCK_CONTROL === '1' },
    mutant: { type: 'string', multiple: true, default: [] },
    profile: { type: 'string', multiple: true, default: [] },
    'no-cors': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
})

const apis = (values.api ?? implementedApis()) as ApiName[]
const mutants: Partial<Record<ApiName, string[]>> = {}
for (const spec of values.mutant!) {
  const [api, name] = spec.split(':') as [ApiName, string | undefined]
  if (!name) throw new Error(`[authconform] --mutant takes <api>:<mutant>, got "${spec}"`)
  ;(mutants[api] ??= []).push(name)
}

// --profile dadi@6: the API named before the @ answers as that profile (see GET /__mock/profiles).
const profiles: Partial<Record<ApiName, string>> = {}
for (const profile of values.profile!) profiles[profile.split('@')[0] as ApiName] = profile

const running = await serveMocks({
  apis,
  portBase: Number(values['port-base']),
  hostname: values.hostname!,
  control: values.control!,
  cors: !values['no-cors'],
  mutants,
  profiles,
})

if (!values.quiet) {
  for (const r of running) {
    const definition = definitions[r.api]!
    const profile = profiles[r.api] ?? definition.profiles[0]
    console.log(`${definition.title.padEnd(16)} ${r.url}  (${profile}: ${definition.profileNotes[profile]})${mutants[r.api] ? `  (mutants: ${mutants[r.api]!.join(', ')})` : ''}`)
    for (const line of definition.describe(definition.parseFixtures(definition.defaultFixtures))) console.log(`${' '.repeat(17)}${line}`)
  }
  console.log(values.control ? 'control surface on: /__mock/{health,sessions,clock,reset,mutants}' : 'Ctrl-C to stop')
}

const stop = async () => {
  await closeMocks(running)
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
