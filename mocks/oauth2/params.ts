import { oauthError } from './errors.ts'

/**
 * Request parameters as RFC 6749 reads them:
 * - "Parameters sent without a value MUST be treated as if they were omitted" (§3.1, §3.2): `get` returns
 *   undefined for `scope=`.
 * - "Request and response parameters MUST NOT be included more than once" (§3.1, §3.2): `repeated()` names them,
 *   for the caller to refuse as `invalid_request` (empty repeats count too).
 * - "MUST ignore unrecognized request parameters": nothing here looks at names it is not asked for.
 */
export interface Params {
  get(name: string): string | undefined
  has(name: string): boolean
  /** Every value of a repeatable field (a form's checkboxes). */
  all(name: string): string[]
  repeated(): string[]
  /** The names sent, each once (empty ones too). */
  names(): string[]
}

/** `keepEmpty`: the `empty-params-kept` defect — a parameter sent without a value reads as present and empty. */
export interface ParamsOptions {
  keepEmpty?: boolean
}

export function paramsOf(search: URLSearchParams, options: ParamsOptions = {}): Params {
  const counts = new Map<string, number>()
  for (const key of search.keys()) counts.set(key, (counts.get(key) ?? 0) + 1)
  const get = options.keepEmpty ? (name: string) => search.get(name) ?? undefined : (name: string) => search.get(name) || undefined
  return {
    get,
    has: (name) => get(name) !== undefined,
    all: (name) => search.getAll(name).filter(Boolean),
    repeated: () => [...counts].filter(([, n]) => n > 1).map(([k]) => k),
    names: () => [...counts.keys()],
  }
}

export function queryParams(request: Request, options: ParamsOptions = {}): Params {
  const q = request.url.indexOf('?')
  return paramsOf(new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1).replace(/#.*$/, '')), options)
}

const MAX_FORM = 64 * 1024

/**
 * An `application/x-www-form-urlencoded` body (RFC 6749 §3.2, §4.1.3; RFC 7009 §2.1); anything else is
 * `invalid_request`. With `json`, a JSON object of strings is read as the same parameters (GoToSocial).
 */
export async function readForm(request: Request, options: { json?: boolean } & ParamsOptions = {}): Promise<Params> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const text = await request.text().catch(() => undefined)
  if (text === undefined || text.length > MAX_FORM) throw oauthError('invalid_request', 'The request body could not be read.')
  if (type === 'application/x-www-form-urlencoded') return paramsOf(new URLSearchParams(text), options)
  if (options.json && type === 'application/json') {
    const value = safeJson(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const search = new URLSearchParams()
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') search.append(k, String(v))
      return paramsOf(search, options)
    }
  }
  throw oauthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.')
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
