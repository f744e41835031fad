import { createRequire } from 'node:module'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { expect, finding, req, test } from '../../harness/index.ts'
import { apiKey, people, tokenFor } from './basiq.ts'

/** What the test uses of basiq-sdk-nodejs@1.1.2 (CommonJS, no types). */
interface Session {
  getInstitutions(): Promise<{ type: string; data: unknown[] }>
  createUser(data: { email?: string; mobile?: string }): Promise<{ id: string }>
  getUser(id: string): Promise<{ id: string; mobile: string }>
  forUser(id: string): { getAccounts(): Promise<{ type: string; data: unknown[] }> }
}
type SDK = { Session(apiKey: string, version?: string): Promise<Session> }
/** The SDK is a development dependency here (it pulls the deprecated `request`): an installed authconform may lack it. */
const BasiqSDK = ((): SDK | undefined => {
  try {
    return createRequire(import.meta.url)('basiq-sdk-nodejs') as SDK
  } catch {
    return undefined
  }
})()

/** The origin the SDK hard-codes (src/BasiqSession.js). */
const SDK_ORIGIN = 'https://au-api.basiq.io'
/** A plain check inside a step (a Playwright expect would cost a step of its own, and is caught here anyway). */
const is = (actual: unknown, expected: unknown) => {
  if (actual !== expected) throw new Error(`got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
}
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding'])

test("the official Node SDK runs its README's walk against the target", req('BASIQ-SDK-NODE'), async ({ request, target }) => {
  test.skip(!BasiqSDK, 'basiq-sdk-nodejs is not installed (npm install -D basiq-sdk-nodejs@1.1.2 to run this check)')
  const { a } = await people(request, target, () => tokenFor(request, target))
  // The SDK calls au-api.basiq.io through node:https; MSW (in this process) hands each call to the target through
  // the test's own request context, so every exchange is recorded and judged like the suite's own.
  const redirect = setupServer(
    http.all(`${SDK_ORIGIN}/*`, async ({ request: sent }) => {
      const url = new URL(sent.url)
      const body = Buffer.from(await sent.arrayBuffer())
      const headers = Object.fromEntries([...sent.headers].filter(([name]) => !HOP_BY_HOP.has(name)))
      const answer = await request.fetch(`${url.pathname}${url.search}`, { method: sent.method, headers, ...(body.length ? { data: body } : {}) })
      return new Response(new Uint8Array(await answer.body()), { status: answer.status(), headers: answer.headers() })
    }),
  )
  redirect.listen({ onUnhandledRequest: 'bypass' })
  const steps: string[] = []
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      const value = await run()
      steps.push(`${name}: ok`)
      return value
    } catch (error) {
      const e = error as { statusCode?: number; message?: string }
      steps.push(`${name}: ${e.statusCode ?? ''} ${e.message ?? String(error)}`.trim())
      return undefined
    }
  }
  try {
    // basiq-version "3.0": the SDK's own default, 1.0, is refused (BASIQ-TOKEN-VERSION-UNSUPPORTED).
    const session = await step('Session (POST /token, empty JSON body, no scope)', () => BasiqSDK!.Session(apiKey(target), '3.0'))
    if (session) {
      await step('getInstitutions', async () => is((await session.getInstitutions()).type, 'list'))
      const user = await step('createUser', () => session.createUser({ email: 'gavin@hooli.com', mobile: '+61410888999' }))
      if (user) await step('getUser', async () => is((await session.getUser(user.id)).id, user.id))
      await step('forUser(…).getAccounts', async () => is((await session.forUser(a).getAccounts()).type, 'list'))
    }
  } finally {
    redirect.close()
  }
  expect(steps.filter((s) => !s.endsWith(': ok')), finding('BASIQ-SDK-NODE', `every step without an error (${steps.join('; ')})`)).toEqual([])
})
