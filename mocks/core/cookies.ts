/**
 * Signed session cookies for the mocks' HTML pages (login, consent, out-of-band code). The value is
 * `<payload>.<HMAC-SHA256>` in base64url, signed with a per-host key through Web Crypto (so the same code runs
 * under MSW in a browser); a cookie whose signature does not verify is as good as none.
 *
 * @example
 * const key = await cookieKey()
 * headers.append('set-cookie', serializeCookie('session', await signValue('abc', key), { maxAge: 120, httpOnly: true, sameSite: 'Lax', path: '/' }))
 * const id = await verifyValue(readCookie(request, 'session'), key) // 'abc', or undefined
 */

export interface CookieAttributes {
  maxAge?: number
  path?: string
  httpOnly?: boolean
  secure?: boolean
  sameSite?: 'Strict' | 'Lax' | 'None'
}

const encoder = new TextEncoder()

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A fresh HMAC key for one host's cookies. */
export function cookieKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) as Promise<CryptoKey>
}

export async function signValue(value: string, key: CryptoKey): Promise<string> {
  const payload = base64url(encoder.encode(value))
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)))
  return `${payload}.${base64url(mac)}`
}

/** The signed value, or undefined when the cookie is absent, malformed or its signature does not verify. */
export async function verifyValue(signed: string | undefined, key: CryptoKey): Promise<string | undefined> {
  if (!signed) return undefined
  const dot = signed.lastIndexOf('.')
  if (dot <= 0) return undefined
  const payload = signed.slice(0, dot)
  try {
    const mac = Uint8Array.from(atob(signed.slice(dot + 1).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    if (!(await crypto.subtle.verify('HMAC', key, mac, encoder.encode(payload)))) return undefined
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** `Set-Cookie` value (RFC 6265 §4.1). */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes = {}): string {
  const parts = [`${name}=${value}`]
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(attributes.maxAge)}`)
  parts.push(`Path=${attributes.path ?? '/'}`)
  if (attributes.httpOnly) parts.push('HttpOnly')
  if (attributes.secure) parts.push('Secure')
  if (attributes.sameSite) parts.push(`SameSite=${attributes.sameSite}`)
  return parts.join('; ')
}

/** A cookie's value from the request's `Cookie` header (the first of that name). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie')
  if (!header) return undefined
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=')
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim()
  }
  return undefined
}
