import type { OAuth2Mutants } from './mutants.ts'

/**
 * Redirect URIs:
 * - RFC 9700 §2.1: "authorization servers MUST utilize exact string matching except for port numbers in localhost
 *   redirection URIs of native apps"; §4.1.3 / RFC 8252 §7.3: a loopback URI matches on any port.
 * - RFC 6749 §3.1.2: a registered query "MUST be retained when adding additional query parameters"; no fragment.
 * - RFC 9700 §4.12: answers to POSTs that carry credentials are 303, never 307 (the authorize GET uses 303 too,
 *   as fosite does).
 */
const LOOPBACK = /^(http:\/\/(?:127\.0\.0\.1|\[::1\]|localhost))(?::\d{1,5})?([/?].*)?$/

/** The registered URI `sent` stands for, or undefined. */
export function matchRedirectUri(sent: string, registered: readonly string[], mutants: OAuth2Mutants): string | undefined {
  if (registered.includes(sent)) return sent
  // Two defects of URIs compared after "normalising": the fragment cut off, the scheme left out.
  if (mutants.has('redirect-fragment-stripped') && sent.includes('#')) return matchRedirectUri(sent.slice(0, sent.indexOf('#')), registered, mutants)
  if (mutants.has('redirect-scheme-ignored')) {
    const rest = (uri: string) => uri.replace(/^https?:/, '')
    const same = registered.find((uri) => rest(uri) === rest(sent))
    if (same) return same
  }
  if (mutants.has('redirect-prefix-match')) return registered.find((uri) => sent.startsWith(uri))
  if (mutants.has('loopback-port-strict')) return undefined
  const loop = LOOPBACK.exec(sent)
  if (!loop) return undefined
  return registered.find((uri) => {
    const reg = LOOPBACK.exec(uri)
    return reg !== null && reg[1] === loop[1] && (reg[2] ?? '') === (loop[2] ?? '')
  })
}

/** `uri` with `params` added to its query (its own query kept), as a 303 (or the `redirect-307` defect's 307). */
export function redirectWith(uri: string, params: Record<string, string | undefined>, mutants: OAuth2Mutants): Response {
  const hash = uri.indexOf('#')
  const base = hash < 0 ? uri : uri.slice(0, hash)
  const q = base.indexOf('?')
  const path = q < 0 ? base : base.slice(0, q)
  const search = new URLSearchParams(q < 0 || mutants.has('redirect-query-dropped') ? '' : base.slice(q + 1))
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.append(k, v)
  const query = search.toString()
  return seeOther(query ? `${path}?${query}` : path, mutants)
}

/** A 303 to `location` (never cached: it may carry a code). */
export function seeOther(location: string, mutants: OAuth2Mutants, headers: HeadersInit = {}): Response {
  const h = new Headers(headers)
  h.set('location', location)
  h.set('cache-control', 'no-store')
  return new Response(null, { status: mutants.has('redirect-307') ? 307 : mutants.has('redirect-302') ? 302 : 303, headers: h })
}
