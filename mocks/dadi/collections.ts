import type { DadiFixtures } from './fixtures.ts'
import type { DadiProfile } from './profiles.ts'

/** One collection as a profile serves it, its answers serialised once (fixtures never change while the mock runs). */
export interface Collection {
  /** The canonical path: `/{version}/{database}/{name}` (1.x–3.x) or `/{database}/{name}` (4.x–6.x, no version segment). */
  path: string
  version: string
  database: string
  name: string
  /** `settings.authenticate`: true, false, or the methods that need a token. */
  authenticate: boolean | readonly string[]
  /** `settings.cache`. */
  cache: boolean
  all: string
  byId: ReadonlyMap<string, string>
  /** `GET …/count`: the metadata of the whole collection. */
  count: string
  /** `GET …/stats` as the file store reports it. */
  stats: string
  /** 4.x–6.x `GET /api/collections/{property}/{name}`: the collection's schema. */
  schema: string
}

const metadata = (total: number) => ({ limit: 40, page: 1, fields: {}, offset: 0, totalCount: total, totalPages: total ? 1 : 0 })
export const results = (documents: readonly unknown[]) => JSON.stringify({ results: documents, metadata: metadata(documents.length) })
const settingsOf = (k: { authenticate: boolean | readonly string[]; cache: boolean }) => ({ cache: k.cache, authenticate: k.authenticate, count: 40, sort: '_id', sortOrder: 1 })

/**
 * The collections a profile routes, keyed by the path it matches: 1.x–3.x match case-insensitively (Express's
 * default: `/1.0/library/Authors` is the authors collection), keyed lower-cased; 4.x–6.x match exactly and drop
 * the version segment (6.0.0 CHANGELOG #567: a legacy `<version>/<property>/` folder is read, its version dropped;
 * the first of two versions of one name is served).
 */
export function collectionsFor(fixtures: DadiFixtures, profile: DadiProfile): Map<string, Collection> {
  const map = new Map<string, Collection>()
  for (const k of fixtures.collections) {
    const path = profile === 'dadi@3' ? `/${k.version}/${k.database}/${k.name}` : `/${k.database}/${k.name}`
    const key = profile === 'dadi@3' ? path.toLowerCase() : path
    if (map.has(key)) continue
    const stats = { count: k.documents.length, size: 1, averageObjectSize: 1, storageSize: 1, indexes: 1, totalIndexSize: 1, indexSizes: 1 }
    const schema = { property: k.database, name: k.name, slug: k.name, path, fields: {}, settings: settingsOf(k) }
    map.set(key, {
      path,
      version: k.version,
      database: k.database,
      name: k.name,
      authenticate: k.authenticate,
      cache: k.cache,
      all: results(k.documents),
      byId: new Map(k.documents.map((d) => [String(d._id), results([d])])),
      count: JSON.stringify({ metadata: metadata(k.documents.length) }),
      stats: JSON.stringify(stats),
      schema: JSON.stringify(schema),
    })
  }
  return map
}

/** `GET /api/collections` in a profile's shape (3.2.2 lib/index.js:532-600; 6.1.0 controller/collections.js:91-127). */
export function collectionList(collections: Iterable<Collection>, profile: DadiProfile, full: boolean): string {
  const list = [...collections]
  if (profile === 'dadi@3') {
    return JSON.stringify({ collections: list.map((c) => ({ version: c.version, database: c.database, name: c.name, slug: c.name, path: c.path })), media: { buckets: ['mediaStore'], defaultBucket: 'mediaStore' } })
  }
  return JSON.stringify({
    collections: list.map((c) => ({ fields: {}, property: c.database, name: c.name, slug: c.name, path: c.path, settings: settingsOf(c) })),
    media: full ? { buckets: ['mediaStore'], defaultBucket: 'mediaStore' } : { buckets: [], defaultBucket: null },
  })
}
