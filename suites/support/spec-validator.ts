import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

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

interface Operation {
  method: string
  template: string
  regex: RegExp
  literalSegments: number
  node: Record<string, any>
}

/**
 * Checks recorded exchanges against an OpenAPI 3.1 document in process (Ajv, JSON Schema 2020-12):
 * the status is documented, the content type is declared, the body matches its schema, and every required
 * response header is present and valid. Requests outside the document are reported as `info` only.
 */
export class SpecValidator {
  readonly #doc: Record<string, any>
  readonly #ops: Operation[] = []
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
  readonly #compiled = new Map<string, ValidateFunction>()

  readonly #document: Diagnostic['document']
  readonly #deviations: { match: RegExp; reason: string }[]

  /** `deviations`: known faults of the document; matching findings become `info` with the reason. */
  constructor(file: string, document: Diagnostic['document'] = 'own', deviations: { match: string; reason: string }[] = []) {
    this.#document = document
    this.#deviations = deviations.map((d) => ({ match: new RegExp(d.match), reason: d.reason }))
    const text = readFileSync(file, 'utf8')
    this.#doc = file.endsWith('.json') ? JSON.parse(text) : parse(text)
    ;(addFormats as unknown as (ajv: Ajv2020) => void)(this.#ajv)
    this.#ajv.addSchema(this.#doc, 'spec')
    for (const [template, item] of Object.entries<Record<string, any>>(this.#doc.paths ?? {})) {
      const segments = template.split('/').filter(Boolean)
      const pattern = segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')
      for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
        if (!item[method]) continue
        this.#ops.push({ method, template, regex: new RegExp(`^/${pattern}/?$`), literalSegments: segments.filter((s) => !s.startsWith('{')).length, node: item[method] })
      }
    }
    // Literal paths win over templated ones, as OpenAPI §4.8.8 asks.
    this.#ops.sort((a, b) => b.literalSegments - a.literalSegments)
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
    const op = this.#ops.find((o) => o.method === method.toLowerCase() && o.regex.test(path))
    if (!op) return [{ code: 'operation-unknown', severity: 'info', message: `${method} ${path} is not in the document` }]
    const where = `${method.toUpperCase()} ${op.template} → ${status}`
    const responses = op.node.responses ?? {}
    const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default' in responses ? 'default' : undefined
    if (!key) {
      return [{ code: 'status-undocumented', severity: 'error', message: `${where}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})` }]
    }
    const pointer = `#/paths/${escape(op.template)}/${op.method}/responses/${key}`
    const [response, responsePointer] = this.#deref(responses[key], pointer)
    const found: Omit<Diagnostic, 'document'>[] = []

    for (const [name, rawHeader] of Object.entries<any>(response.headers ?? {})) {
      const [header, headerPointer] = this.#deref(rawHeader, `${responsePointer}/headers/${escape(name)}`)
      const value = headers[name.toLowerCase()]
      if (value === undefined) {
        if (header.required) found.push({ code: 'header-missing', severity: 'error', path: `header/${name.toLowerCase()}`, message: `${where}: required header ${name} is missing` })
        continue
      }
      if (header.schema) {
        const check = this.#compile(`${headerPointer}/schema`)
        if (!check(value)) found.push({ code: 'header-schema', severity: 'error', path: `header/${name.toLowerCase()}`, message: `${where}: header ${name} "${value}" ${this.#ajv.errorsText(check.errors)}` })
      }
    }

    const content = response.content as Record<string, any> | undefined
    if (!content) return found
    const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const media = Object.keys(content).find((m) => m.toLowerCase() === type)
    if (!media) {
      found.push({ code: 'content-type', severity: 'error', path: 'header/content-type', message: `${where}: content type "${type}" is not declared (${Object.keys(content).join(', ')})` })
      return found
    }
    if (content[media].schema && type.includes('json')) {
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        found.push({ code: 'body-schema', severity: 'error', path: 'body', message: `${where}: body is not JSON` })
        return found
      }
      const check = this.#compile(`${responsePointer}/content/${escape(media)}/schema`)
      if (!check(parsed)) {
        for (const e of check.errors ?? []) {
          found.push({ code: 'body-schema', severity: 'error', path: `body${e.instancePath}`, message: `${where}: body${e.instancePath} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}` })
        }
      }
    }
    return found
  }

  #deref(node: any, pointer: string): [any, string] {
    let current = node
    let at = pointer
    while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
      at = current.$ref
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((n: any, part: string) => n?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], this.#doc)
    }
    return [current ?? {}, at]
  }

  #compile(pointer: string): ValidateFunction {
    let fn = this.#compiled.get(pointer)
    if (!fn) {
      fn = this.#ajv.compile({ $ref: `spec${pointer}` })
      this.#compiled.set(pointer, fn)
    }
    return fn
  }
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1')
