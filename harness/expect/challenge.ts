/**
 * Parses one `WWW-Authenticate` challenge leniently: RFC 6750 §3 syntax (`Bearer realm="x", error="y"`)
 * and DADI's comma-after-scheme variant (`Bearer, error="y"`) both give `{ scheme, params }`.
 * Repeated parameters are reported, since RFC 6750 §3 allows each at most once.
 */
export interface Challenge {
  scheme: string
  params: Record<string, string>
  repeated: string[]
}

export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined
  const match = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*,?\s*(.*)$/s.exec(header)
  if (!match) return undefined
  const params: Record<string, string> = {}
  const repeated: string[] = []
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))\s*(?:,|$)/g
  for (const [, key, quoted, token] of match[2]!.matchAll(re)) {
    const name = key!.toLowerCase()
    if (name in params) repeated.push(name)
    params[name] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : token!
  }
  return { scheme: match[1]!, params, repeated }
}
