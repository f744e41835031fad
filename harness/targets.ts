import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, resolve } from 'node:path'
import type { z as Zod } from 'zod'
import { DEFAULT_PORT_BASE, implementedApis, portFor, type ApiName } from '../mocks/apis.ts'
import { readCatalogueFiles } from './catalogue-files.ts'
import { ROOT } from './paths.ts'
import { notApplicable } from './profiles.ts'

/**
 * targets.yaml's schema, built on first use: every Playwright process evaluates this module (the config imports
 * it) while only the runner reads targets.yaml (see resolveTarget), and zod and yaml are slow to load.
 */
function schemas(z: typeof Zod) {
  const Literal = z.union([z.string(), z.number(), z.boolean()])
  const FromEnv = z.object({ env: z.string().regex(/^[A-Z][A-Z0-9_]*$/), default: Literal.optional() }).strict()
  const Value = z.union([Literal, FromEnv])
  const ApiTarget = z
    .object({
      baseURL: Value.optional(),
      control: Value.optional(),
      /** The profile of the API the target runs (`dadi@3`); the catalogue's first when absent. Embedded: every profile. */
      profile: Value.optional(),
      credentials: z.record(z.string(), z.record(z.string(), Value)).default({}),
      settings: z.record(z.string(), Value).default({}),
      /** Settings that differ by profile (the embedded mock serves every profile: 1.x paths have a version segment, 6.x paths none). */
      profileSettings: z.record(z.string(), z.record(z.string(), Value)).default({}),
    })
    .strict()
  const Target = z
    .object({
      description: z.string(),
      embedded: z.boolean().default(false),
      /** The requirement levels whose failures fail the run (the others warn). */
      failOn: z.array(z.enum(['MUST', 'SHOULD', 'MAY', 'QUIRK'])).default(['MUST', 'QUIRK']),
      /** Requests per second each API's server gets from the whole run (every worker together); 0: no limit. Real targets only. */
      rateLimit: z.number().min(0).default(10),
      /** Requests in flight at once to each API's server, across workers; 0: no limit. Real targets only. */
      maxConcurrent: z.number().int().min(0).default(4),
      apis: z.record(z.string(), ApiTarget),
    })
    .strict()
  return { Value, Targets: z.record(z.string(), Target) }
}
type Schemas = ReturnType<typeof schemas>
type Value = Zod.infer<Schemas['Value']>
type Targets = Zod.infer<Schemas['Targets']>

const load = createRequire(import.meta.url)

/**
 * The profiles of an API's catalogue and which requirement holds in which, read straight from the YAML (the
 * reporter validates the whole catalogue; this runs in every process that resolves a target, so no zod here).
 */
function catalogueOf(api: string): { profiles: { id: string }[]; requirements: { id: string; profiles?: string[] }[] } {
  const { parse } = load('yaml') as typeof import('yaml')
  const { files, value } = readCatalogueFiles(api, ROOT, parse)
  const parsed = value as { profiles?: { id: string }[]; requirements?: { id: string; profiles?: string[] }[] }
  if (!parsed?.profiles?.length) throw new Error(`[authconform] ${files[0]} lists no profiles`)
  return { profiles: parsed.profiles, requirements: parsed.requirements ?? [] }
}

/** One API as one target serves it, every value resolved. `skip` says why it cannot run here. */
export interface ResolvedApiTarget {
  target: string
  api: ApiName
  embedded: boolean
  baseURL: string
  /** The target serves authconform's /__mock control surface (sessions, clock). */
  control: boolean
  credentials: Record<string, Record<string, string>>
  settings: Record<string, string>
  /**
   * The profiles this target runs the API under: the one it names (a real deployment is one version), or, for
   * the embedded mock, every profile the catalogue lists (the mock serves them all), the default first.
   */
  profiles: string[]
  /** Per profile, the requirements that do not hold in it, with the reason (tests of only those are skipped). */
  notApplicable: Record<string, Record<string, string>>
  /** Per profile, settings that override `settings` under it. */
  profileSettings: Record<string, Record<string, string>>
  /** The requirement levels whose failures fail the run (the target's; the others warn). */
  failOn: ('MUST' | 'SHOULD' | 'MAY' | 'QUIRK')[]
  /** Required environment variables that are not set (optional ones have `default: ''`). */
  missing: string[]
  /** How hard the run may press a real server (harness/polite/); absent for the embedded mock. */
  polite?: { rateLimit: number; maxConcurrent: number }
  skip?: string
}

export const TEST_PORT_BASE = Number(process.env.AUTHCONFORM_TEST_PORT_BASE ?? DEFAULT_PORT_BASE + 100)

export function targetName(): string {
  return process.env.TARGET ?? 'mock'
}

/** Where a run's report goes: AUTHCONFORM_REPORT_DIR, else reports/<target> under the working directory. */
export function reportDir(target: string): string {
  return resolve(process.env.AUTHCONFORM_REPORT_DIR ?? join('reports', target))
}

/** The targets file of this run: AUTHCONFORM_TARGETS (the CLI sets it to the user's file), else the package's own. */
export const BUILTIN_TARGETS = join(ROOT, 'targets.yaml')
export function targetsFile(): string {
  return process.env.AUTHCONFORM_TARGETS ? resolve(process.env.AUTHCONFORM_TARGETS) : BUILTIN_TARGETS
}
/** Targets every targets file has unless it defines its own: the embedded mock, and `env` (everything from variables). */
const ALWAYS = ['mock', 'env']

export function loadTargets(file = targetsFile()): Targets {
  const { z } = load('zod') as { z: typeof Zod }
  const { parse } = load('yaml') as typeof import('yaml')
  const name = file === BUILTIN_TARGETS ? 'targets.yaml' : basename(file)
  if (!existsSync(file)) throw new Error(`[authconform] no targets file at ${file}`)
  let raw: unknown
  try {
    raw = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`[authconform] ${name} is not YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  const parsed = schemas(z).Targets.safeParse(raw ?? {})
  if (!parsed.success) throw new Error(`[authconform] ${name} is invalid:\n${z.prettifyError(parsed.error)}`)
  for (const [target, conf] of Object.entries(parsed.data)) {
    if (conf.embedded) continue
    for (const [api, apiConf] of Object.entries(conf.apis)) {
      for (const [role, fields] of Object.entries(apiConf.credentials)) {
        for (const [field, value] of Object.entries(fields)) {
          const where = `${name} ${target}.${api}.credentials.${role}.${field}`
          if (typeof value !== 'object') throw new Error(`[authconform] ${where} is a literal; secrets of real targets come only from {env: NAME}`)
          if (value.default !== undefined && value.default !== '') throw new Error(`[authconform] ${where} has a default; a secret's only default is '' (optional)`)
        }
      }
    }
  }
  if (file === BUILTIN_TARGETS) return parsed.data
  const builtin = loadTargets(BUILTIN_TARGETS)
  return { ...Object.fromEntries(ALWAYS.filter((t) => !parsed.data[t] && builtin[t]).map((t) => [t, builtin[t]!])), ...parsed.data }
}

/** The APIs this run is narrowed to (AUTHCONFORM_APIS, comma-separated; the CLI's --api), or undefined for all. */
export function selectedApis(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = (env.AUTHCONFORM_APIS ?? '').split(',').map((a) => a.trim()).filter(Boolean)
  return list.length ? list : undefined
}

const resolved = new Map<string, ResolvedApiTarget[]>()
/**
 * The runner's resolution, handed to its Playwright workers: they inherit the runner's environment, so they
 * neither read targets.yaml again nor load its parser and schema. Only a worker (TEST_WORKER_INDEX) forked by
 * the process that resolved (its parent) takes it; any other process resolves from its own environment.
 */
const HANDOFF = 'AUTHCONFORM_RESOLVED_TARGET'

/** Resolves every API of the selected target (TARGET, default `mock`), once per run. */
export function resolveTarget(name = targetName()): ResolvedApiTarget[] {
  let found = resolved.get(name)
  if (found) return found
  const handed = process.env[HANDOFF] && process.env.TEST_WORKER_INDEX !== undefined ? (JSON.parse(process.env[HANDOFF]) as { name: string; pid: number; apis: ResolvedApiTarget[] }) : undefined
  found = handed?.name === name && handed.pid === process.ppid ? handed.apis : resolveTargetFrom(name, process.env)
  resolved.set(name, found)
  if (process.env.TEST_WORKER_INDEX === undefined) process.env[HANDOFF] = JSON.stringify({ name, pid: process.pid, apis: found })
  return found
}

/** Resolves every API of target `name` against `env` (exported for tests). */
export function resolveTargetFrom(name: string, env: NodeJS.ProcessEnv): ResolvedApiTarget[] {
  const targets = loadTargets()
  const target = targets[name]
  if (!target) throw new Error(`[authconform] unknown target "${name}"; ${basename(targetsFile())} defines: ${Object.keys(targets).join(', ')}`)
  const selected = selectedApis(env)
  const unknown = selected?.filter((a) => !implementedApis().includes(a as ApiName))
  if (unknown?.length) throw new Error(`[authconform] unknown API ${unknown.join(', ')}; the suites cover ${implementedApis().join(', ')}`)
  const polite = target.embedded ? undefined : { rateLimit: numberFrom(env.AUTHCONFORM_RATE_LIMIT, target.rateLimit), maxConcurrent: numberFrom(env.AUTHCONFORM_MAX_CONCURRENT, target.maxConcurrent) }
  return implementedApis().filter((api) => !selected || selected.includes(api)).map((api) => {
    const conf = target.apis[api]
    const missing: string[] = []
    const read = (value: Value | undefined, fallback = ''): string => {
      if (value === undefined) return fallback
      if (typeof value !== 'object') return String(value)
      const found = env[value.env]
      if (found !== undefined && found !== '') return found
      if (value.default !== undefined) return String(value.default)
      missing.push(value.env)
      return ''
    }
    const catalogue = catalogueOf(api)
    const listed = catalogue.profiles.map((p) => p.id)
    const outside = Object.fromEntries(
      listed.map((profile) => [profile, Object.fromEntries(catalogue.requirements.flatMap((r) => (notApplicable(r, profile) ? [[r.id, notApplicable(r, profile)!]] : [])))]),
    )
    if (!conf) {
      return { target: name, api, embedded: target.embedded, baseURL: '', control: false, credentials: {}, settings: {}, profiles: [listed[0]!], notApplicable: outside, profileSettings: {}, failOn: target.failOn, missing: [], skip: `${basename(targetsFile())} has no ${api} entry for target "${name}"` }
    }
    const named = read(conf.profile)
    if (named && !listed.includes(named)) throw new Error(`[authconform] ${basename(targetsFile())} ${name}.${api}.profile is "${named}"; suites/${api}/requirements.yaml lists ${listed.join(', ')}`)
    const profiles = target.embedded && !named ? listed : [named || listed[0]!]
    const baseURL = target.embedded ? `http://127.0.0.1:${portFor(api, TEST_PORT_BASE)}` : read(conf.baseURL)
    const credentials = Object.fromEntries(
      Object.entries(conf.credentials).map(([role, fields]) => [role, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, read(v)]))]),
    )
    const settings = Object.fromEntries(Object.entries(conf.settings).map(([k, v]) => [k, read(v)]))
    const profileSettings = Object.fromEntries(Object.entries(conf.profileSettings).map(([p, values]) => [p, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, read(v)]))]))
    const control = target.embedded || ['1', 'true', 'yes'].includes(read(conf.control, '0').toLowerCase())
    const resolved: ResolvedApiTarget = { target: name, api, embedded: target.embedded, baseURL: baseURL.replace(/\/+$/, ''), control, credentials, settings, profiles, notApplicable: outside, profileSettings, failOn: target.failOn, missing: [...new Set(missing)], ...(polite ? { polite } : {}) }
    if (!resolved.baseURL) resolved.skip = `no base URL for ${api}: set ${missing.join(', ') || `baseURL in ${basename(targetsFile())}`}`
    else if (!/^https?:\/\/[^/]/i.test(resolved.baseURL)) throw new Error(`[authconform] the base URL of ${api} for target "${name}" is "${resolved.baseURL}": it must start with http:// or https://`)
    return resolved
  })
}

const numberFrom = (text: string | undefined, fallback: number) => (text !== undefined && text !== '' && Number.isFinite(Number(text)) ? Number(text) : fallback)

/**
 * The required variables the run cannot start without, all at once: those of every API that has a base URL (an
 * API without one is skipped, saying so), and every one of an API the run was narrowed to by name.
 */
export function missingVariables(apis: readonly ResolvedApiTarget[], env: NodeJS.ProcessEnv = process.env): { api: string; variables: string[] }[] {
  const named = selectedApis(env)
  return apis.filter((a) => a.missing.length && (a.baseURL || named?.includes(a.api))).map((a) => ({ api: a.api, variables: a.missing }))
}

/** One message naming every missing variable, by API (for the console and exit status 2). */
export function missingMessage(target: string, missing: readonly { api: string; variables: string[] }[]): string {
  const count = missing.reduce((n, m) => n + m.variables.length, 0)
  return [`[authconform] target "${target}" needs ${count} environment variable${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not set:`, ...missing.map((m) => `  ${m.api}: ${m.variables.join(', ')}`)].join('\n')
}

/** The credentials a test needs, or a skip reason naming the env vars to set. */
export function credentialsFor(target: ResolvedApiTarget, role: string): { values: Record<string, string>; missing?: string } {
  const values = target.credentials[role] ?? {}
  const empty = Object.entries(values).filter(([, v]) => v === '').map(([k]) => k)
  if (!target.credentials[role]) return { values, missing: `${basename(targetsFile())} "${target.target}" has no ${target.api} credentials "${role}"` }
  if (empty.length) return { values, missing: `credentials "${role}" for ${target.api} are not set (${empty.join(', ')}; see ${basename(targetsFile())})` }
  return { values }
}
