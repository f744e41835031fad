import { SESSION_HEADER } from '../../mocks/control/protocol.ts'
import type { Diagnostic } from './spec-validator.ts'

/** What was sent and what came back, before redaction. */
export interface RawRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}
export interface RawResponse {
  status: number
  headers: Record<string, string>
  text: string
}

/** A credential the request carried that the answer repeats (see echo.ts). */
export interface Echo {
  /** What was sent: `Authorization (Bearer)`, `body field secret`, `query access_token`, `cookie session`. */
  credential: string
  /** Where the answer repeats it: `body`, `header location`. */
  where: string
}

/** One request and its response, redacted, with what the OpenAPI documents say about it. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown }
  response: { status: number; headers: Record<string, string>; body?: unknown }
  diagnostics: Diagnostic[]
  /** Credentials the request carried that the answer repeats (found before redaction, so redaction never hides one). */
  echoes?: Echo[]
  /** Where it came from: the API request context, or a browser page (navigations, form posts, fetches). */
  via?: 'page'
}

export const EVIDENCE_ATTACHMENT = 'authconform-evidence'

/** What a test hands the conformance report: how many exchanges each document checked, and the evidence. */
export interface Evidence {
  checked: Record<Diagnostic['document'], number>
  /** Every exchange of a failed test; otherwise only those that violate a document or echo a credential. */
  exchanges: Exchange[]
  /** Exchanges searched for echoed credentials. */
  searched: number
}

export function evidenceOf(exchanges: Exchange[], failed: boolean): Evidence {
  const checked: Evidence['checked'] = { own: 0, upstream: 0 }
  for (const e of exchanges) {
    delete e.request.headers[SESSION_HEADER]
    for (const document of ['own', 'upstream'] as const) {
      if (!e.diagnostics.some((d) => d.document === document && d.code === 'operation-unknown')) checked[document]++
    }
  }
  const notable = (e: Exchange) => e.diagnostics.some((d) => d.severity === 'error') || (e.echoes?.length ?? 0) > 0
  return { checked, searched: exchanges.filter((e) => !new URL(e.request.url).pathname.startsWith('/__mock/')).length, exchanges: failed ? exchanges : exchanges.filter(notable) }
}
