import type { Call } from '../core/definition.ts'
import { SCOPES, type FrameioFixtures } from './fixtures.ts'

/**
 * How a Frame.io user gets a token (seed steps 1–6), as HTTP: open the sign-in page (CSRF cookie), sign in
 * (session and CSRF cookies), create a developer token with every scope through the portal's JSON API.
 */
export async function obtainFrameioToken(call: Call, origin: string, fixtures: FrameioFixtures): Promise<string> {
  const { email, password } = fixtures.users[0]!
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
    }
    return response
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  keep(await call(new Request(`${origin}/login`)))
  const form = new URLSearchParams({ email, password, csrf_token: jar.get('fio_csrf') ?? '' })
  const signedIn = keep(await call(new Request(`${origin}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() }, body: form })))
  if (signedIn.status !== 303) throw new Error(`[authconform] frameio: sign-in answered ${signedIn.status}`)
  const created = await call(
    new Request(`${origin}/developer/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(), 'x-csrf-token': jar.get('fio_csrf') ?? '' },
      body: JSON.stringify({ description: 'authconform', scopes: SCOPES }),
    }),
  )
  if (created.status !== 201) throw new Error(`[authconform] frameio: token creation answered ${created.status}`)
  return ((await created.json()) as { token: string }).token
}
