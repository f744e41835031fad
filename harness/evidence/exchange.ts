import { SESSION_HEADER } from '../../mocks/control/protocol.ts'
import type { Diagnostic } from './spec-validator.ts'

/** One request and its response, redacted, with what the OpenAPI documents say about it. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown }
  response: { status: number; headers: Record<string, string>; body?: unknown }
  diagnostics: Diagnostic[]
  /** Where it came from: the API request context, or a browser page (navigations, form posts, fetches). */
  via?: 'page'
}

export const EVIDENCE_ATTACHMENT = 'authconform-evidence'

/** What a test hands the conformance report: how many exchanges each document checked, and the evidence. */
export interface Evidence {
  checked: Record<Diagnostic['document'], number>
  /** Every exchange of a failed test; otherwise only those that violate a document (the report shows them). */
  exchanges: Exchange[]
}

export function evidenceOf(exchanges: Exchange[], failed: boolean): Evidence {
  const checked: Evidence['checked'] = { own: 0, upstream: 0 }
  for (const e of exchanges) {
    delete e.request.headers[SESSION_HEADER]
    for (const document of ['own', 'upstream'] as const) {
      if (!e.diagnostics.some((d) => d.document === document && d.code === 'operation-unknown')) checked[document]++
    }
  }
  return { checked, exchanges: failed ? exchanges : exchanges.filter((e) => e.diagnostics.some((d) => d.severity === 'error')) }
}
