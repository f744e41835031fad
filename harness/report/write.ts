import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderHtml } from './render-html.ts'
import { renderJunit } from './render-junit.ts'
import { renderMarkdown } from './render-markdown.ts'
import { parseReport, type ConformanceReport } from './schema.ts'

/** Checks the report against its schema, then writes it and its renderings: JSON, Markdown, HTML, JUnit. */
export function writeReport(dir: string, report: ConformanceReport): void {
  const checked = parseReport(report, `the ${report.target} report`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'conformance.json'), `${JSON.stringify(checked, null, 2)}\n`)
  writeFileSync(join(dir, 'conformance.md'), renderMarkdown(checked))
  writeFileSync(join(dir, 'index.html'), renderHtml(checked))
  writeFileSync(join(dir, 'junit.xml'), renderJunit(checked))
}
