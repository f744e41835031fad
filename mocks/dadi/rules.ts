import type { Collection } from './collections.ts'
import type { DadiMutant } from './mutants.ts'

/**
 * What a collection's `settings.authenticate` (true, false, or the methods that need a token) lets through.
 *
 * 1.x–3.x (`auth/index.js` mustAuthenticate:13-49) decide before anything else, per request method, with a
 * case-sensitive `authenticate.indexOf(req.method)`: a lower-case entry protects nothing, and HEAD or OPTIONS skip
 * authentication unless listed. A request that skips it is served whatever token it carries, and no permission
 * is checked. The `authenticate-setting-ignored` defect treats every collection as `true`; `authenticate-case-
 * insensitive` compares in lower case.
 */
export function mustAuthenticate3(collection: Collection, method: string, mutants: ReadonlySet<DadiMutant>): boolean {
  const { authenticate } = collection
  if (mutants.has('authenticate-setting-ignored') || authenticate === true) return true
  if (authenticate === false) return false
  return mutants.has('authenticate-case-insensitive') ? authenticate.some((m) => m.toUpperCase() === method.toUpperCase()) : authenticate.includes(method)
}

/**
 * 4.x–6.x (`model/index.js` validateAccess:798-831): per access type — GET reads, POST creates, PUT updates,
 * DELETE deletes — compared in lower case; an access type the setting leaves open skips the ACL for every
 * caller, whatever token it sent (the middleware never refuses one). The `authenticate-case-sensitive` defect
 * compares as 3.x did.
 */
export function openForRead6(collection: Collection, mutants: ReadonlySet<DadiMutant>): boolean {
  const { authenticate } = collection
  if (mutants.has('authenticate-setting-ignored') || authenticate === true) return false
  if (authenticate === false) return true
  const verbs = mutants.has('authenticate-case-sensitive') ? authenticate : authenticate.map((m) => m.toLowerCase())
  return !verbs.includes(mutants.has('authenticate-case-sensitive') ? 'GET' : 'get')
}

/**
 * The `cache-before-acl` defect, what 6.1.0's response cache does (`cache/index.js`:52-140, mounted after the
 * authentication middleware, which refuses nothing, and before every controller): a GET answer of a collection
 * with `settings.cache` is kept by path and query alone and served to whoever asks next, before any check
 * (`?cache=false` bypasses it). The mock keeps no cache otherwise: an answer is always computed for its caller.
 */
export function fromCache(request: Request, collection: Collection, cache: Map<string, string>, mutants: ReadonlySet<DadiMutant>): string | undefined {
  if (!mutants.has('cache-before-acl') || !collection.cache || request.method !== 'GET') return undefined
  const url = new URL(request.url)
  if (url.searchParams.get('cache') === 'false') return undefined
  return cache.get(url.pathname + url.search)
}

export function keep(request: Request, collection: Collection, body: string, cache: Map<string, string>, mutants: ReadonlySet<DadiMutant>): string {
  if (mutants.has('cache-before-acl') && collection.cache && request.method === 'GET') {
    const url = new URL(request.url)
    cache.set(url.pathname + url.search, body)
  }
  return body
}

/**
 * Collection answers carry no Cache-Control in either line (only /token sends no-store); the `private-collections`
 * defect — a fix some would make — marks them private.
 */
export function privately(mutants: ReadonlySet<DadiMutant>): Record<string, string> {
  return mutants.has('private-collections') ? { 'cache-control': 'private' } : {}
}
