import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { after, before, describe, it } from 'node:test'
import { setupAuthMocks } from '../node.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }

/**
 * The official Node SDK, basiq-sdk-nodejs@1.1.2 (its only version on the registry), unchanged, against the mock.
 * It hard-codes https://au-api.basiq.io and calls it through `request` (node:https), so MSW's setupServer answers
 * that origin with the mock in process. What it sends (captured): `Authorization: Basic <key>` verbatim,
 * `basiq-version`, an empty body with `Content-Type: application/json` and no scope — the mock must read that as
 * a SERVER_ACCESS request — then the same headers on every call with `Bearer <token>`.
 */
interface SdkError {
  statusCode: number
  message: string
  response: { type: string; data: { code: string; detail?: string }[] }
}
interface Session {
  getInstitutions(): Promise<{ type: string; data: { id: string }[] }>
  createUser(data: { email?: string; mobile?: string }): Promise<{ id: string }>
  getUser(id: string): Promise<{ id: string; email: string; mobile: string }>
  forUser(id: string): { getAccounts(): Promise<{ type: string; data: { id: string }[] }> }
}
const BasiqSDK = createRequire(import.meta.url)('basiq-sdk-nodejs') as {
  Session(apiKey: string, version?: string): Promise<Session>
  Job: unknown
}
const key = (status: string) => defaultFixtures.apiKeys.find((k) => k.status === status)!.key

describe('basiq-sdk-nodejs@1.1.2 against the mock (MSW, in process)', () => {
  const server = setupAuthMocks({ basiq: 'https://au-api.basiq.io' })
  before(() => server.listen({ onUnhandledRequest: 'error' }))
  after(() => server.close())

  it("runs its README's walk: Session, institutions, createUser, getUser, forUser(…).getAccounts", async () => {
    const session = await BasiqSDK.Session(key('live'), '3.0')
    const institutions = await session.getInstitutions()
    assert.equal(institutions.type, 'list')
    assert.equal(institutions.data[0]!.id, 'AU00000')
    const user = await session.createUser({ email: 'gavin@hooli.com', mobile: '+61410888999' })
    assert.match(user.id, /^[0-9a-f-]{36}$/)
    const read = await session.getUser(user.id)
    assert.deepEqual([read.id, read.email, read.mobile], [user.id, 'gavin@hooli.com', '+61410888999'])
    const accounts = await session.forUser(defaultFixtures.users[0]!.id).getAccounts()
    assert.equal(accounts.type, 'list')
    assert.equal(accounts.data[0]!.id, defaultFixtures.users[0]!.accounts[0]!.id)
  })

  it('works with basiq-version 2.0 too', async () => {
    const session = await BasiqSDK.Session(key('live'), '2.0')
    assert.equal((await session.getInstitutions()).type, 'list')
  })

  it('surfaces the envelope of each refusal as its error (statusCode, detail as message)', async () => {
    const refusal = async (pending: Promise<unknown>) => {
      try {
        await pending
      } catch (error) {
        return error as SdkError
      }
      assert.fail('the SDK resolved')
    }
    const deleted = await refusal(BasiqSDK.Session(key('deleted'), '3.0'))
    assert.deepEqual([deleted.statusCode, deleted.message], [404, 'Unable to authenticate. Please, check your API key'])
    const disabled = await refusal(BasiqSDK.Session(key('disabled'), '3.0'))
    assert.deepEqual([disabled.statusCode, disabled.message], [403, 'Your account has been disabled. Please contact Basiq support.'])
    // The SDK's own default, basiq-version 1.0, is refused like 0.9 (the documented range is 2.0–2.1 and 3.0).
    const versionless = await refusal(BasiqSDK.Session(key('live')))
    assert.deepEqual([versionless.statusCode, versionless.message], [400, 'Version 1.0 is no longer supported. Please upgrade to the latest version'])
    const session = await BasiqSDK.Session(key('live'), '3.0')
    const missing = await refusal(session.getUser('00000000-0000-4000-8000-000000000000'))
    assert.deepEqual([missing.statusCode, missing.response.data[0]!.code], [404, 'resource-not-found'])
  })
})
