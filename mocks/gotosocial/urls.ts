/**
 * URL handling as Go's net/url does it, where GoToSocial's answers depend on it:
 * - `parseError`: the refusals of `url.Parse` a registration can hit (control characters, bad escapes, a missing
 *   scheme before a colon, a bad port); the re-serialised URI is taken to be the string itself (declared).
 * - `hostOf`: `url.Parse(u).Host` (empty for `urn:ietf:wg:oauth:2.0:oob` and other opaque URIs).
 * - `withQuery`: `u.Query()`, set, `u.RawQuery = q.Encode()` — keys sorted, `url.QueryEscape`d.
 */
export const OOB = 'urn:ietf:wg:oauth:2.0:oob'

export function parseError(uri: string): string | undefined {
  const quoted = `parse "${uri.replace(/[\x00-\x1f\x7f"]/g, '')}"`
  if (/[\x00-\x1f\x7f]/.test(uri)) return `${quoted}: net/url: invalid control character in URL`
  const escape = /%(?![0-9A-Fa-f]{2})/.exec(uri)
  if (escape) return `${quoted}: invalid URL escape "${uri.slice(escape.index, escape.index + 3)}"`
  if (uri.startsWith(':')) return `${quoted}: missing protocol scheme`
  const port = /^[a-zA-Z][\w+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*)(:[^/?#]*)?/.exec(uri)?.[1]
  if (port && !/^:\d*$/.test(port)) return `${quoted}: invalid port "${port}" after host`
  return undefined
}

export function hostOf(uri: string): string {
  const m = /^[a-zA-Z][\w+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/.exec(uri)
  return m ? m[1]! : ''
}

/** Go's `url.QueryEscape`: everything but `A-Za-z0-9-_.~` percent-encoded, space as `+`. */
export function queryEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+')
}

/** Go's `url.Values.Encode()`: keys sorted, each value in order. */
export function encodeValues(values: ReadonlyArray<readonly [string, string]>): string {
  return [...values]
    .map((pair, i) => [pair, i] as const)
    .sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]))
    .map(([[k, v]]) => `${queryEscape(k)}=${queryEscape(v)}`)
    .join('&')
}

/** `uri` with `params` set in its query (its own query kept), the whole query re-encoded with sorted keys. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const hash = uri.indexOf('#')
  const fragment = hash < 0 ? '' : uri.slice(hash)
  const base = hash < 0 ? uri : uri.slice(0, hash)
  const q = base.indexOf('?')
  const values = new URLSearchParams(q < 0 ? '' : base.slice(q + 1))
  for (const [k, v] of Object.entries(params)) if (v !== undefined) values.set(k, v)
  return `${q < 0 ? base : base.slice(0, q)}?${encodeValues([...values])}${fragment}`
}
