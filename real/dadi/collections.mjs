// collections.mjs: the collections start.mjs seeds a real DADI API with, and what each is for. Both lines get the
// same set (1.x–3.x under the version segment 1.0, and `books` once more under 2.0); each has a few documents.
//
//   books      the restricted client's one permitted collection            DADI_ALLOWED_COLLECTION
//   authors    a collection it may not read                                DADI_DENIED_COLLECTION
//   open       settings.authenticate ["POST","PUT","DELETE"]: GET is open  DADI_OPEN_COLLECTION
//   public     settings.authenticate false                                 DADI_PUBLIC_COLLECTION
//   readers    settings.authenticate ["GET"]                               DADI_GET_ONLY_COLLECTION
//   lowercase  settings.authenticate ["get"] (3.x compares case-sensitively) DADI_LOWERCASE_COLLECTION
//   cached     settings.cache true (the directory cache is on)             DADI_CACHED_COLLECTION
//   otherdb/books  `books` in another database                             DADI_OTHER_DATABASE_COLLECTION
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const PROPERTY = 'library'

const fields = {
  title: { type: 'String', required: true },
  year: { type: 'Number', required: false },
}
const docs = (name) => [{ title: `${name} one`, year: 1851 }, { title: `${name} two`, year: 1859 }]

/** `[database, name, settings, documents, env]`; settings override `authenticate: true, cache: false`. */
const SEEDED = [
  [PROPERTY, 'books', {}, [{ title: 'A Tale of Two Cities', year: 1859 }, { title: 'Middlemarch', year: 1871 }, { title: 'Moby-Dick', year: 1851 }], 'DADI_ALLOWED_COLLECTION'],
  [PROPERTY, 'authors', {}, [{ title: 'Charles Dickens', year: 1812 }, { title: 'George Eliot', year: 1819 }, { title: 'Herman Melville', year: 1819 }], 'DADI_DENIED_COLLECTION'],
  [PROPERTY, 'open', { authenticate: ['POST', 'PUT', 'DELETE'] }, docs('open'), 'DADI_OPEN_COLLECTION'],
  [PROPERTY, 'public', { authenticate: false }, docs('public'), 'DADI_PUBLIC_COLLECTION'],
  [PROPERTY, 'readers', { authenticate: ['GET'] }, docs('readers'), 'DADI_GET_ONLY_COLLECTION'],
  [PROPERTY, 'lowercase', { authenticate: ['get'] }, docs('lowercase'), 'DADI_LOWERCASE_COLLECTION'],
  [PROPERTY, 'cached', { cache: true }, docs('cached'), 'DADI_CACHED_COLLECTION'],
  ['otherdb', 'books', {}, docs('otherdb books'), 'DADI_OTHER_DATABASE_COLLECTION'],
]

/**
 * Writes every collection schema into `<workspace>/collections` and returns what to seed: each collection's path,
 * its documents and the variable naming it. 6.x reads `<property>/collection.<name>.json` (→ /<property>/<name>);
 * 3.x `<version>/<database>/collection.<name>.json` (→ /<version>/<database>/<name>).
 */
export function writeCollections(workspace, major) {
  const seeded = []
  const write = (segments, name, settings, documents, env) => {
    const dir = join(workspace, 'collections', ...segments)
    mkdirSync(dir, { recursive: true })
    const schema = { fields, settings: { cache: false, authenticate: true, count: 40, sort: 'title', sortOrder: 1, ...settings } }
    writeFileSync(join(dir, `collection.${name}.json`), JSON.stringify(schema, null, 2))
    seeded.push({ path: `/${[...segments, name].join('/')}`, documents, env })
  }
  for (const [database, name, settings, documents, env] of SEEDED) write(major >= 6 ? [database] : ['1.0', database], name, settings, documents, env)
  if (major < 6) write(['2.0', PROPERTY], 'books', {}, [{ title: 'Bleak House (2.0)', year: 1853 }], 'DADI_OTHER_VERSION_COLLECTION')
  return seeded
}
