import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { loadTargets, missingMessage, missingVariables, resolveTargetFrom } from './targets.ts'

const work = mkdtempSync(join(tmpdir(), 'authconform-targets-'))
after(() => rmSync(work, { recursive: true, force: true }))

/** Runs `body` with AUTHCONFORM_TARGETS pointing at a file holding `text`. */
function withTargets<T>(text: string, body: () => T): T {
  const file = join(work, `${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(file, text)
  const before = process.env.AUTHCONFORM_TARGETS
  process.env.AUTHCONFORM_TARGETS = file
  try {
    return body()
  } finally {
    if (before === undefined) delete process.env.AUTHCONFORM_TARGETS
    else process.env.AUTHCONFORM_TARGETS = before
  }
}

const STAGING = `staging:
  description: staging
  rateLimit: 5
  apis:
    dadi:
      baseURL: { env: DADI_BASE_URL }
      credentials:
        primary: { clientId: { env: DADI_CLIENT_ID }, secret: { env: DADI_SECRET } }
        restricted: { clientId: { env: DADI_RESTRICTED_CLIENT_ID, default: '' }, secret: { env: DADI_RESTRICTED_SECRET, default: '' } }
`

describe("a user's targets file", () => {
  it('keeps the built-in mock and env targets beside its own', () => {
    assert.deepEqual(Object.keys(withTargets(STAGING, () => loadTargets())).sort(), ['env', 'mock', 'staging'])
  })

  it('names every required variable that is not set, and none that is optional', () => {
    const apis = withTargets(STAGING, () => resolveTargetFrom('staging', { DADI_BASE_URL: 'https://dadi.example' }))
    const missing = missingVariables(apis, {})
    assert.deepEqual(missing, [{ api: 'dadi', variables: ['DADI_CLIENT_ID', 'DADI_SECRET'] }])
    assert.equal(missingMessage('staging', missing), '[authconform] target "staging" needs 2 environment variables that are not set:\n  dadi: DADI_CLIENT_ID, DADI_SECRET')
    assert.deepEqual(apis[0]!.polite, { rateLimit: 5, maxConcurrent: 4 })
  })

  it('does not ask for the variables of an API without a base URL, unless the run names it', () => {
    const apis = withTargets(STAGING, () => resolveTargetFrom('staging', {}))
    assert.match(apis.find((a) => a.api === 'dadi')!.skip ?? '', /no base URL for dadi/)
    assert.deepEqual(missingVariables(apis, {}), [])
    assert.deepEqual(missingVariables(apis, { AUTHCONFORM_APIS: 'dadi' })[0]!.variables, ['DADI_BASE_URL', 'DADI_CLIENT_ID', 'DADI_SECRET'])
  })

  it('refuses a literal secret, a secret with a default, a base URL without a scheme and an unknown API', () => {
    assert.throws(() => withTargets(STAGING.replace('{ env: DADI_SECRET }', 'superSecret'), () => loadTargets()), /staging\.dadi\.credentials\.primary\.secret is a literal/)
    assert.throws(() => withTargets(STAGING.replace('{ env: DADI_SECRET }', '{ env: DADI_SECRET, default: hunter2 }'), () => loadTargets()), /a secret's only default is ''/)
    assert.throws(() => withTargets(STAGING, () => resolveTargetFrom('staging', { DADI_BASE_URL: 'dadi.example' })), /must start with http:\/\/ or https:\/\//)
    assert.throws(() => withTargets(STAGING, () => resolveTargetFrom('staging', { AUTHCONFORM_APIS: 'nope' })), /unknown API nope/)
    assert.throws(() => withTargets('staging: [', () => loadTargets()), /is not YAML/)
  })

  it('narrows to the APIs of the run, and lets the environment override the politeness', () => {
    const apis = withTargets(STAGING, () => resolveTargetFrom('staging', { AUTHCONFORM_APIS: 'dadi', AUTHCONFORM_RATE_LIMIT: '0' }))
    assert.deepEqual(apis.map((a) => a.api), ['dadi'])
    assert.equal(apis[0]!.polite!.rateLimit, 0)
    assert.equal(resolveTargetFrom('mock', {})[0]!.polite, undefined, 'the embedded mock is not limited')
  })
})
