/** See bundle.mjs: the path of `.cache/<name>.bundle.mjs`, built from `entry` first when a source is newer. */
export function ensureBundle(name: string, entry: string, sources?: readonly string[]): Promise<string>
