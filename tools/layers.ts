import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * The import layering of the project, as data, and a check of the tree against it (run by `npm test` through
 * scripts/check-imports.ts). Imports run one way:
 *
 *   bin → scripts    scripts → { harness, bench, mocks, tools }     suites → harness (index.ts only)
 *   harness → mocks/apis.ts, mocks/control          bench → mocks
 *   mocks/<api> → mocks/{core, control, oauth2}     mocks/core → mocks/control
 *
 * The mock imports nothing of the harness; the harness reaches the mock only through its names, ports and
 * control protocol. Type-only imports count. Unit tests (`*.test.ts`) may import across layers (they test the
 * seams), never in a cycle. Also checked: no cycle between files, nor between folders (top-level, or two deep).
 */
export interface Rule {
  /** Files this rule governs: a path prefix relative to the root (`mocks/core/`), or a pattern with `<api>`. */
  from: string
  /** What they may import: path prefixes; `<api>` is the importer's own API folder. */
  may: readonly string[]
}

export const RULES: readonly Rule[] = [
  { from: 'mocks/control/', may: ['mocks/control/'] },
  { from: 'mocks/core/', may: ['mocks/core/', 'mocks/control/'] },
  { from: 'mocks/oauth2/', may: ['mocks/oauth2/', 'mocks/core/', 'mocks/control/'] },
  { from: 'mocks/adapters/', may: ['mocks/'] },
  { from: 'mocks/<api>/', may: ['mocks/<api>/', 'mocks/core/', 'mocks/control/', 'mocks/oauth2/', 'openapi/types/'] },
  { from: 'mocks/', may: ['mocks/'] },
  { from: 'harness/', may: ['harness/', 'mocks/apis.ts', 'mocks/control/'] },
  { from: 'suites/shared/', may: ['suites/shared/', 'harness/index.ts', 'openapi/types/'] },
  { from: 'suites/<api>/', may: ['suites/<api>/', 'suites/shared/', 'harness/index.ts', 'openapi/types/'] },
  { from: 'bench/', may: ['bench/', 'mocks/'] },
  { from: 'scripts/', may: ['scripts/', 'harness/', 'bench/', 'mocks/', 'tools/', 'real/'] },
  { from: 'bin/', may: ['scripts/'] },
  { from: 'real/', may: ['real/'] },
  { from: 'tools/', may: ['tools/'] },
  { from: 'openapi/', may: ['openapi/'] },
  { from: '', may: ['harness/'] },
]

const SOURCE = /\.(ts|mts|mjs|js)$/
const SKIP = new Set(['node_modules', '.git', '.cache', 'reports', 'test-results', 'playwright-report', 'dist'])
export const isTest = (file: string) => /\.(test|spec)\.[cm]?[jt]s$/.test(file)

/** Every source file under `root` (relative paths) and the files of this tree each one imports. */
export function importGraph(root: string): Map<string, string[]> {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path)
      else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.mts')) files.push(relative(root, path))
    }
  }
  walk(root)
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(root, resolve(root, dirname(file), spec)))
      .filter((target) => known.has(target))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** The first rule whose `from` covers the file (rules are ordered: explicit folders before `<api>`). */
function ruleFor(file: string): { rule: Rule; api?: string } {
  for (const rule of RULES) {
    if (rule.from.includes('<api>')) {
      const prefix = rule.from.split('<api>')[0]!
      const parts = file.split('/')
      if (file.startsWith(prefix) && parts.length > prefix.split('/').length) return { rule, api: parts[prefix.split('/').length - 1] }
    } else if (rule.from === '' ? !file.includes('/') : file.startsWith(rule.from)) return { rule }
  }
  return { rule: { from: '(no rule)', may: [] } }
}

/** Imports that break a rule: `from → to (rule)`. */
export function layerViolations(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = []
  for (const [file, targets] of graph) {
    if (isTest(file) && !file.startsWith('suites/')) continue
    const { rule, api } = ruleFor(file)
    const allowed = rule.may.map((p) => (api ? p.replace('<api>', api) : p))
    for (const target of targets) {
      if (!allowed.some((prefix) => target === prefix || target.startsWith(prefix))) out.push(`${file} → ${target} (${rule.from || 'root files'} may import only ${allowed.join(', ')})`)
    }
  }
  return out.sort()
}

/** Strongly connected components of more than one node (Tarjan). */
export function cycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  let index = 0
  const indexOf = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    indexOf.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of next(v)) {
      if (!indexOf.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!))
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of nodes) if (!indexOf.has(v)) visit(v)
  return found
}

/** Cycles between files, between top-level folders, and between folders two levels deep (tests left out). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const files = [...graph.keys()].filter((f) => !isTest(f))
  const out = cycles(files, (f) => (graph.get(f) ?? []).filter((t) => !isTest(t))).map((c) => `files: ${c.join(' ⇄ ')}`)
  for (const depth of [1, 2]) {
    const folder = (f: string) => (f.split('/').length > depth ? f.split('/').slice(0, depth).join('/') : undefined)
    const edges = new Map<string, Set<string>>()
    for (const f of files) {
      for (const t of graph.get(f) ?? []) {
        const [a, b] = [folder(f), folder(t)]
        if (a && b && a !== b && !isTest(t)) edges.set(a, (edges.get(a) ?? new Set()).add(b))
      }
    }
    out.push(...cycles(edges.keys(), (f) => edges.get(f) ?? []).map((c) => `folders: ${c.join(' ⇄ ')}`))
  }
  return out
}
