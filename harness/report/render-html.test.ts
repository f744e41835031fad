import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { chromium, type Browser } from '@playwright/test'
import { loadCatalogue } from '../catalogue.ts'
import { CHROMIUM, CHROMIUM_FLAGS } from '../fixtures/browser.ts'
import { compareReports } from './compare.ts'
import { buildReport, type TestRecord } from './model.ts'
import { renderCompareHtml, renderCompareMarkdown } from './render-compare.ts'
import { renderHtml } from './render-html.ts'
import { MARKDOWN_LIMIT, renderMarkdown } from './render-markdown.ts'
import { renderJunit } from './render-junit.ts'
import { parseReport } from './schema.ts'

const catalogue = loadCatalogue('dadi')
const record = (id: string, status: TestRecord['status'], error?: string): TestRecord => ({
  api: 'dadi',
  profile: 'dadi@3',
  title: `checks ${id}`,
  location: 'suites/dadi/x.spec.ts:1',
  requirements: [id],
  status,
  ...(status === 'failed' ? { failed: [id] } : {}),
  errors: error ? [error] : [],
  checked: { own: 1, upstream: 0 },
  searched: 1,
  exchanges: error ? [{ request: { method: 'GET', url: 'http://api.test/api/collections', headers: { authorization: 'Bearer «redacted 36 chars»' } }, response: { status: 401, headers: {}, body: { statusCode: 401 } }, diagnostics: [] }] : [],
})
/** A run where one missing challenge fails two requirements: one cause, listed first. */
const report = buildReport('staging', [{ catalogue, profile: 'dadi@3' }], [
  record('DADI-AUTH-UNKNOWN', 'failed', 'DADI-AUTH-UNKNOWN: expected 401 with WWW-Authenticate Bearer error="invalid_token"'),
  record('DADI-AUTH-EXPIRED', 'failed', 'DADI-AUTH-EXPIRED: expected 401 with WWW-Authenticate Bearer error="invalid_token"'),
  ...catalogue.requirements.filter((r) => !['DADI-AUTH-UNKNOWN', 'DADI-AUTH-EXPIRED'].includes(r.id)).map((r) => record(r.id, 'passed')),
])

/** The same API judged clean elsewhere: the comparison's to-do rows are the two the staging run fails. */
const clean = buildReport('mock', [{ catalogue, profile: 'dadi@3' }], catalogue.requirements.map((r) => record(r.id, 'passed')))
const compared = compareReports([
  { label: 'mock', report: clean },
  { label: 'staging', report },
])

describe('report renderings', () => {
  it('compare targets side by side: the rows some target fails first, the rest counted', () => {
    assert.equal(compared.length, 1)
    const [dadi] = compared
    assert.deepEqual(dadi!.columns.map((c) => `${c.label} ${c.profile}`), ['mock dadi@3', 'staging dadi@3'])
    const todo = dadi!.rows.filter((r) => r.todo)
    assert.deepEqual(todo.map((r) => r.id).sort(), ['DADI-AUTH-EXPIRED', 'DADI-AUTH-UNKNOWN'])
    assert.deepEqual(dadi!.rows.slice(0, 2).map((r) => r.statuses), [['passed', 'failed'], ['passed', 'failed']])
    assert.ok(todo.every((r) => r.differs))
    const md = renderCompareMarkdown(compared)
    assert.match(md, /\| \*\*DADI-AUTH-(UNKNOWN|EXPIRED)\*\* MUST \| ✅ \| ❌ DADI-AUTH-\w+: expected 401 with WWW-Authenticate/)
    assert.match(md, new RegExp(`${dadi!.rows.length - 2} more requirements hold in every column`))
  })


  it('group failures by cause, the most urgent first, and stay within a GitHub comment', () => {
    assert.equal(report.causes.length, 1)
    assert.deepEqual(report.causes[0]!.requirements.map((r) => r.id).sort(), ['DADI-AUTH-EXPIRED', 'DADI-AUTH-UNKNOWN'])
    const md = renderMarkdown(report)
    assert.ok(md.length < MARKDOWN_LIMIT)
    assert.match(md.split('\n').slice(0, 8).join('\n'), /1 cause to fix[\s\S]*\*\*MUST\*\* — expected 401 with WWW-Authenticate Bearer error="invalid_token" — 2 requirements/)
    assert.doesNotThrow(() => parseReport(JSON.parse(JSON.stringify(report))))
    assert.match(renderJunit(report), /<testcase classname="dadi@dadi@3" name="DADI-AUTH-UNKNOWN: [^"]*" time="0"><properties>.*<failure message="failed">/)
  })

  describe('in Chromium, from file://', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}` }, () => {
    let browser: Browser
    before(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
    })
    after(() => browser.close())

    it('shows what to fix on the first screen and filters requirements by status', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'authconform-report-'))
      writeFileSync(join(dir, 'index.html'), renderHtml(report))
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(pathToFileURL(join(dir, 'index.html')).href)
      const causes = page.locator('#causes')
      assert.ok(await causes.isVisible())
      assert.ok((await causes.boundingBox())!.y < 800, 'the causes are on the first screen')
      assert.match((await causes.textContent()) ?? '', /1 cause to fix/)
      const shots = join('test-results', 'report-html')
      mkdirSync(shots, { recursive: true })
      await page.screenshot({ path: join(shots, 'first-screen.png') })
      const total = await page.locator('tr.req:not(.hidden)').count()
      await page.selectOption('#f-status', 'failed')
      assert.equal(await page.locator('tr.req:not(.hidden)').count(), 2)
      assert.ok(total > 2)
      assert.match((await page.textContent('#f-count')) ?? '', /^2 requirements shown/)
      await page.screenshot({ path: join(shots, 'failed-only.png'), fullPage: true })
      await page.close()
    })

    it('compares targets on one page: to-dos only at first, every requirement on demand', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'authconform-compare-'))
      writeFileSync(join(dir, 'index.html'), renderCompareHtml(compared))
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      await page.goto(pathToFileURL(join(dir, 'index.html')).href)
      assert.equal(await page.locator('tr.req:not(.hidden)').count(), 2)
      assert.deepEqual(await page.locator('tr.req:not(.hidden) td.cmp.failed').count(), 2)
      assert.match((await page.locator('thead').textContent()) ?? '', /mock.*dadi@3.*staging.*dadi@3/s)
      await page.screenshot({ path: join('test-results', 'report-html', 'compare.png'), fullPage: true })
      await page.uncheck('#f-todo')
      assert.equal(await page.locator('tr.req:not(.hidden)').count(), compared[0]!.rows.length)
      await page.close()
    })
  })
})
