import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { z as Zod } from 'zod'
import { DEFAULT_PORT_BASE, implementedApis, portFor, type ApiName } from '../mocks/apis.ts'
import { readCatalogueFiles } from './catalogue-files.ts'
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
  const { files, value } = readCatalogueFiles(api, join(import.meta.dirname, '..'), parse)
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
  skip?: string
}

export const TEST_PORT_BASE = Number(process.env.AUTHCONFORM_TEST_PORT_BASE ?? DEFAULT_PORT_BASE + 100)

export function targetName(): string {
  return process.env.TARGET ?? 'mock'
}

export function loadTargets(file = join(import.meta.dirname, '..', 'targets.yaml')): Targets {
  const { z } = load('zod') as { z: typeof Zod }
  const { parse } = load('yaml') as typeof import('yaml')
  const parsed = schemas(z).Targets.safeParse(parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`[authconform] ${file} is invalid:\n${z.prettifyError(parsed.error)}`)
  for (const [name, target] of Object.entries(parsed.data)) {
    if (target.embedded) continue
    for (const [api, conf] of Object.entries(target.apis)) {
      for (const [role, fields] of Object.entries(conf.credentials)) {
        for (const [field, value] of Object.entries(fields)) {
          if (typeof value !== 'object') {
            throw new Error(`[authconform] targets.yaml ${name}.${api}.credentials.${role}.${field} is a literal; secrets of real targets come only from {env: NAME}`)
          }
        }
      }
    }
  }
  return parsed.data
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
  if (!target) throw new Error(`[authconform] unknown TARGET "${name}"; targets.yaml defines: ${Object.keys(targets).join(', ')}`)
  return implementedApis().map((api) => {
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
      return { target: name, api, embedded: target.embedded, baseURL: '', control: false, credentials: {}, settings: {}, profiles: [listed[0]!], notApplicable: outside, profileSettings: {}, failOn: target.failOn, skip: `targets.yaml has no ${api} entry for target "${name}"` }
    }
    const named = read(conf.profile)
    if (named && !listed.includes(named)) throw new Error(`[authconform] targets.yaml ${name}.${api}.profile is "${named}"; suites/${api}/requirements.yaml lists ${listed.join(', ')}`)
    const profiles = target.embedded && !named ? listed : [named || listed[0]!]
    const baseURL = target.embedded ? `http://127.0.0.1:${portFor(api, TEST_PORT_BASE)}` : read(conf.baseURL)
    const credentials = Object.fromEntries(
      Object.entries(conf.credentials).map(([role, fields]) => [role, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, read(v)]))]),
    )
    const settings = Object.fromEntries(Object.entries(conf.settings).map(([k, v]) => [k, read(v)]))
    const profileSettings = Object.fromEntries(Object.entries(conf.profileSettings).map(([p, values]) => [p, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, read(v)]))]))
    const control = target.embedded || ['1', 'true', 'yes'].includes(read(conf.control, '0').toLowerCase())
    const resolved: ResolvedApiTarget = { target: name, api, embedded: target.embedded, baseURL: baseURL.replace(/\/+$/, ''), control, credentials, settings, profiles, notApplicable: outside, profileSettings, failOn: target.failOn }
    if (!resolved.baseURL) resolved.skip = `no base URL for ${api}: set ${missing.join(', ') || 'baseURL in targets.yaml'}`
    return resolved
  })
}

/** The credentials a test needs, or a skip reason naming the env vars to set. */
export function credentialsFor(target: ResolvedApiTarget, role: string): { values: Record<string, string>; missing?: string } {
  const values = target.credentials[role] ?? {}
  const empty = Object.entries(values).filter(([, v]) => v === '').map(([k]) => k)
  if (!target.credentials[role]) return { values, missing: `targets.yaml "${target.target}" has no ${target.api} credentials "${role}"` }
  if (empty.length) return { values, missing: `credentials "${role}" for ${target.api} are not set (${empty.join(', ')}; see targets.yaml)` }
  return { values }
}
