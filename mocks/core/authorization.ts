/**
 * Reading credentials from a request, the parts every API shares. Each API keeps its own ordered reader
 * (which schemes, whether the query counts, what a malformed header means) and calls these.
 */

/** The `Authorization` header split at its first space: scheme lower-cased (RFC 7235 §2.1), the rest as sent. */
export type AuthorizationHeader = { kind: 'absent' } | { kind: 'present'; scheme: string; value: string; raw: string }

export function readAuthorization(request: Request): AuthorizationHeader {
  const raw = request.headers.get('authorization')
  if (raw === null) return { kind: 'absent' }
  const space = raw.indexOf(' ')
  return { kind: 'present', scheme: (space < 0 ? raw : raw.slice(0, space)).toLowerCase(), value: space < 0 ? '' : raw.slice(space + 1), raw }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * Decodes `Basic <base64(user:password)>` strictly: canonical base64, UTF-8, one colon. With `percentDecode`,
 * both halves are then percent-decoded as RFC 6749 §2.3.1 asks of OAuth client credentials
 * (`application/x-www-form-urlencoded` before base64). Returns undefined for anything else.
 *
 * @example decodeBasic('Y2xpZW50OmtleQ==') // { user: 'client', password: 'key' }
 */
export function decodeBasic(value: string, options: { percentDecode?: boolean } = {}): { user: string; password: string } | undefined {
  const decoded = decodeBase64Text(value)
  if (decoded === undefined) return undefined
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  if (!options.percentDecode) return { user, password }
  try {
    const form = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '))
    return { user: form(user), password: form(password) }
  } catch {
    return undefined
  }
}

/** Canonical base64 of UTF-8 text, decoded; undefined for anything else (the credentials of a `Basic` header). */
export function decodeBase64Text(value: string): string | undefined {
  if (!BASE64.test(value) || value.length % 4 !== 0) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
}

/** The first non-empty query parameter of `names`, in that order (e.g. `access_token`, `api_key`). */
export function queryToken(request: Request, names: readonly string[]): string | undefined {
  if (!request.url.includes('?')) return undefined
  const params = new URL(request.url).searchParams
  for (const name of names) {
    const value = params.get(name)
    if (value) return value
  }
  return undefined
}
