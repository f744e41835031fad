import { definitions, type ApiName } from '../mocks/registry.ts'
import type { Canned, CannedStep } from './bare-server.ts'
import { planFor, type RequestSpec } from './plans.ts'
import { routeKey, walkOnce, type WalkedStep } from './walk.ts'

/** Sends one of a bench plan's requests to `baseUrl`. */
export function send(baseUrl: string, spec: RequestSpec): Promise<Response> {
  return fetch(`${baseUrl}${spec.path}`, { method: spec.method, headers: spec.headers ?? {}, ...(spec.body === undefined ? {} : { body: spec.body }) })
}

/**
 * Prepares a freshly started mock as its plan says (`prepare`), then issues one token from it with the API's own
 * token request, and checks that the token-checked GET accepts it; returns the token. Where the plan says so
 * (`getToken: 'obtainToken'`), the GET's token is a user token from the mock definition's `obtainToken` recipe
 * instead (the issue request is still checked). Throws when a step is not 2xx.
 */
export async function issueAndCheck(api: ApiName, baseUrl: string): Promise<string> {
  const { plan, fixtures } = planFor(api)
  for (const spec of plan.prepare?.(fixtures) ?? []) {
    const prepared = await send(baseUrl, spec)
    if (!prepared.ok) throw new Error(`[authconform] ${api}: ${spec.method} ${spec.path} (preparing the mock) answered ${prepared.status}: ${await prepared.text()}`)
    await prepared.arrayBuffer()
  }
  const issued = await send(baseUrl, plan.issue(fixtures))
  if (!issued.ok) throw new Error(`[authconform] ${api}: token request answered ${issued.status}: ${await issued.text()}`)
  const issuedToken = plan.token(await issued.json())
  // The recipe follows no redirect itself (it reads each 302/303), as a browser's steps go one by one.
  const call = (request: Request) => fetch(new Request(request, { redirect: 'manual' }))
  const token = plan.getToken === 'obtainToken' ? await definitions[api]!.obtainToken(call, baseUrl, fixtures) : issuedToken
  const check = await send(baseUrl, plan.protectedGet(token, fixtures))
  if (!check.ok) throw new Error(`[authconform] ${api}: token-checked GET answered ${check.status}: ${await check.text()}`)
  await check.arrayBuffer()
  return token
}

const HOP_BY_HOP = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])

function cannedHeaders(headers: Headers): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {}
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') kept[name] = value
  })
  // Each Set-Cookie its own line, as sent (joined with commas they would break at every Expires date).
  const cookies = headers.getSetCookie()
  if (cookies.length) kept['set-cookie'] = cookies
  return kept
}

async function canned(response: Response): Promise<Canned> {
  return { status: response.status, headers: cannedHeaders(response.headers), body: await response.text() }
}

/** The mock's own answers to the token request and the token-checked GET, for the bare baseline to replay. */
export async function captureResponses(api: ApiName, baseUrl: string, token: string): Promise<{ get: Canned; issue: Canned }> {
  const { plan, fixtures } = planFor(api)
  return { issue: await canned(await send(baseUrl, plan.issue(fixtures))), get: await canned(await send(baseUrl, plan.protectedGet(token, fixtures))) }
}

/** The sign-in walk as the mock answered it once: every step's answer for the bare baseline, and the values read. */
export interface CapturedWalk {
  routes: Record<string, CannedStep>
  /** Every value read on the way (client id, code, token …): what a load iteration falls back on. */
  captured: Record<string, string>
  steps: WalkedStep[]
}

/**
 * Walks the API's sign-in walk once on the running mock (redirects not followed, as the load generator does) and
 * returns its answers keyed as the bare server routes them; undefined when the plan has no walk. Throws when the
 * walk does not end verified (the benchmark would measure a broken flow) or two steps share a route.
 */
export async function captureWalk(api: ApiName, baseUrl: string): Promise<CapturedWalk | undefined> {
  const { plan, fixtures } = planFor(api)
  if (!plan.walk) return undefined
  const walked = await walkOnce(plan.walk, fixtures, (spec) =>
    fetch(`${baseUrl}${spec.path}`, { method: spec.method, headers: spec.headers ?? {}, redirect: 'manual', ...(spec.body === undefined ? {} : { body: spec.body }) }),
  )
  if (!walked.end.verified) throw new Error(`[authconform] ${api}: the ${plan.walk.name} walk failed on the mock before the load: ${walked.end.reason}`)
  const routes: Record<string, CannedStep> = {}
  for (const { sent, answer } of walked.steps) {
    const key = routeKey(sent.method, sent.path)
    if (routes[key]) throw new Error(`[authconform] ${api}: two steps of the walk are both ${key}; the bare baseline could not tell them apart`)
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)))
    routes[key] = { status: answer.status, headers, body: answer.body, bearer: /^Bearer /.test(sent.headers?.authorization ?? '') }
  }
  return { routes, captured: walked.values, steps: walked.steps }
}
