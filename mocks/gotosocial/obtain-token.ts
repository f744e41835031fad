import type { Call } from '../core/definition.ts'
import type { GtsFixtures } from './fixtures.ts'
import { OOB } from './urls.ts'

/**
 * How a GoToSocial client gets a user token, the documented walk as HTTP (seed 004; helpers' clients.md "the five
 * HTTP steps"): register an app, open the authorize URL (session cookie), sign in with e-mail and password, Allow,
 * read the code off the out-of-band page, exchange it. Every request carries a User-Agent (418 without one).
 */
export async function obtainGtsToken(call: Call, origin: string, fixtures: GtsFixtures): Promise<string> {
  const user = fixtures.accounts.find((a) => a.state === 'active' && a.role === 'user') ?? fixtures.accounts[0]!
  const ua = { 'user-agent': 'authconform' }
  let cookie = ''
  const step = async (path: string, init: RequestInit = {}, expect?: number): Promise<Response> => {
    const response = await call(new Request(new URL(path, origin), { ...init, headers: { ...ua, ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) } }))
    const set = response.headers.getSetCookie()[0]
    if (set) cookie = set.split(';')[0]!
    if (expect !== undefined && response.status !== expect) throw new Error(`[authconform] gotosocial: ${init.method ?? 'GET'} ${path} answered ${response.status}, not ${expect}`)
    return response
  }
  const registered = await step('/api/v1/apps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'authconform', redirect_uris: OOB, scopes: 'read write' }) }, 200)
  const app = (await registered.json()) as { client_id: string; client_secret: string }
  const query = new URLSearchParams({ client_id: app.client_id, redirect_uri: OOB, response_type: 'code', scope: 'read write' })
  await step(`/oauth/authorize?${query}`, {}, 303)
  await step('/auth/sign_in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: user.email, password: user.password }) }, 302)
  const allowed = await step('/oauth/authorize', { method: 'POST' }, 302)
  const page = await (await step(allowed.headers.get('location')!, {}, 200)).text()
  const code = /<section class="oob-token">[\s\S]*?<code>([^<]+)<\/code>/.exec(page)?.[1]
  if (!code) throw new Error('[authconform] gotosocial: no code on the out-of-band page')
  const body = { grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: OOB }
  const exchanged = await step('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, 200)
  return ((await exchanged.json()) as { access_token: string }).access_token
}
