import type { ApiName } from '../mocks/registry.ts'
import type { Canned } from './bare-server.ts'
import { planFor, type RequestSpec } from './plans.ts'

/** Sends one of a bench plan's requests to `baseUrl`. */
export function send(baseUrl: string, spec: RequestSpec): Promise<Response> {
  return fetch(`${baseUrl}${spec.path}`, { method: spec.method, headers: spec.headers ?? {}, ...(spec.body === undefined ? {} : { body: spec.body }) })
}

/**
 * Issues one token from a running mock with the API's own token request, and checks that the token-checked
 * GET accepts it; returns the token. Throws when either step is not 2xx.
 */
export async function issueAndCheck(api: ApiName, baseUrl: string): Promise<string> {
  const { plan, fixtures } = planFor(api)
  const issued = await send(baseUrl, plan.issue(fixtures))
  if (!issued.ok) throw new Error(`[authconform] ${api}: token request answered ${issued.status}: ${await issued.text()}`)
  const token = plan.token(await issued.json())
  const check = await send(baseUrl, plan.protectedGet(token, fixtures))
  if (!check.ok) throw new Error(`[authconform] ${api}: token-checked GET answered ${check.status}: ${await check.text()}`)
  await check.arrayBuffer()
  return token
}

const HOP_BY_HOP = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])

async function canned(response: Response): Promise<Canned> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers[name] = value
  })
  return { status: response.status, headers, body: await response.text() }
}

/** The mock's own answers to the token request and the token-checked GET, for the bare baseline to replay. */
export async function captureResponses(api: ApiName, baseUrl: string, token: string): Promise<{ get: Canned; issue: Canned }> {
  const { plan, fixtures } = planFor(api)
  return { issue: await canned(await send(baseUrl, plan.issue(fixtures))), get: await canned(await send(baseUrl, plan.protectedGet(token, fixtures))) }
}
