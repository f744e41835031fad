import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import type { TestCase, TestResult } from '@playwright/test/reporter'
import MutantReporter, { type SweepRecord } from './reporter.ts'
import { SWEEP_RESULT } from './sweep.ts'

/** A test of suites/dadi in the dadi@6 project, checking two requirements. */
function dadiTest(): TestCase {
  const file = { type: 'file', location: { file: join(process.cwd(), 'suites/dadi/access.spec.ts') }, project: () => ({ metadata: { profiles: { dadi: 'dadi@6' } } }) }
  const describe = { type: 'describe', parent: file, project: file.project }
  return {
    parent: describe,
    location: { file: join(process.cwd(), 'harness/mutants/sweep.ts') },
    titlePath: () => ['', 'mock-dadi@6', 'access.spec.ts', 'access table (dadi)', 'a valid token'],
    annotations: [
      { type: 'requirement', description: 'DADI-AUTH-SCHEME-CASE' },
      { type: 'requirement', description: 'DADI-ERROR-BODY' },
    ],
  } as unknown as TestCase
}

function recordsOf(result: Partial<TestResult>): SweepRecord[] {
  const dir = mkdtempSync(join(tmpdir(), 'sweep-'))
  try {
    const reporter = new MutantReporter({ outputFile: join(dir, 'sweep.json') })
    reporter.onTestEnd(dadiTest(), { annotations: [], errors: [], ...result } as TestResult)
    reporter.onEnd()
    return JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')) as SweepRecord[]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('a clean run that failed is judged by its errors: the requirement its assertion named failed, not every one the test checks', () => {
  const [record] = recordsOf({ status: 'failed', errors: [{ message: '\u001b[31mDADI-AUTH-SCHEME-CASE: GET /api/library/books: expected 200, got 401\u001b[39m' }] })
  assert.deepEqual(record, {
    api: 'dadi',
    profile: 'dadi@6',
    mutant: '',
    title: 'access table (dadi) › a valid token',
    requirements: ['DADI-AUTH-SCHEME-CASE', 'DADI-ERROR-BODY'],
    status: 'failed',
    failed: ['DADI-AUTH-SCHEME-CASE'],
    failedFor: [],
  })
})

test('a clean run that failed outside any assertion (a fixture) is a fault of all its requirements', () => {
  const [record] = recordsOf({ status: 'failed', errors: [{ message: 'TypeError: admin is undefined' }] })
  assert.deepEqual(record?.failed, ['DADI-AUTH-SCHEME-CASE', 'DADI-ERROR-BODY'])
})

test('a skipped test records no failure, and each sweep run is its own record', () => {
  assert.deepEqual(recordsOf({ status: 'skipped' }).map((r) => [r.mutant, r.status, r.failed]), [['', 'skipped', []]])
  const runs = [
    { mutant: '', failure: null },
    { mutant: 'realm-missing', failure: 'DADI-ERROR-BODY: expected no WWW-Authenticate' },
  ].map((r) => ({ type: SWEEP_RESULT, description: JSON.stringify(r) }))
  assert.deepEqual(
    recordsOf({ status: 'passed', annotations: runs }).map((r) => [r.mutant, r.status, r.failed]),
    [
      ['', 'passed', []],
      ['realm-missing', 'failed', ['DADI-ERROR-BODY']],
    ],
  )
})
