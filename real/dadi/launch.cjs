// The child process start.mjs runs inside its run folder: stubs DADI's boot telemetry, starts the server and seeds
// the clients (3.x through the client store, 6.x through the ACL, plus a record from before hashed secrets), then
// tells start.mjs over IPC.
'use strict'
const Module = require('module')
const apiDir = process.env.REAL_DADI_API_DIR
const major = Number(process.env.REAL_DADI_MAJOR)
const clients = JSON.parse(process.env.REAL_DADI_CLIENTS)
const send = (m) => process.send && process.send(m)

// @dadi/et sends a UDP "boot" packet to home.dadi.tech:2222 from onListening(); replace it with a no-op.
const etPath = require.resolve('@dadi/et', { paths: [apiDir] })
const stub = new Module(etPath)
stub.filename = etPath
stub.loaded = true
stub.exports = function dadiEtStub () {}
require.cache[etPath] = stub

process.on('SIGTERM', () => process.exit(0))
process.on('SIGINT', () => process.exit(0))
process.on('unhandledRejection', (e) => { console.error('unhandledRejection', e) })

const api = require(apiDir)
const config = api.Config

async function seed6 () {
  const { client } = api.ACL
  const wanted = [
    { clientId: clients.primary.clientId, secret: clients.primary.secret, accessType: 'admin' },
    { clientId: clients.restricted.clientId, secret: clients.restricted.secret, accessType: 'user', email: clients.restricted.email,
      resources: { 'collection:library_books': { read: true } } },
  ]
  const started = Date.now()
  for (const c of wanted) {
    for (;;) {
      try { await client.create(Object.assign({}, c)); break } catch (e) {
        if (e.message === 'CLIENT_EXISTS') break
        // The ACL models connect to the datastore on their own, shortly after start-up.
        if (e.message === 'DB_DISCONNECTED' && Date.now() - started < 30000) {
          await new Promise((r) => setTimeout(r, 100))
          continue
        }
        throw e
      }
    }
  }
  // A record as 4.x stored it, before secrets were hashed (no _hashVersion): written past the ACL's hashing, as an
  // upgrade from 4.x leaves it (model/acl/client.js create() without hashSecret), for DADI-CRED-UPGRADE.
  const { results } = await client.model.find({ query: { clientId: clients.legacy.clientId } })
  if (!results.length) await client.model.create({ documents: [{ clientId: clients.legacy.clientId, secret: clients.legacy.secret, accessType: 'user' }], rawOutput: true, validate: false })
}

function seed3 () {
  const collection = config.get('auth.clientCollection')
  // Same option object shape as dadi/lib/auth/tokens.js, so the pooled connection is shared.
  const conn = api.Connection({ collection, database: config.get('auth.database'), override: true }, null, config.get('auth.datastore'))
  const schema = { clientId: { type: 'String', required: true }, secret: { type: 'String', required: true } }
  const insertAll = (db) => Promise.all([
    { clientId: clients.primary.clientId, secret: clients.primary.secret, accessType: 'admin' },
    { clientId: clients.restricted.clientId, secret: clients.restricted.secret, accessType: 'user',
      permissions: { collections: [{ path: 'books', apiVersion: '1.0' }] } },
  ].map((data) => db.find({ query: { clientId: data.clientId }, collection, schema, settings: {} })
    .then((found) => (found.results || found).length ? null : db.insert({ data, collection, schema, settings: {} }))))
  return new Promise((resolve, reject) => {
    if (conn.db) return insertAll(conn.db).then(resolve, reject)
    conn.once('connect', (db) => insertAll(db).then(resolve, reject))
  })
}

api.run()
;(major >= 6 ? seed6() : seed3()).then(
  () => send({ type: 'seeded' }),
  (e) => { console.error('seeding failed', e); send({ type: 'error', message: String(e && e.stack || e) }); process.exit(3) },
)
