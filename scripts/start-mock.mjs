#!/usr/bin/env node
/**
 * npm run mock [-- …] — starts scripts/mock.ts from an esbuild bundle (harness/bundle.mjs), rebuilt only
 * when a source is newer: a fresh process answers its first request in about a fifth of a second instead of
 * spending ~300 ms more loading ~190 modules through tsx. Plain JavaScript on purpose: this file is what runs
 * before any TypeScript loader. Arguments pass through to scripts/mock.ts (see its header).
 */
import { pathToFileURL } from 'node:url'
import { enableSourceMaps, ensureBundle } from '../harness/bundle.mjs'

const bundle = await ensureBundle('mock', 'scripts/mock.ts')
enableSourceMaps()
await import(pathToFileURL(bundle).href)
