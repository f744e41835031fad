#!/usr/bin/env node
/**
 * npm run mock [-- …] — starts scripts/mock.ts from its esbuild bundle (harness/bundle.mjs,
 * docs/decisions/bundled-mock.md). Plain JavaScript on purpose: this file runs before any TypeScript loader.
 * Arguments pass through to scripts/mock.ts (see its header).
 */
import { pathToFileURL } from 'node:url'
import { enableSourceMaps, ensureBundle } from '../harness/bundle.mjs'

const bundle = await ensureBundle('mock', 'scripts/mock.ts')
enableSourceMaps()
await import(pathToFileURL(bundle).href)
