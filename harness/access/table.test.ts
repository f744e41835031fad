import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compare, describeExpectation, type AccessTable, type Expectation } from './table.ts'

const table: AccessTable<void> = {
  api: 'demo',
  operations: [],
  credentials: [],
  expect: () => null,
  bodies: {
    status401: (a) => (a.text === '{"statusCode":401}' ? undefined : `body ${a.text}`),
    results: (a) => (a.text.includes('results') ? undefined : `body ${a.text}`),
  },
  envelope: 'DEMO-ERROR-BODY',
}
const refusal: Expectation = { status: 401, body: 'status401', challenge: 'Bearer', requirement: 'DEMO-AUTH-UNKNOWN' }
const answer = (status: number, text: string, challenge?: string) => ({ status, text, headers: challenge ? { 'www-authenticate': challenge } : {} })
const request = { method: 'GET', path: '/x' }

describe('access table cells', () => {
  it('match a whole answer: status, challenge present or absent, body', () => {
    assert.equal(compare(table, refusal, answer(401, '{"statusCode":401}', 'Bearer'), request), undefined)
    assert.deepEqual(compare(table, { ...refusal, challenge: null }, answer(401, '{"statusCode":401}', 'Bearer'), request), { wrong: 'an unexpected challenge "Bearer"', requirement: 'DEMO-AUTH-UNKNOWN' })
  })

  it('blame a refusal whose only fault is its body on the envelope requirement, anything else on the cell’s', () => {
    assert.deepEqual(compare(table, refusal, answer(401, 'Unauthorized', 'Bearer'), request), { wrong: 'body Unauthorized', requirement: 'DEMO-ERROR-BODY' })
    assert.deepEqual(compare(table, refusal, answer(200, '{"results":[]}', 'Bearer'), request), { wrong: 'status 200', requirement: 'DEMO-AUTH-UNKNOWN' })
    assert.deepEqual(compare(table, refusal, answer(401, 'Unauthorized'), request), { wrong: 'no challenge; body Unauthorized', requirement: 'DEMO-AUTH-UNKNOWN' })
    // What a success shows belongs to the cell (what the principal may see), not to the refusal envelope.
    assert.deepEqual(compare(table, { status: 200, body: 'results', requirement: 'DEMO-ACL-LIST' }, answer(200, '[]'), request), { wrong: 'body []', requirement: 'DEMO-ACL-LIST' })
    const { envelope: _, ...withoutEnvelope } = table
    assert.deepEqual(compare(withoutEnvelope, refusal, answer(401, 'Unauthorized', 'Bearer'), request), { wrong: 'body Unauthorized', requirement: 'DEMO-AUTH-UNKNOWN' })
  })

  it('accept an answer the cell names as also keeping its rule, each as exactly as the main one, and say so', () => {
    const caseRouted: Expectation = { ...refusal, also: [{ status: 404, body: 'results', challenge: null }] }
    assert.equal(compare(table, caseRouted, answer(404, '{"results":[]}'), request), undefined)
    // The alternative is whole too: its challenge and body count.
    assert.deepEqual(compare(table, caseRouted, answer(404, '{"results":[]}', 'Bearer'), request), { wrong: 'status 404', requirement: 'DEMO-AUTH-UNKNOWN' })
    assert.deepEqual(compare(table, caseRouted, answer(200, '{"results":[]}'), request), { wrong: 'status 200; no challenge', requirement: 'DEMO-AUTH-UNKNOWN' })
    assert.equal(describeExpectation(caseRouted, request), '401 status401, challenge "Bearer" or 404 results, no challenge')
  })
})
