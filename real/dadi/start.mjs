#!/usr/bin/env node
// start.mjs: run a real DADI API (3.2.2 or 6.1.0, installed by install.sh) on loopback, seeded for authconform.
//
//   node start.mjs --dir <installdir> --version 3.2.2|6.1.0 --port <n> [--token-ttl 8] [--host 127.0.0.1] [--keep]
//
// Writes the server's config into a fresh temp run folder (loopback, @dadi/api-filestore in a temp data dir,
// short token lifetime, telemetry stubbed out), seeds two clients and two collections with documents, starts
// the server as a child process (its own output goes to <runDir>/server.log), waits until it answers and is
// seeded, and prints ONE JSON line on stdout: { version, baseURL, pid, runDir, log, env: {DADI_*...}, seeded }.
// SIGTERM / SIGINT stop the server and remove the run folder (unless --keep). Plain Node ESM, no dependencies.
//
// Seeded (same logins as the authconform mock):
//   testClient / superSecret          every permission (6.x: accessType admin; 3.x: no `permissions` = unrestricted)
//   booksClient / booksOnlySecret     may READ exactly one collection
//     3.x: permissions.collections = [{ path: 'books', apiVersion: '1.0' }]   -> /1.0/library/books only
//     6.x: resources = { 'collection:library_books': { read: true } }       -> /library/books only
//   collections: books (allowed), authors (denied) and the others of collections.mjs — open and guarded by
//                settings.authenticate, cached, in another database; 3.x under /1.0/ (and books under /2.0/),
//                6.x without a version segment (/:property/:collection)
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { writeCollections } from './collections.mjs'

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    version: { type: 'string' },
    port: { type: 'string' },
    'token-ttl': { type: 'string', default: '8' },
    host: { type: 'string', default: '127.0.0.1' },
    keep: { type: 'boolean', default: false },
    'startup-timeout': { type: 'string', default: '60' },
  },
})

function die(message) {
  process.stderr.write(`start.mjs: ${message}\n`)
  process.exit(1)
}

if (!args.dir || !args.version || !args.port) {
  die('usage: node start.mjs --dir <installdir> --version 3.2.2|6.1.0 --port <n> [--token-ttl 8] [--host 127.0.0.1] [--keep]')
}
const version = args.version
if (!['3.2.2', '6.1.0'].includes(version)) die(`unsupported --version ${version} (3.2.2 or 6.1.0)`)
const major = Number(version.split('.')[0])
const installDir = resolve(args.dir)
const apiDir = join(installDir, 'node_modules', '@dadi', 'api')
const port = Number(args.port)
const tokenTtl = Number(args['token-ttl'])
const host = args.host
if (!Number.isInteger(port) || port <= 0 || port > 65535) die(`--port must be 1..65535, got ${args.port}`)
if (!Number.isInteger(tokenTtl) || tokenTtl <= 0) die(`--token-ttl must be a positive integer, got ${args['token-ttl']}`)
if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !host.startsWith('127.')) die('--host must be a loopback address')
let installed
try {
  installed = JSON.parse(readFileSync(join(apiDir, 'package.json'), 'utf8')).version
} catch {
  die(`no @dadi/api in ${installDir} (run install.sh ${version} ${args.dir})`)
}
if (installed !== version) die(`${installDir} holds @dadi/api@${installed}, not ${version}`)

const CLIENTS = {
  primary: { clientId: 'testClient', secret: 'superSecret' },
  // 6.x: the restricted client logs in by e-mail too (DADI-TOKEN-EMAIL).
  restricted: { clientId: 'booksClient', secret: 'booksOnlySecret', email: 'books@library.test' },
  // 6.x: a client record stored before secrets were hashed (DADI-CRED-UPGRADE).
  legacy: { clientId: 'legacyClient', secret: 'legacyPlainSecret' },
}
// ---------------------------------------------------------------- run folder: config + workspace
const runDir = mkdtempSync(join(tmpdir(), `real-dadi-${version}-`))
const dataDir = join(runDir, 'data')
const ws = join(runDir, 'workspace')
for (const d of [dataDir, join(ws, 'collections'), join(ws, 'endpoints'), join(ws, 'hooks'), join(ws, 'media'), join(runDir, 'config'), join(runDir, 'log'), join(runDir, 'cache')]) {
  mkdirSync(d, { recursive: true })
}

// Every collection and what it is for: real/dadi/collections.mjs.
const collections = writeCollections(ws, major)
const pathOf = (env) => collections.find((c) => c.env === env)?.path ?? ''

const config = {
  app: { name: `authconform real DADI API ${version}` },
  server: { host, port },
  publicUrl: { host, port, protocol: 'http' },
  datastore: '@dadi/api-filestore',
  auth: {
    tokenUrl: '/token',
    tokenTtl,
    clientCollection: 'clientStore',
    datastore: '@dadi/api-filestore',
    database: 'authdb',
    ...(major >= 6
      ? { tokenKey: 'authconform-local-signing-key-not-a-secret', hashSecrets: true, saltRounds: 4 }
      : { tokenCollection: 'tokenStore', cleanupInterval: 3600 }),
  },
  // The directory cache is on (each line's default), so a collection with settings.cache true is cached.
  caching: { ttl: 300, directory: { enabled: true, path: join(runDir, 'cache'), extension: 'json' }, redis: { enabled: false } },
  logging: { enabled: true, level: 'info', path: join(runDir, 'log'), filename: 'api', extension: 'log', accessLog: { enabled: false } },
  paths: { collections: join(ws, 'collections'), endpoints: join(ws, 'endpoints'), hooks: join(ws, 'hooks') },
  media: { basePath: join(ws, 'media') },
  feedback: false,
  status: { enabled: false },
  cluster: false,
  env: 'development',
}
writeFileSync(join(runDir, 'config', 'config.development.json'), JSON.stringify(config, null, 2))
writeFileSync(
  join(runDir, 'config', 'filestore.development.json'),
  JSON.stringify({ database: { path: dataDir, autosaveInterval: 1000, serializationMethod: 'normal' } }, null, 2),
)
// DADI's boot telemetry reads process.cwd()/package.json; give it one (the packet itself is stubbed below).
writeFileSync(join(runDir, 'package.json'), JSON.stringify({ name: 'authconform-real-dadi-run', private: true }))

// ---------------------------------------------------------------- the child: stub telemetry, seed clients, run
copyFileSync(join(import.meta.dirname, 'launch.cjs'), join(runDir, 'launch.cjs'))

const logPath = join(runDir, 'server.log')
const { openSync } = await import('node:fs')
const logFd = openSync(logPath, 'a')
const child = spawn(process.execPath, [join(runDir, 'launch.cjs')], {
  cwd: runDir,
  stdio: ['ignore', logFd, logFd, 'ipc'],
  env: {
    ...process.env,
    NODE_ENV: 'development',
    REAL_DADI_API_DIR: apiDir,
    REAL_DADI_MAJOR: String(major),
    REAL_DADI_CLIENTS: JSON.stringify(CLIENTS),
  },
})

let stopping = false
let childExited = false
const childExit = new Promise((res) => child.on('exit', (code, signal) => { childExited = true; res({ code, signal }) }))
function cleanup() {
  if (!args.keep) rmSync(runDir, { recursive: true, force: true })
}
async function stop(exitCode = 0) {
  if (stopping) return
  stopping = true
  if (!childExited) {
    child.kill('SIGTERM')
    const timer = setTimeout(() => { if (!childExited) child.kill('SIGKILL') }, 5000)
    await childExit
    clearTimeout(timer)
  }
  cleanup()
  process.exit(exitCode)
}
process.on('SIGTERM', () => stop(0))
process.on('SIGINT', () => stop(0))
childExit.then(({ code, signal }) => {
  if (stopping) return
  let tail = ''
  try { tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n') } catch {}
  process.stderr.write(`start.mjs: DADI API ${version} exited (code ${code}, signal ${signal}); last log lines:\n${tail}\n`)
  stopping = true
  cleanup()
  process.exit(1)
})

const seeded = new Promise((res, rej) => child.on('message', (m) => {
  if (m && m.type === 'seeded') res()
  if (m && m.type === 'error') rej(new Error(m.message))
}))

const baseURL = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
const deadline = Date.now() + Number(args['startup-timeout']) * 1000
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function call(method, path, { token, body } = {}) {
  const headers = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(baseURL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let json
  try { json = JSON.parse(text) } catch {}
  return { status: res.status, text, json }
}

async function waitUntilAnswering() {
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no answer from ${baseURL}/hello within ${args['startup-timeout']} s`)
    try {
      const r = await call('GET', '/hello')
      if (r.status === 200) return
    } catch {}
    await sleep(150)
  }
}

async function token(client) {
  // The clients are written asynchronously by the file store; retry briefly.
  for (;;) {
    const r = await call('POST', '/token', { body: client })
    if (r.status === 200 && r.json && r.json.accessToken) return r.json.accessToken
    if (Date.now() > deadline) throw new Error(`POST /token for ${client.clientId}: ${r.status} ${r.text}`)
    await sleep(200)
  }
}

async function insert(tok, path, docs) {
  for (;;) {
    const r = await call('POST', path, { token: tok, body: docs })
    if (r.status === 200 || r.status === 201) {
      const results = (r.json && r.json.results) || []
      return results.map((d) => d._id)
    }
    // 6.x loads the collection schemas into its schema store asynchronously after listening.
    if (Date.now() > deadline) throw new Error(`POST ${path}: ${r.status} ${r.text}`)
    await sleep(200)
  }
}

let seededInfo
try {
  await Promise.race([seeded, childExit.then(() => { throw new Error('server exited') })])
  await waitUntilAnswering()
  const admin = await token(CLIENTS.primary)
  seededInfo = {}
  for (const { path, documents, env } of collections) seededInfo[env] = await insert(admin, path, documents)
  // Sanity: the restricted client gets a token and reads its collection.
  const restricted = await token(CLIENTS.restricted)
  const check = await call('GET', pathOf('DADI_ALLOWED_COLLECTION'), { token: restricted })
  if (check.status !== 200) throw new Error(`restricted client GET ${pathOf('DADI_ALLOWED_COLLECTION')}: ${check.status} ${check.text}`)
} catch (error) {
  let tail = ''
  try { tail = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n') } catch {}
  process.stderr.write(`start.mjs: ${error.message}\nlast log lines:\n${tail}\n`)
  await stop(1)
}

process.stdout.write(JSON.stringify({
  version,
  baseURL,
  pid: process.pid,
  serverPid: child.pid,
  runDir,
  log: logPath,
  env: {
    DADI_BASE_URL: baseURL,
    DADI_CLIENT_ID: CLIENTS.primary.clientId,
    DADI_SECRET: CLIENTS.primary.secret,
    DADI_RESTRICTED_CLIENT_ID: CLIENTS.restricted.clientId,
    DADI_RESTRICTED_SECRET: CLIENTS.restricted.secret,
    ...(major >= 6 ? { DADI_RESTRICTED_EMAIL: CLIENTS.restricted.email, DADI_LEGACY_CLIENT_ID: CLIENTS.legacy.clientId, DADI_LEGACY_SECRET: CLIENTS.legacy.secret } : {}),
    ...Object.fromEntries(collections.map((c) => [c.env, c.path])),
    DADI_OTHER_VERSION_COLLECTION: pathOf('DADI_OTHER_VERSION_COLLECTION'),
    DADI_TOKEN_TTL: String(tokenTtl),
    DADI_COLLECTIONS: collections.map((c) => c.path).join(','),
    DADI_PROFILE: major >= 6 ? 'dadi@6' : 'dadi@3',
  },
  seeded: seededInfo,
}) + '\n')
