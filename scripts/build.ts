/**
 * npm run build (run by `npm pack` / `npm publish` through prepack): the package as a user installs it, in dist/.
 * Playwright does not transform files under node_modules, and an installed package must need neither tsx nor
 * esbuild, so:
 * - TypeScript's own compiler emits JavaScript for harness/, suites/, mocks/, the CLI's scripts and the
 *   Playwright config, mirroring the tree (relative `.ts` imports rewritten to `.js`), with declarations;
 * - what the code reads by path beside itself is copied: the catalogues, the OpenAPI documents, targets.yaml,
 *   the bundle loader;
 * - the two mock bundles (`authconform mock`, the embedded mock) are built once into dist/bundles/;
 * - the spec validators are compiled once into dist/validators/ (recompiled there only if Ajv differs).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { build } from 'esbuild'
import { bundleOptions } from '../harness/bundle.mjs'

const ROOT = join(import.meta.dirname, '..')
const DIST = join(ROOT, 'dist')
const started = performance.now()
rmSync(DIST, { recursive: true, force: true })

const tsc = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' })
if (tsc.status !== 0) throw new Error(`[authconform] tsc failed (${tsc.status})`)

const copy = (from: string, to = from) => cpSync(join(ROOT, from), join(DIST, to), { recursive: true })
// The suites' data (catalogues, coverage maps and any other YAML or JSON beside them; suites/shared has none of its own).
for (const entry of readdirSync(join(ROOT, 'suites'), { recursive: true, encoding: 'utf8' })) if (/\.(ya?ml|json)$/.test(entry)) copy(join('suites', entry))
for (const entry of readdirSync(join(ROOT, 'openapi'))) if (/\.(ya?ml|json)$/.test(entry)) copy(join('openapi', entry))
copy(join('openapi', 'upstream'))
copy('targets.yaml')
copy(join('harness', 'bundle.mjs'))
copy(join('harness', 'bundle.d.mts'))

mkdirSync(join(DIST, 'bundles'))
for (const [name, entry] of [['node-server', 'mocks/adapters/node-server.ts'], ['mock', 'scripts/mock.ts']] as const) {
  await build(bundleOptions(join(ROOT, entry), join(DIST, 'bundles', `${name}.bundle.mjs`), false) as Parameters<typeof build>[0])
}

// The validators' cache as the installed package finds it (harness/evidence/spec-validator.ts).
process.env.AUTHCONFORM_VALIDATOR_CACHE = join(DIST, 'validators')
const { compiled, specDocuments } = await import('../harness/evidence/spec-validator.ts')
const { implementedApis } = await import('../mocks/apis.ts')
for (const api of implementedApis()) for (const d of specDocuments(api)) compiled(d.file, d.deviations)

console.log(`[authconform] built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`)
