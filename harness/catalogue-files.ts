import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * An API's catalogue as its files hold it: `suites/<api>/requirements.yaml` (the API, its profiles and its first
 * requirements), then each `requirements.<concern>.yaml` beside it in name order, whose `requirements` are appended —
 * so a catalogue grows by concern (access control, the token endpoint) without one file growing past reading.
 * `parse` is the YAML parser (the caller's: the runner resolves targets without loading zod).
 */
export function readCatalogueFiles(api: string, root: string, parse: (text: string) => unknown): { files: string[]; value: Record<string, unknown> } {
  const dir = join(root, 'suites', api)
  const parts = readdirSync(dir)
    .filter((name) => /^requirements\.[\w-]+\.yaml$/.test(name))
    .sort()
  const files = [join(dir, 'requirements.yaml'), ...parts.map((name) => join(dir, name))]
  const [main, ...rest] = files.map((file) => (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>)
  const requirements = [main!.requirements, ...rest.map((part, i) => {
    const keys = Object.keys(part).filter((k) => k !== 'requirements')
    if (keys.length) throw new Error(`[authconform] ${files[i + 1]} may only hold "requirements", not ${keys.join(', ')}`)
    return part.requirements
  })].flatMap((list) => (Array.isArray(list) ? list : []))
  return { files, value: { ...main, requirements } }
}
