import { browserReq, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { need, newState, newVerifier, OAuth2Flow } from '../shared/oauth2/flow.ts'
import { bearer } from './frameio.ts'
import { frameioOAuth2 } from './oauth2.ts'

/** The seeded apps' names on the mock (fixtures): what their consent page must name. */
const APP_NAMES: Record<string, string> = { 'frameio-confidential': 'Review Sync', 'frameio-pkce': 'Upload Widget', 'frameio-other': 'Another App', 'frameio-tenant': 'Tenant App' }

/** The app's side of a loopback redirect URI: a server on a free port that answers the browser with a page. */
async function listening(registered: string): Promise<{ uri: string; close(): Promise<void> }> {
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end('<!doctype html><title>Upload Widget</title><p>Connected.</p>'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const u = new URL(registered)
  return { uri: `${u.protocol}//127.0.0.1:${port}${u.pathname}`, close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()) }
}

test.describe('in headless Chromium (every page and redirect recorded as evidence)', () => {
  test(
    'a native app: authorize → sign in → consent → Allow → the browser lands on its loopback redirect URI with the code, which gives a token for /v2/me',
    browserReq('FIO-CODE-FLOW-BROWSER', 'FIO-CONSENT-PAGE'),
    async ({ page, request, target, session }, testInfo) => {
      const v = new Verdicts()
      await v.run(testInfo, 'the code flow in Chromium', async () => {
        const flow = new OAuth2Flow({ request, target, session }, frameioOAuth2)
        // A native app (the PKCE app, registered with a loopback redirect URI): it listens on a port of its own, as
        // RFC 8252 §7.3 apps do, and shows the browser a page when the code arrives.
        const app = flow.client('public')
        const user = target.creds('user')
        const state = newState()
        const verifier = newVerifier()
        const callback = await listening(app.redirectUri)
        // Each click waits for the next page to load, whatever it is, and the test then looks at where the browser
        // is: a broken flow (a mutant) fails at once instead of waiting out a timeout for a URL that never comes.
        const at = () => new URL(page.url())
        try {
          await page.goto(`${flow.url(frameioOAuth2.endpoints.authorize)}?${flow.query(app, { state, verifier, redirectUri: callback.uri, scope: 'offline account.read asset.read' })}`)
          if (!v.check('FIO-CODE-FLOW-BROWSER', 'the authorization URL shows the sign-in page', at().pathname, frameioOAuth2.interaction.login.path)) return
          await page.fill('input[name=email]', user.email!)
          await page.fill('input[name=password]', user.password!)
          await Promise.all([page.waitForEvent('load', { timeout: 10_000 }), page.click('button[type=submit]')])
          if (!v.check('FIO-CODE-FLOW-BROWSER', 'signed in: the consent page', at().pathname, frameioOAuth2.interaction.consent.path)) return
          // What the docs say of the page, not its markup: it names the app (its name, or its client_id where the
          // suite does not know the name) and each requested scope in its visible text, and offers Allow and Deny.
          const { allow, deny } = frameioOAuth2.interaction.consent
          const text = await page.locator('body').innerText()
          const words = new Set(text.split(/[\s,;:()"'“”]+/).filter(Boolean))
          const button = (label: string) => page.getByRole('button', { name: new RegExp(`^\\s*${label}\\s*$`, 'i') })
          const named = [APP_NAMES[app.id], app.id].some((n) => n !== undefined && text.includes(n))
          const requested = ['account.read', 'asset.read', 'offline']
          const buttons = { allow: await button(allow).count(), deny: deny ? await button(deny).count() : 1 }
          v.check('FIO-CONSENT-PAGE', 'the consent page names the app and each scope, and offers Allow and Deny', { app: named, missing: requested.filter((x) => !words.has(x)), allow: buttons.allow > 0, deny: buttons.deny > 0 }, { app: true, missing: [], allow: true, deny: true })
          await Promise.all([page.waitForEvent('load', { timeout: 10_000 }), button(allow).first().click()])
        } finally {
          await callback.close()
        }
        const landed = new URL(page.url())
        const code = landed.searchParams.get('code')
        v.check('FIO-CODE-FLOW-BROWSER', 'the browser lands on the redirect URI with a code and the same state', { at: `${landed.origin}${landed.pathname}`, code: Boolean(code), state: landed.searchParams.get('state'), page: await page.evaluate(() => document.querySelector('p')?.textContent) }, { at: callback.uri, code: true, state, page: 'Connected.' })
        need(code, 'FIO-CODE-FLOW-BROWSER', 'the browser must land on the redirect URI with a code')
        const exchanged = await flow.exchange(app, code, { verifier, redirectUri: callback.uri })
        const tokens = (await exchanged.json().catch(() => ({}))) as { access_token?: string }
        const me = tokens.access_token ? await request.get('/v2/me', { headers: bearer(tokens.access_token) }) : undefined
        v.check('FIO-CODE-FLOW-BROWSER', 'the code exchanged, the token reads /v2/me as the user', { exchange: exchanged.status(), email: me ? ((await me.json()) as { email?: string }).email : undefined }, { exchange: 200, email: user.email })
      })
    },
  )
})
