/**
 * One esbuild bundle of a TypeScript entry point, rebuilt only when a source is newer, for code that must load
 * fast in a fresh process: `npm run mock` (scripts/start-mock.mjs) and the mock that the Playwright runner serves
 * (harness/global-setup.ts); why and what it saves: docs/decisions/bundled-mock.md. Plain JavaScript on purpose:
 * it runs before any TypeScript loader.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/** The newest modification time under `path` (a file or a folder; unit tests are not bundled). */
function newest(path) {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = 0
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts')) continue
    latest = Math.max(latest, newest(join(path, entry)))
  }
  return latest
}

/**
 * Returns the path of `.cache/<name>.bundle.mjs`, the bundle of `entry` (relative to the repository), building
 * it first when `entry`, a file or folder in `sources`, or package-lock.json (the dependencies) is newer.
 */
export async function ensureBundle(name, entry, sources = ['mocks']) {
  // An installed package ships its bundles prebuilt (scripts/build.ts) and no sources: no esbuild at run time.
  const prebuilt = join(ROOT, 'bundles', `${name}.bundle.mjs`)
  if (!existsSync(join(ROOT, entry)) && existsSync(prebuilt)) return prebuilt
  const bundle = join(ROOT, '.cache', `${name}.bundle.mjs`)
  const latest = Math.max(newest(join(ROOT, entry)), newest(join(ROOT, 'package-lock.json')), newest(import.meta.filename), ...sources.map((s) => newest(join(ROOT, s))))
  if (latest <= newest(bundle)) return bundle
  const { build } = await import('esbuild')
  mkdirSync(join(ROOT, '.cache'), { recursive: true })
  // Written beside the target and renamed, so concurrent starts never import a half-written bundle; built in
  // memory under its final name, so its sourceMappingURL names the final map.
  const { outputFiles } = await build({ ...bundleOptions(join(ROOT, entry), bundle), write: false })
  for (const file of [...outputFiles].sort((a) => (a.path.endsWith('.map') ? -1 : 1))) {
    const partial = `${file.path}.${process.pid}.tmp`
    writeFileSync(partial, file.contents)
    renameSync(partial, file.path)
  }
  return bundle
}

/**
 * esbuild's options for the bundle of `entry` at `outfile`: one ES module for node 20, its dependencies inside,
 * with a linked source map (scripts/build.ts builds the package's prebuilt bundles without one).
 */
export function bundleOptions(entry, outfile, sourcemap = true) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __authconformRequire } from 'node:module'; const require = __authconformRequire(import.meta.url);" },
    // A stack trace from the bundle points at mocks/… (node maps it once source maps are enabled; see enableSourceMaps).
    ...(sourcemap ? { sourcemap: 'linked', sourcesContent: false } : {}),
    logLevel: 'warning',
  }
}

/**
 * Makes node map stack traces through the bundle's source map to mocks/… (it must be on before the bundle
 * loads). docs/decisions/bundled-mock.md has what it costs at start-up.
 */
export function enableSourceMaps() {
  if (process.env.AUTHCONFORM_SOURCE_MAPS !== '0') process.setSourceMapsEnabled(true)
}
