import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadCatalogue } from '../catalogue.ts'
import { buildReport, type TestRecord } from './model.ts'
import { filteredRun } from './reporter.ts'
import { applyWaivers } from './waivers.ts'

const catalogue = loadCatalogue('dadi')
const record = (id: string, status: TestRecord['status']): TestRecord => ({
  api: 'dadi',
  profile: 'dadi@3',
  title: id,
  location: 'x.spec.ts:1',
  requirements: [id],
  status,
  ...(status === 'failed' ? { failed: [id] } : {}),
  errors: [],
  checked: { own: 0, upstream: 0 },
  searched: 0,
  exchanges: [],
})
const report = () => buildReport('dadi-3.2.2', [{ catalogue, profile: 'dadi@3' }], [record('DADI-ACL-PATHS', 'failed'), record('DADI-CRED-JSON', 'passed')])

describe('waivers', () => {
  it('turns a declared failure into waived, keeping the reason', () => {
    const r = report()
    assert.deepEqual(applyWaivers(r, [{ requirement: 'DADI-ACL-PATHS', reason: 'the 3.2.2 case-insensitive bypass', source: 'auth/index.js:71' }], '2026-11-29'), [])
    const req = r.apis[0]!.requirements.find((x) => x.id === 'DADI-ACL-PATHS')!
    assert.equal(req.status, 'waived')
    assert.equal(req.waiver?.was, 'failed')
    assert.equal(r.summary.failed, 0)
    assert.equal(r.summary.waived, 1)
  })

  it('calls a waiver stale when its requirement passes, when its date has passed, or when nothing it names ran', () => {
    const stale = applyWaivers(
      report(),
      [
        { requirement: 'DADI-CRED-JSON', reason: 'the body echo of both lines' },
        { requirement: 'DADI-ACL-PATHS', reason: 'the 3.2.2 case-insensitive bypass', expires: '2026-01-01' },
        { requirement: 'DADI-NOPE', reason: 'a requirement that does not exist' },
      ],
      '2026-11-29',
    )
    assert.equal(stale.length, 3)
    assert.match(stale[0]!, /DADI-CRED-JSON.*now passes/)
    assert.match(stale[1]!, /expired on 2026-01-01/)
    assert.match(stale[2]!, /DADI-NOPE: waived, but no such requirement ran/)
  })

  it('says nothing of a waiver of an API or profile the run did not cover', () => {
    const apiOf = (id: string) => (id.startsWith('EXL-') ? 'exceptionless' : id.startsWith('DADI-') ? 'dadi' : undefined)
    const waivers = [
      { requirement: 'EXL-AUTH-INVALID', reason: 'the 500 of a Basic header that is not base64' },
      { requirement: 'DADI-AUTH-SCHEME-CASE', reason: 'bearer in lower case, 4.x–6.x', profile: 'dadi@6' },
      { requirement: 'DADI-NOPE', reason: 'a requirement that does not exist' },
    ]
    const stale = applyWaivers(report(), waivers, '2026-11-29', apiOf)
    assert.deepEqual(stale.length, 1, 'the run covered dadi@3 only: the dadi@6 and Exceptionless waivers are not its to judge')
    assert.match(stale[0]!, /DADI-NOPE/)
  })
})

describe('a narrowed run', () => {
  it('is one with a grep or a path narrower than an API folder', () => {
    assert.equal(filteredRun([]), false)
    assert.equal(filteredRun(['suites/dadi']), false)
    assert.equal(filteredRun(['suites/dadi/', '--workers', '2']), false)
    assert.equal(filteredRun(['--grep', '@DADI-ACL-DENY']), true)
    assert.equal(filteredRun(['suites/dadi/token.spec.ts']), true)
  })
})
