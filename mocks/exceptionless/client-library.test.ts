import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ExceptionlessClient } from '@exceptionless/core'
import { closeMocks, serveMocks, type RunningMock } from '../adapters/node-server.ts'

/**
 * The official Exceptionless JavaScript client (@exceptionless/core), unchanged, against the mock's URL:
 * it must submit events with its client key, read its project settings, and send heartbeats.
 */
describe('the official Exceptionless client against the mock', () => {
  let running: RunningMock[]
  let url: string
  before(async () => {
    running = await serveMocks({ apis: ['exceptionless'], portBase: 0 })
    url = running[0]!.url
  })
  after(() => closeMocks(running))

  it('submits an event, refreshes its settings and sends a heartbeat', async () => {
    const client = new ExceptionlessClient()
    await client.startup((c) => {
      c.apiKey = 'LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest'
      c.serverUrl = url
      c.usePersistedQueueStorage = false
      c.updateSettingsWhenIdleInterval = -1
    })
    await client.submitLog('authconform', 'hello from the official client', 'Info')
    await client.config.services.queue.process()
    assert.equal(client.config.settings['IncludeConditionalData'], 'true', 'settings were fetched from GET /api/v2/projects/config')

    const heartbeat = await client.config.services.submissionClient.submitHeartbeat('session-1', false)
    assert.equal(heartbeat.status, 200)

    const login = await fetch(`${url}/api/v2/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'noreply@exceptionless.io', password: 'exceptionless' }),
    })
    const { token } = (await login.json()) as { token: string }
    const events = (await (await fetch(`${url}/api/v2/events`, { headers: { authorization: `Bearer ${token}` } })).json()) as { message: string }[]
    assert.ok(events.some((e) => e.message === 'hello from the official client'), 'the event reached the project')
    await client.suspend()
  })

  it('is refused with a disabled key, as the real server would', async () => {
    const response = await fetch(`${url}/api/v2/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer DisabledKey00000000000000000000000000Tst', 'content-type': 'application/json' },
      body: '[]',
    })
    assert.equal(response.status, 401)
  })

  it('accepts a gzip-compressed submission', async () => {
    const body = await new Response(new Blob(['{"message":"compressed"}']).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()
    const response = await fetch(`${url}/api/v2/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest', 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    })
    assert.equal(response.status, 202)
    assert.equal(response.headers.get('x-exceptionless-configversion'), '3')
  })
})
