import type { APIRequestContext, TestInfo } from '@playwright/test'
import { expect } from '@playwright/test'
import { checkedToEnd, finding } from '../requirements.ts'
import { ACCESS_ATTACHMENT, compare, describeExpectation, type AccessEvidence, type AccessTable, type Cell, type CredentialKind, type Expectation, type OperationRequest } from './table.ts'

/**
 * Runs one column of an access table: prepares the credential once and sends it to every operation, then makes
 * one assertion that names every requirement with a cell off and lists those cells. The cells go to the report
 * (the grid), and the test is marked checked to the end, so the requirements of the cells that matched pass.
 *
 * @example
 * for (const kind of table.credentials) test(`${kind.title}, on every operation`, req(...idsOf(table, kind.id)), (f, info) => runColumn(table, kind.id, ctx(f), f, info))
 */
export async function runColumn<C>(table: AccessTable<C>, credentialId: string, ctx: C, fixtures: { request: APIRequestContext; target: { profile: string } }, testInfo: TestInfo): Promise<void> {
  const kind = table.credentials.find((k) => k.id === credentialId)
  if (!kind) throw new Error(`[authconform] the ${table.api} access table has no credential kind "${credentialId}"`)
  const { profile } = fixtures.target
  const credential = await kind.prepare(ctx)
  const cells: Cell[] = []
  for (const operation of table.operations) {
    const expected = table.expect(operation.id, kind.id, profile)
    const request = operation.request(ctx)
    if (!expected || 'notApplicable' in request || 'notApplicable' in credential) {
      const reason = !expected ? `not a cell of ${profile}` : 'notApplicable' in request ? request.notApplicable : (credential as { notApplicable: string }).notApplicable
      cells.push({ operation: operation.id, credential: kind.id, ...(expected ? { requirement: expected.requirement } : {}), verdict: 'n/a', reason })
      continue
    }
    const sent = withCredential(request, credential)
    const response = await fixtures.request.fetch(sent.path, { method: sent.method, headers: sent.headers ?? {}, ...(sent.body === undefined ? {} : { data: Buffer.from(sent.body) }), maxRedirects: 0 })
    const answer = { status: response.status(), headers: response.headers(), text: await response.text().catch(() => '') }
    const off = compare(table, expected, answer, sent)
    const challenge = answer.headers['www-authenticate']
    cells.push({
      operation: operation.id,
      credential: kind.id,
      requirement: off?.requirement ?? expected.requirement,
      ...(off && off.requirement !== expected.requirement ? { held: expected.requirement } : {}),
      verdict: off ? 'failed' : 'passed',
      expected: describeExpectation(expected, sent),
      actual: `${answer.status}${challenge ? ` "${challenge}"` : ''}${off ? ` — ${off.wrong}` : ''}`,
    })
  }
  const evidence: AccessEvidence = { api: table.api, operations: table.operations.map(({ id, title }) => ({ id, title })), credentials: table.credentials.map(({ id, title }) => ({ id, title })), cells }
  testInfo.attachments.push({ name: ACCESS_ATTACHMENT, body: Buffer.from(JSON.stringify(evidence)), contentType: 'application/json' })
  const off = cells.filter((c) => c.verdict === 'failed')
  const ids = [...new Set(off.map((c) => c.requirement!))]
  checkedToEnd(testInfo)
  expect(
    off.map((c) => `${c.operation}: ${c.actual}`),
    finding(ids.length ? ids : idsOf(table, kind.id, profile), `${kind.title} on every operation: each answer as the table says (${profile}); off: ${off.map((c) => `${c.operation} (${c.requirement}) expected ${c.expected}, got ${c.actual}`).join('; ')}`),
  ).toEqual([])
}

/** The requirements of a column's cells under a profile (what its test is tagged with). */
export function idsOf<C>(table: AccessTable<C>, credentialId: string, profile?: string, profiles: readonly string[] = []): string[] {
  const within = profile ? [profile] : profiles
  const cells = table.operations.flatMap((o) => within.map((p) => table.expect(o.id, credentialId, p)).filter((e): e is Expectation => e !== null))
  // A refusal's body may fail the table's envelope requirement (see AccessTable.envelope).
  const envelope = table.envelope && cells.some((e) => e.status >= 400) ? [table.envelope] : []
  return [...new Set([...cells.map((e) => e.requirement), ...envelope])].sort()
}

function withCredential(request: OperationRequest, credential: { headers?: Record<string, string>; query?: Record<string, string> }): OperationRequest {
  let path = request.path
  if (credential.query && Object.keys(credential.query).length) {
    const query = new URLSearchParams(credential.query).toString()
    path += `${path.includes('?') ? '&' : '?'}${query}`
  }
  return { ...request, path, headers: { ...request.headers, ...credential.headers } }
}

export type { CredentialKind }
