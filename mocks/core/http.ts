/** Small Fetch-standard helpers shared by every mock. No node:http, no msw: this runs in a browser too. */

const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * A JSON response; `content-type` defaults to JSON. Plain-object headers stay a plain object (no `Headers`
 * instance per response): the node adapter then writes them as they are, the hot path of every mock.
 */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: withJsonType(headers) })
}

/**
 * A JSON response from an already serialised body: for answers that never change (a collection list, a
 * fixture's documents), serialised once instead of on every request.
 */
export function jsonText(text: string, status = 200, headers: HeadersInit = {}): Response {
  return new Response(text, { status, headers: withJsonType(headers) })
}

function withJsonType(headers: HeadersInit): HeadersInit {
  if (headers instanceof Headers || Array.isArray(headers)) {
    const h = new Headers(headers)
    if (!h.has('content-type')) h.set('content-type', JSON_TYPE)
    return h
  }
  for (const name in headers) if (name.length === 12 && name.toLowerCase() === 'content-type') return headers
  return { 'content-type': JSON_TYPE, ...headers }
}

/** Headers RFC 6749 §5.1 requires on every response that carries a token or credentials. */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const

export type Body =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  | { kind: 'invalid'; reason: string }

const MAX_BODY = 1 << 20

/**
 * Reads a request body as JSON or `application/x-www-form-urlencoded`, never throwing:
 * a body that cannot be read comes back as `{ kind: 'invalid' }` for the API to refuse in its own envelope.
 */
export async function readBody(request: Request): Promise<Body> {
  let text: string
  try {
    text = await request.text()
  } catch {
    return { kind: 'invalid', reason: 'unreadable body' }
  }
  if (text.length === 0) return { kind: 'empty' }
  if (text.length > MAX_BODY) return { kind: 'invalid', reason: 'body too large' }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') {
    const value: Record<string, string> = {}
    for (const [k, v] of new URLSearchParams(text)) value[k] = v
    return { kind: 'form', value }
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return { kind: 'json', value: JSON.parse(text) }
    } catch {
      return { kind: 'invalid', reason: 'body is not valid JSON' }
    }
  }
  return { kind: 'invalid', reason: `unsupported content type ${type}` }
}

/** The path of a request URL without parsing the whole URL (the hot path of every request). */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  if (start < 0) return '/'
  const q = url.indexOf('?', start)
  return q < 0 ? url.slice(start) : url.slice(start, q)
}
