import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '..', '..', '..')

/**
 * Bundles scripts/mock.ts into one ESM file that plain `node` runs without tsx (esbuild, already a dev
 * dependency for the browser bundle). The benchmark starts it next to the tsx command to show what start-up
 * costs are tsx's module loading rather than the mock's own; it is information, not what the targets judge.
 */
export async function bundleMock(outDir: string): Promise<string> {
  const outfile = join(outDir, 'mock.bundle.mjs')
  await build({
    entryPoints: [join(ROOT, 'scripts', 'mock.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __authconformRequire } from 'node:module'; const require = __authconformRequire(import.meta.url);" },
    logLevel: 'silent',
  })
  return outfile
}
