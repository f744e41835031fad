import { createMockClock } from '../core/mock-clock.ts'
import { basiq } from './index.ts'
import type { BasiqMutant } from './mutants.ts'

/**
 * The Basiq core without a server, for the unit tests: Request in, Response out (as hono's app.request and msw's
 * getResponse tests do), on its own clock, with the seeded keys and users by name. Not part of the mock's routes.
 */
export async function basiqInstance(mutants: BasiqMutant[] = []) {
  const fixtures = basiq.parseFixtures(basiq.defaultFixtures)
  const clock = createMockClock()
  const prepared = await basiq.prepare!(fixtures)
  const mock = basiq.create({ clock, fixtures, prepared, profile: 'basiq@3', mutants: new Set(mutants) })
  const call = (path: string, init: RequestInit = {}) => Promise.resolve(mock.fetch(new Request(`https://au-api.basiq.io${path}`, init)))
  const key = (status: 'live' | 'disabled' | 'deleted') => fixtures.apiKeys.find((k) => k.status === status)!.key
  const [gavin, richard, erlich] = fixtures.users.map((u) => u.id) as [string, string, string]

  /** POST /token as the docs show it: the live key, basiq-version 3.0, a form body. */
  const tokenRequest = (body = 'scope=SERVER_ACCESS', headers: Record<string, string> = {}) =>
    call('/token', {
      method: 'POST',
      headers: { authorization: `Basic ${key('live')}`, 'basiq-version': '3.0', 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    })
  const token = async (body?: string, headers?: Record<string, string>) => {
    const response = await tokenRequest(body, headers)
    if (response.status !== 200) throw new Error(`POST /token answered ${response.status}: ${await response.text()}`)
    return ((await response.json()) as { access_token: string }).access_token
  }
  const clientToken = (userId: string) => token(`scope=CLIENT_ACCESS&userId=${userId}`)
  const get = (path: string, bearer: string, init: RequestInit = {}) => call(path, { ...init, headers: { authorization: `Bearer ${bearer}`, ...(init.headers as Record<string, string>) } })
  return { mock, clock, fixtures, call, key, tokenRequest, token, clientToken, get, users: { gavin, richard, erlich } }
}

export interface BasiqErrorBody {
  type: string
  correlationId: string
  data: { type: string; code: string; title: string; detail?: string; source?: unknown }[]
}

/** Status, media type and the envelope of an error answer. */
export async function errorOf(response: Response): Promise<{ status: number; type: string | null; body: BasiqErrorBody; item: BasiqErrorBody['data'][number] }> {
  const body = (await response.json()) as BasiqErrorBody
  return { status: response.status, type: response.headers.get('content-type'), body, item: body.data[0]! }
}
