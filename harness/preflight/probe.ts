/**
 * What an API's preflight (suites/<api>/preflight.ts) gets: the target, a `send` that turns every transport
 * failure into one sentence a person understands, and `fail`/`expectApi` to say what is wrong with an answer.
 * A preflight runs once per API before any test, against real targets only, and must finish in seconds.
 */
import type { ResolvedApiTarget } from '../targets.ts'

/** An answer as a preflight reads it. */
export interface ProbeAnswer {
  method: string
  path: string
  status: number
  contentType: string
  headers: Record<string, string>
  text: string
  /** The body parsed, when it is JSON. */
  json?: unknown
}

export interface PreflightContext {
  /** The API on this target, at the profile it runs (every value resolved; credentials from the environment). */
  target: ResolvedApiTarget & { profile: string }
  /** The API's title from its catalogue (`DADI API`). */
  title: string
  /** One request to the target, relative to its base URL; resolves to the answer whatever its status. */
  send(method: string, path: string, init?: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> }): Promise<ProbeAnswer>
  /** Ends the preflight with this problem (the harness puts "<title> at <base URL>: " before it). */
  fail(problem: string): never
  /** Fails unless the answer is the API's own JSON: an HTML page, a 404 or another format means a wrong base URL. */
  expectApi(answer: ProbeAnswer): void
}

/** An API's check that the target is up, is that API at that URL, and accepts the configured credentials. */
export type Preflight = (context: PreflightContext) => Promise<void>

/** A problem found by a preflight: its message is the sentence the console and the report show. */
export class PreflightProblem extends Error {
  override name = 'PreflightProblem'
}

const TLS_UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED'])

/** A failed request (fetch's TypeError and its cause, or a timeout) as one sentence saying what to check. */
export function transportProblem(error: unknown, url: string, timeoutSeconds: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } }
  const code = e.cause?.code ?? (e.name === 'TimeoutError' ? 'TIMEOUT' : undefined) ?? (e.cause?.name === 'ConnectTimeoutError' ? 'UND_ERR_CONNECT_TIMEOUT' : undefined)
  const { protocol, host, hostname } = new URL(url)
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing answers (connection refused at ${host}) — is the server up and the URL right?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${hostname} does not resolve (${code}) — is the URL right, and is this machine on the network that has it?`
    case 'TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `no answer within ${timeoutSeconds} s — is the server up, and reachable from here (VPN, firewall)?`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return `the connection was closed without an answer (${code})${protocol === 'http:' ? ' — is it an HTTPS server? The URL says http://' : ''}`
    case 'CERT_HAS_EXPIRED':
      return `its TLS certificate has expired (CERT_HAS_EXPIRED) — renew it, or test another URL`
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its TLS certificate is not for ${hostname} (ERR_TLS_CERT_ALTNAME_INVALID) — use the host name the certificate names`
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return `it does not speak TLS at ${host} (${code}) — is the URL http://, not https://?`
  }
  if (code && (TLS_UNTRUSTED.has(code) || code.startsWith('ERR_TLS') || /CERT/.test(code))) {
    return `its TLS certificate is not trusted here (${code}: ${e.cause?.message ?? 'untrusted'}) — if it is your own CA, give its certificate to node: NODE_EXTRA_CA_CERTS=/path/to/ca.pem`
  }
  return `the request failed (${code ?? e.cause?.message ?? e.message ?? String(error)})`
}

/** The first characters of a body, on one line, for a message. */
export const snippet = (text: string, length = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat || '(empty body)'
}

/** The generic check behind `expectApi`: the problem with an answer that is not the API's own JSON, or undefined. */
export function notTheApi(answer: ProbeAnswer, title: string): string | undefined {
  const where = `${answer.method} ${answer.path} → ${answer.status}`
  if (/html/i.test(answer.contentType) || /^\s*</.test(answer.text)) {
    return `answers HTML, not the ${title} (${where} ${answer.contentType || 'text/html'}: ${snippet(answer.text, 60)}) — is the base URL the API's root?`
  }
  if (answer.status === 404) return `${where}: nothing of the ${title} at this URL — is the base URL the API's root?`
  if (answer.json === undefined && answer.text.trim() !== '') return `answers ${answer.contentType || 'without a content type'}, not the ${title}'s JSON (${where}: ${snippet(answer.text, 60)}) — is the base URL the API's root?`
  return undefined
}
