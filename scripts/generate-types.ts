/**
 * npm run generate            — regenerates openapi/types/<api>.ts from openapi/<api>.yaml
 * npm run generate -- --check — fails (exit 1) when a committed file differs from what the spec generates
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const check = process.argv.includes('--check')
const root = join(import.meta.dirname, '..')
const specs = (await readdir(join(root, 'openapi'))).filter((f) => f.endsWith('.yaml')).sort()
const stale: string[] = []

for (const spec of specs) {
  const api = basename(spec, '.yaml')
  const ast = await openapiTS(pathToFileURL(join(root, 'openapi', spec)))
  const text = `/**\n * Generated from openapi/${spec} by \`npm run generate\` (openapi-typescript). Do not edit.\n */\n\n${astToString(ast)}`
  const target = join(root, 'openapi', 'types', `${api}.ts`)
  const current = await readFile(target, 'utf8').catch(() => '')
  if (current === text) continue
  if (check) stale.push(target)
  else {
    await writeFile(target, text)
    console.log(`[authconform] wrote ${target}`)
  }
}

if (stale.length) {
  console.error(`[authconform] generated types are stale: ${stale.join(', ')}\n  fix: npm run generate, then commit the result`)
  process.exit(1)
}
if (check) console.log(`[authconform] generated types are fresh (${specs.length} specs)`)
