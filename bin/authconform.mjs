#!/usr/bin/env node
/**
 * The `authconform` command (package.json "bin"). Installed, it runs the built JavaScript in dist/; in this
 * repository (where scripts/cli.ts exists) it runs the TypeScript sources through tsx, so `npx authconform`
 * here always runs what is checked out. Plain JavaScript on purpose: it runs before any TypeScript loader.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
const source = join(root, 'scripts', 'cli.ts')
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(source).href)
} else {
  await import(pathToFileURL(join(root, 'dist', 'scripts', 'cli.js')).href)
}
