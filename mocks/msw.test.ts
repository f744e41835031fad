import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setupAuthMocks } from './node.ts'

describe('MSW in Node (setupServer)', () => {
  const server = setupAuthMocks({ dadi: 'https://dadi.example.test' })
  before(() => server.listen({ onUnhandledRequest: 'error' }))
  after(() => server.close())

  it('logs in and reads a collection through global fetch, exactly as against the real API', async () => {
    const login = await fetch('https://dadi.example.test/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'testClient', secret: 'superSecret' }),
    })
    assert.equal(login.status, 200)
    const { accessToken } = (await login.json()) as { accessToken: string }
    const read = await fetch('https://dadi.example.test/1.0/library/books', { headers: { authorization: `Bearer ${accessToken}` } })
    assert.equal(read.status, 200)
    const denied = await fetch('https://dadi.example.test/1.0/library/books', { headers: { authorization: 'Bearer nope' } })
    assert.equal(denied.status, 401)
  })
})
