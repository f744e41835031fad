import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { chromium, request as playwrightRequest, type Browser } from '@playwright/test'
import type { Exchange } from './evidence/exchange.ts'
import { recordPage } from './evidence/page-recorder.ts'
import { Redactor } from './evidence/redact.ts'
import { readForm, submitForm } from './expect/html-form.ts'
import { CHROMIUM, CHROMIUM_FLAGS } from './fixtures/browser.ts'

/** A login form with a CSRF field, a redirect after the post, and a page that shows the issued code. */
function loginSite(): Server {
  return createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/login') {
        res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=s1; HttpOnly' })
        res.end('<!doctype html><title>Sign in</title><form method="post" action="/login?next=%2Fdone"><input type="hidden" name="csrf_token" value="csrf-123"><input name="username"><input type="password" name="password"><button type="submit" name="decision" value="allow">Allow</button><button name="decision" value="deny">Deny</button></form>')
      } else if (req.method === 'POST' && req.url?.startsWith('/login')) {
        const form = new URLSearchParams(body)
        const ok = req.headers.cookie === 'session=s1' && form.get('csrf_token') === 'csrf-123' && form.get('password') === 'hunter22' && form.get('decision') === 'allow'
        res.writeHead(ok ? 302 : 403, ok ? { location: '/done' } : { 'content-type': 'text/plain' })
        res.end(ok ? '' : 'refused')
      } else if (req.url === '/done') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end('<!doctype html><title>Done</title><code>the-code-42</code>')
      } else {
        res.writeHead(404)
        res.end()
      }
    })
  })
}

describe('HTML flows', () => {
  let server: Server
  let origin: string
  before(async () => {
    server = loginSite()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('reads a form with its hidden fields and buttons, and submits it with the cookies kept', async () => {
    const request = await playwrightRequest.newContext({ baseURL: origin })
    const page = await request.get('/login')
    const form = readForm(await page.text(), page.url())
    assert.deepEqual(form, {
      action: `${origin}/login?next=%2Fdone`,
      method: 'POST',
      fields: { csrf_token: 'csrf-123', username: '', password: '' },
      buttons: [{ name: 'decision', value: 'allow', label: 'Allow' }, { name: 'decision', value: 'deny', label: 'Deny' }],
    })
    const redirect = await submitForm(request, page, { fill: { username: 'alice', password: 'hunter22' }, button: 'Allow', maxRedirects: 0 })
    assert.equal(redirect.status(), 302)
    assert.equal(redirect.headers().location, '/done')
    const denied = await submitForm(request, page, { fill: { password: 'hunter22' }, button: 'Deny', maxRedirects: 0 })
    assert.equal(denied.status(), 403)
    await assert.rejects(submitForm(request, page, { button: 'Maybe' }), /no button "Maybe"/)
    await request.dispose()
  })

  describe('in Chromium', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` }, () => {
    let browser: Browser
    before(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
    })
    after(() => browser.close())

    it('records a page clicked through as redacted evidence: the form post, the redirect and the page after it', async () => {
      const context = await browser.newContext({ baseURL: origin })
      const page = await context.newPage()
      const exchanges: Exchange[] = []
      const redactor = new Redactor()
      redactor.addSecret('hunter22')
      const flush = recordPage(page, redactor, [], exchanges)
      await page.goto('/login')
      await page.fill('input[name=username]', 'alice')
      await page.fill('input[name=password]', 'hunter22')
      await page.click('button[value=allow]')
      await page.waitForURL('**/done')
      assert.equal(await page.textContent('code'), 'the-code-42')
      await flush()
      await context.close()
      const seen = exchanges.map((e) => `${e.request.method} ${new URL(e.request.url).pathname} → ${e.response.status}`)
      assert.deepEqual(seen, ['GET /login → 200', 'POST /login → 302', 'GET /done → 200'])
      assert.ok(exchanges.every((e) => e.via === 'page'))
      const post = exchanges[1]!
      assert.doesNotMatch(JSON.stringify(exchanges), /hunter22/, 'the password is redacted everywhere')
      assert.match(String(post.request.body), /csrf_token=csrf-123/)
      assert.equal(post.response.headers.location, '/done')
      assert.match(String(exchanges[2]!.response.body), /the-code-42/)
    })
  })
})
