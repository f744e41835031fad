import { join } from 'node:path'

/**
 * Where the harness's own files are. From source (this repository) it is the repository, run as TypeScript by
 * tsx and Playwright's transform; in an installed package it is `dist/`, the same tree built to JavaScript with
 * the catalogues, documents and the mock bundles beside it (scripts/build.ts). Everything read by path
 * (suites/<api>/requirements.yaml, openapi/, targets.yaml) is found from here.
 */
export const ROOT = join(import.meta.dirname, '..')
/** Running from the built JavaScript (an installed package) rather than the TypeScript sources. */
export const BUILT = import.meta.filename.endsWith('.js')
/** The extension of the harness's own modules in this layout (Playwright loads reporters and setup by path). */
export const EXT = BUILT ? '.js' : '.ts'
/** The package's root: package.json and bin/ (dist/'s parent when built). */
export const PACKAGE_ROOT = BUILT ? join(ROOT, '..') : ROOT
