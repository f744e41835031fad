import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { BUILT, ROOT } from '../paths.ts'

/** A finding about one exchange, as data (like Prism's diagnostics): the report lists them per requirement. */
export interface Diagnostic {
  /** Which document found it: ours (`openapi/<api>.yaml`) or the API's own published one. */
  document: 'own' | 'upstream'
  code: 'operation-unknown' | 'status-undocumented' | 'content-type' | 'body-schema' | 'header-missing' | 'header-schema'
  severity: 'error' | 'info'
  message: string
  /** Set when a declared deviation of the upstream document explains this finding. */
  declared?: string
  /** Where in the response: `body/accessToken`, `header/cache-control`. */
  path?: string
}

/** One documented response, reduced to what is checked; `check` names a compiled schema of the module. */
interface PlannedResponse {
  headers: { name: string; required: boolean; check?: string }[]
  /** Media type → its compiled schema (JSON types with a schema), or null. Absent: the response has no body. */
  content?: Record<string, string | null>
}

/** An OpenAPI document as the validator uses it, precomputed once (see `compile`). */
interface Plan {
  /** Literal paths first, as OpenAPI §4.8.8 asks. */
  operations: { method: string; template: string; pattern: string; responses: Record<string, PlannedResponse> }[]
  deviations: { match: string; reason: string }[]
  /** Compiled schema name → the chunk (one per operation) that holds its function. */
  chunks: Record<string, number>
}

interface AjvError {
  instancePath: string
  schemaPath?: string
  keyword?: string
  message?: string
  params?: Record<string, unknown>
}

/**
 * Where a schema offers alternatives (`oneOf`/`anyOf`, e.g. a body shaped as either release line sends it), the
 * errors of the alternative the body came closest to, instead of every alternative's and the summary.
 */
export function closestAlternative(errors: readonly AjvError[]): AjvError[] {
  if (!errors.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) return [...errors]
  // An alternative is an inline branch (`…/oneOf/1/…`) or a referenced schema (`#/components/schemas/X/…`).
  const branch = (e: AjvError) => /\/(?:oneOf|anyOf)\/\d+\//.exec(e.schemaPath ?? '')?.[0] ?? /^#\/components\/schemas\/[^/]+/.exec(e.schemaPath ?? '')?.[0]
  const branches = new Map<string, AjvError[]>()
  for (const e of errors) {
    const b = e.keyword === 'oneOf' || e.keyword === 'anyOf' ? undefined : branch(e)
    if (b !== undefined) branches.set(b, [...(branches.get(b) ?? []), e])
  }
  if (branches.size < 2) return errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
  const closest = [...branches.values()].sort((a, b) => a.length - b.length)[0]!
  return [...errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && branch(e) === undefined), ...closest]
}
type Check = ((data: unknown) => boolean) & { errors?: AjvError[] | null }
interface Compiled {
  plan: Plan
  /** The compiled function of a schema, its operation's chunk loaded on first use. */
  check(name: string): Check
}

type Operation = Plan['operations'][number] & { regex: RegExp }

// From source, beside the other caches; installed, inside the package (dist/validators), so that the compiled
// modules resolve the package's own Ajv (npm pack leaves out any node_modules folder, so not there).
const CACHE = process.env.AUTHCONFORM_VALIDATOR_CACHE ?? (BUILT ? join(ROOT, 'validators') : join(ROOT, 'node_modules', '.cache', 'authconform', 'validators'))
/** Bump when the compiled layout changes. */
const FORMAT = 3
const load = createRequire(import.meta.url)

/**
 * Checks recorded exchanges against an OpenAPI 3.1 document (JSON Schema 2020-12): the status is documented,
 * the content type is declared, the body matches its schema, and every required response header is present
 * and valid. Requests outside the document are reported as `info` only.
 *
 * The document is compiled once (`compile`: Ajv's standalone code for every response schema, one module per
 * operation, plus the operations table) into node_modules/.cache, keyed by the document's content, so a test
 * worker loads plain functions, and only those of the operations it calls, instead of parsing YAML and
 * compiling schemas with Ajv.
 */
export class SpecValidator {
  readonly #operations: Operation[]
  readonly #checks: Compiled['check']
  readonly #document: Diagnostic['document']
  readonly #deviations: { match: RegExp; reason: string }[]
  /** `METHOD path` → its operation (null: not in the document); a test run asks for the same few paths again and again. */
  readonly #found = new Map<string, Operation | null>()

  /** `deviationsFile`: known faults of the document; matching findings become `info` with the reason. */
  constructor(file: string, document: Diagnostic['document'] = 'own', deviationsFile?: string) {
    const { plan, check } = compiled(file, deviationsFile)
    this.#document = document
    this.#checks = check
    this.#operations = plan.operations.map((o) => ({ ...o, regex: new RegExp(o.pattern) }))
    this.#deviations = plan.deviations.map((d) => ({ match: new RegExp(d.match), reason: d.reason }))
  }

  validate(method: string, url: string, status: number, headers: Record<string, string>, body: string): Diagnostic[] {
    return this.#check(method, url, status, headers, body).map((d) => {
      const found = { ...d, document: this.#document } as Diagnostic
      const deviation = d.severity === 'error' ? this.#deviations.find((x) => x.match.test(d.message)) : undefined
      return deviation ? { ...found, severity: 'info', declared: deviation.reason } : found
    })
  }

  #check(method: string, url: string, status: number, headers: Record<string, string>, body: string): Omit<Diagnostic, 'document'>[] {
    const path = new URL(url).pathname
    const verb = method.toLowerCase()
    const asked = `${verb} ${path}`
    let op = this.#found.get(asked)
    if (op === undefined) {
      op = this.#operations.find((o) => o.method === verb && o.regex.test(path)) ?? null
      if (this.#found.size >= 1_000) this.#found.clear()
      this.#found.set(asked, op)
    }
    if (!op) return [{ code: 'operation-unknown', severity: 'info', message: `${method} ${path} is not in the document` }]
    const where = `${method.toUpperCase()} ${op.template} → ${status}`
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in op.responses)
    if (!key) {
      return [{ code: 'status-undocumented', severity: 'error', message: `${where}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})` }]
    }
    const response = op.responses[key]!
    const found: Omit<Diagnostic, 'document'>[] = []

    for (const header of response.headers) {
      const at = `header/${header.name.toLowerCase()}`
      const value = headers[header.name.toLowerCase()]
      if (value === undefined) {
        if (header.required) found.push({ code: 'header-missing', severity: 'error', path: at, message: `${where}: required header ${header.name} is missing` })
        continue
      }
      const check = header.check ? this.#checks(header.check) : undefined
      if (check && !check(value)) found.push({ code: 'header-schema', severity: 'error', path: at, message: `${where}: header ${header.name} "${value}" ${errorsText(check.errors)}` })
    }

    if (!response.content) return found
    const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const media = Object.keys(response.content).find((m) => m.toLowerCase() === type)
    if (!media) {
      found.push({ code: 'content-type', severity: 'error', path: 'header/content-type', message: `${where}: content type "${type}" is not declared (${Object.keys(response.content).join(', ')})` })
      return found
    }
    const name = response.content[media]
    if (!name) return found
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      found.push({ code: 'body-schema', severity: 'error', path: 'body', message: `${where}: body is not JSON` })
      return found
    }
    const check = this.#checks(name)
    if (!check(parsed)) {
      for (const e of closestAlternative(check.errors ?? [])) {
        const extra = e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''
        found.push({ code: 'body-schema', severity: 'error', path: `body${e.instancePath}`, message: `${where}: body${e.instancePath} ${e.message}${extra}` })
      }
    }
    return found
  }
}

/** Ajv's `errorsText`, for errors of a compiled function (which has no Ajv instance to ask). */
function errorsText(errors: AjvError[] | null | undefined): string {
  return (errors ?? []).map((e) => `data${e.instancePath} ${e.message}`).join(', ')
}

/**
 * The compiled document and its deviations, from the cache, or compiled and cached now. Every Playwright
 * process may call this; a compilation is written to a temporary folder and renamed, so concurrent ones are
 * harmless.
 */
export function compiled(file: string, deviationsFile?: string): Compiled {
  const sources = [readFileSync(file, 'utf8'), deviationsFile && existsSync(deviationsFile) ? readFileSync(deviationsFile, 'utf8') : '']
  const key = createHash('sha256').update(`${FORMAT}\0${load('ajv/package.json').version}\0${sources.join('\0')}`).digest('hex').slice(0, 16)
  const stem = basename(file).replace(/\W/g, '_')
  const dir = join(CACHE, `${stem}-${key}`)
  if (!existsSync(join(dir, 'plan.json'))) {
    const temporary = `${dir}.${process.pid}.tmp`
    rmSync(temporary, { recursive: true, force: true })
    mkdirSync(temporary, { recursive: true })
    const { plan, chunks } = compile(file, sources[0]!, sources[1]!)
    chunks.forEach((code, i) => writeFileSync(join(temporary, `${i}.cjs`), code))
    writeFileSync(join(temporary, 'plan.json'), JSON.stringify(plan))
    try {
      renameSync(temporary, dir)
    } catch {
      rmSync(temporary, { recursive: true, force: true }) // another process got there first
    }
    // Older compilations of the same document are dead weight.
    for (const old of readdirSync(CACHE)) if (old.startsWith(`${stem}-`) && !old.endsWith('.tmp') && join(CACHE, old) !== dir) rmSync(join(CACHE, old), { recursive: true, force: true })
  }
  const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan
  const modules = new Map<number, Record<string, Check>>()
  return {
    plan,
    check(name) {
      const chunk = plan.chunks[name]!
      let module = modules.get(chunk)
      if (!module) modules.set(chunk, (module = load(join(dir, `${chunk}.cjs`)) as Record<string, Check>))
      return module[name]!
    },
  }
}

/** The documents an API's exchanges are checked against: ours, and the API's own published one where we keep a copy. */
export function specDocuments(api: string): { file: string; document: Diagnostic['document']; deviations?: string }[] {
  const openapi = join(ROOT, 'openapi')
  const upstream = join(openapi, 'upstream', `${api}.json`)
  return [
    { file: join(openapi, `${api}.yaml`), document: 'own' },
    ...(existsSync(upstream) ? [{ file: upstream, document: 'upstream' as const, deviations: join(openapi, 'upstream', `${api}.deviations.yaml`) }] : []),
  ]
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

/**
 * Compiles a document with Ajv (JSON Schema 2020-12, formats, all errors): `chunks` holds, per operation, a
 * CommonJS module of standalone validate functions for its response header and JSON body schemas; `plan` the
 * operations with their responses (every `$ref` resolved), the deviations, and which chunk holds which schema.
 */
function compile(file: string, text: string, deviationsText: string): { plan: Plan; chunks: string[] } {
  const { parse } = load('yaml') as typeof import('yaml')
  const { Ajv2020 } = load('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const addFormats = load('ajv-formats') as (ajv: unknown) => void
  const standaloneCode = load('ajv/dist/standalone').default as (ajv: unknown, refs: Record<string, string>) => string

  const doc = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Record<string, any>
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, code: { source: true } })
  addFormats(ajv)
  ajv.addSchema(doc, 'spec')
  const chunks: string[] = []
  const owner: Record<string, number> = {}
  let refs: Record<string, string> = {}
  const schemaAt = (pointer: string): string => {
    const name = `c${Object.keys(owner).length}`
    ajv.addSchema({ $ref: `spec${pointer}` }, name)
    refs[name] = name
    owner[name] = chunks.length
    return name
  }
  const deref = (node: any, pointer: string): [any, string] => {
    let current = node
    let at = pointer
    while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
      at = current.$ref
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((n: any, part: string) => n?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc)
    }
    return [current ?? {}, at]
  }

  const operations: (Plan['operations'][number] & { literal: number })[] = []
  for (const [template, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    const segments = template.split('/').filter(Boolean)
    const pattern = `^/${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`
    for (const method of METHODS.filter((m) => item[m])) {
      const responses: Record<string, PlannedResponse> = {}
      for (const [key, raw] of Object.entries<any>(item[method].responses ?? {})) {
        const [response, pointer] = deref(raw, `#/paths/${escape(template)}/${method}/responses/${key}`)
        const headers = Object.entries<any>(response.headers ?? {}).map(([name, rawHeader]) => {
          const [header, headerPointer] = deref(rawHeader, `${pointer}/headers/${escape(name)}`)
          return { name, required: header.required === true, ...(header.schema ? { check: schemaAt(`${headerPointer}/schema`) } : {}) }
        })
        const content = response.content
          ? Object.fromEntries(
              Object.entries<any>(response.content).map(([media, entry]) => [
                media,
                entry?.schema && media.toLowerCase().includes('json') ? schemaAt(`${pointer}/content/${escape(media)}/schema`) : null,
              ]),
            )
          : undefined
        responses[key] = { headers, ...(content ? { content } : {}) }
      }
      operations.push({ method, template, pattern, responses, literal: segments.filter((s) => !s.startsWith('{')).length })
      if (Object.keys(refs).length) {
        chunks.push(`// Compiled by harness/evidence/spec-validator.ts from ${basename(file)} (${method.toUpperCase()} ${template}); rebuilt when it changes.\n${standaloneCode(ajv, refs)}`)
        refs = {}
      }
    }
  }
  operations.sort((a, b) => b.literal - a.literal)
  const deviations = deviationsText ? (parse(deviationsText) as Plan['deviations']) : []
  return { plan: { operations: operations.map(({ literal: _, ...o }) => o), deviations, chunks: owner }, chunks }
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1')
