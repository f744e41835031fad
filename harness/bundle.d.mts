/** See bundle.mjs: the path of `.cache/<name>.bundle.mjs`, built from `entry` first when a source is newer. */
export function ensureBundle(name: string, entry: string, sources?: readonly string[]): Promise<string>

/** Maps stack traces through the bundle's source map (AUTHCONFORM_SOURCE_MAPS=0 leaves it off). */
export function enableSourceMaps(): void

/** esbuild's options for the bundle of `entry` at `outfile` (see bundle.mjs). */
export function bundleOptions(entry: string, outfile: string, sourcemap?: boolean): Record<string, unknown>
