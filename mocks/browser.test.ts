import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { chromium, type Browser } from '@playwright/test'
import { build } from 'esbuild'

const CHROMIUM = process.env.AUTHCONFORM_CHROMIUM ?? '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/**
 * MSW in a real browser: the same mock core, bundled with esbuild, answering a page's fetch() through MSW's
 * service worker — a frontend logs in against it exactly as against the real API.
 */
describe('MSW in the browser (setupWorker)', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` }, () => {
  let server: Server
  let browser: Browser
  let origin: string

  before(async () => {
    const bundle = await build({
      stdin: {
        contents: `import { startAuthMocks } from './browser.ts'; window.startAuthMocks = startAuthMocks;`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    })
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><title>authconform</title><script type="module" src="/app.js"></script>'],
      '/app.js': ['text/javascript', bundle.outputFiles[0]!.text],
      '/mockServiceWorker.js': ['text/javascript', readFileSync(join(import.meta.dirname, '..', 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'), 'utf8')],
    }
    server = createServer((req, res) => {
      const file = files[req.url ?? '/']
      res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'not found')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
  })

  after(async () => {
    await browser?.close()
    server?.close()
  })

  it('logs in to DADI and Exceptionless through the service worker', async () => {
    const page = await browser.newPage()
    await page.goto(origin)
    await page.waitForFunction(() => 'startAuthMocks' in window)
    const result = await page.evaluate(async () => {
      const start = (window as unknown as { startAuthMocks: (o: Record<string, string>) => Promise<unknown> }).startAuthMocks
      await start({ dadi: 'https://dadi.example.test', exceptionless: 'https://api.exceptionless.test' })
      const login = await fetch('https://dadi.example.test/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'testClient', secret: 'superSecret' }),
      })
      const { accessToken } = await login.json()
      const books = await fetch('https://dadi.example.test/1.0/library/books', { headers: { authorization: `Bearer ${accessToken}` } })
      const refused = await fetch('https://dadi.example.test/1.0/library/books', { headers: { authorization: 'Bearer nope' } })
      const exl = await fetch('https://api.exceptionless.test/api/v2/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'noreply@exceptionless.io', password: 'exceptionless' }),
      })
      const { token } = await exl.json()
      const orgs = await fetch(`https://api.exceptionless.test/api/v2/organizations?access_token=${token}`)
      return { login: login.status, tokenLength: accessToken.length, books: books.status, refused: refused.status, challenge: refused.headers.get('www-authenticate'), orgs: orgs.status }
    })
    assert.deepEqual(result, {
      login: 200,
      tokenLength: 36,
      books: 200,
      refused: 401,
      challenge: 'Bearer, error="invalid_token", error_description="Invalid or expired access token"',
      orgs: 200,
    })
  })
})
