import type { BenchReport } from './report.ts'
import { SCENARIO_TITLES, type ScenarioResult } from './scenarios.ts'
import { LIMITS } from './targets.ts'

const WIDTH = 980
const LABEL_W = 170
const BAR_MAX = 520
const BAR_H = 16
const GAP = 4
const COLORS = { bare: '#9aa0a6', mock: '#1a73e8', prism: '#e8710a', met: '#188038', notMet: '#d93025', text: '#202124', muted: '#5f6368' }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const int = (n: number): string => Math.round(n).toLocaleString('en-US')

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" ${attrs}>${esc(content)}</text>`
}

/** One scenario: a title, three bars (bare, mock, Prism) and, for the bare-ratio targets, a dashed marker at the target. */
function scenarioGroup(s: ScenarioResult, y: number, max: number): { svg: string; height: number } {
  const width = (v: number) => Math.max(1, (v / max) * BAR_MAX)
  const limit = s.scenario === 'get' ? LIMITS.getVsBare : s.scenario === 'issue' ? LIMITS.issueVsBare : undefined
  const marker = limit === undefined ? 0 : width(limit * s.bare.iterationsPerS)
  const vsPrism = s.vsPrism === null ? '' : ` · ${s.vsPrism.toFixed(1)}× Prism`
  const bars: [keyof typeof COLORS, string, number | null, string][] = [
    ['bare', 'bare node:http', s.bare.iterationsPerS, ''],
    ['mock', 'mock', s.mock.iterationsPerS, ` · ${s.vsBare.toFixed(2)}× bare${vsPrism}`],
    ['prism', 'Prism', s.prism?.iterationsPerS ?? null, ''],
  ]
  const title = s.walk ? `${SCENARIO_TITLES[s.scenario]}: ${s.walk.name} (${s.walk.steps.length} requests; verified walks/s, own scale)` : SCENARIO_TITLES[s.scenario]
  const parts = [text(LABEL_W, y + 12, title, `font-weight="600" font-size="12" fill="${COLORS.text}"`)]
  bars.forEach(([color, label, value, extra], i) => {
    const top = y + 18 + i * (BAR_H + GAP)
    parts.push(text(LABEL_W - 8, top + 12, label, `text-anchor="end" fill="${COLORS.muted}" font-size="11"`))
    if (value === null) {
      // Not a zero: Prism cannot be measured on this scenario at all.
      parts.push(text(LABEL_W, top + 12, 'n/a: no sign-in pages, sessions or codes in Prism', `fill="${COLORS.muted}" font-size="11" font-style="italic"`))
      return
    }
    const end = LABEL_W + Math.max(width(value), color === 'mock' ? marker : 0)
    parts.push(`<rect x="${LABEL_W}" y="${top}" width="${width(value).toFixed(1)}" height="${BAR_H}" fill="${COLORS[color]}" rx="2"/>`)
    parts.push(text(end + 6, top + 12, `${int(value)}/s${extra}`, `fill="${COLORS.text}" font-size="11"`))
  })
  if (limit !== undefined) {
    const x = (LABEL_W + marker).toFixed(1)
    const top = y + 18 + BAR_H + GAP - 3
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${top + BAR_H + 6}" stroke="${COLORS.text}" stroke-width="2" stroke-dasharray="3,2"/>`)
  }
  return { svg: parts.join(''), height: 18 + 3 * (BAR_H + GAP) + 10 }
}

function legend(y: number): string {
  const items: [string, string][] = [
    [COLORS.bare, 'bare node:http (practical limit)'],
    [COLORS.mock, 'authconform mock'],
    [COLORS.prism, 'Prism 5.14.2 mock'],
  ]
  const swatches = items.map(([color, label], i) => `<rect x="${10 + i * 235}" y="${y}" width="12" height="12" fill="${color}"/>${text(28 + i * 235, y + 10, label, `font-size="11" fill="${COLORS.text}"`)}`)
  const marker = `<line x1="${16 + 3 * 235}" y1="${y - 2}" x2="${16 + 3 * 235}" y2="${y + 14}" stroke="${COLORS.text}" stroke-width="2" stroke-dasharray="3,2"/>`
  return [...swatches, marker, text(28 + 3 * 235, y + 10, `target: ${LIMITS.getVsBare}× / ${LIMITS.issueVsBare}× bare`, `font-size="11" fill="${COLORS.text}"`)].join('')
}

function targetList(report: BenchReport, y: number): { svg: string; height: number } {
  const parts = [text(10, y + 14, 'Targets', `font-weight="600" font-size="14" fill="${COLORS.text}"`)]
  report.targets.forEach((t, i) => {
    const top = y + 24 + i * 18
    const color = t.met ? COLORS.met : COLORS.notMet
    parts.push(`<rect x="10" y="${top}" width="64" height="14" rx="3" fill="${color}"/>`)
    parts.push(text(42, top + 11, t.met ? 'MET' : 'NOT MET', 'text-anchor="middle" font-size="10" font-weight="600" fill="#fff"'))
    parts.push(text(82, top + 11, `${t.api} · ${t.target}: ${t.actual}`, `font-size="11" fill="${COLORS.text}"`))
  })
  return { svg: parts.join(''), height: 30 + report.targets.length * 18 }
}

/**
 * A self-contained SVG a person can take in at a glance: per API and scenario, iterations per second of
 * bare node:http, the mock and Prism on one linear scale (with the bare-ratio target marked; a sign-in walk on its
 * own scale, Prism shown as not applicable), then every target as MET / NOT MET. No dependency: plain strings.
 */
export function renderChart(report: BenchReport): string {
  const max = Math.max(1, ...report.scenarios.flatMap((s) => [s.bare.iterationsPerS, s.mock.iterationsPerS, s.prism?.iterationsPerS ?? 0]))
  const body: string[] = []
  let y = 58
  for (const api of report.config.apis) {
    const groups = report.scenarios.filter((s) => s.api === api)
    if (!groups.length) continue
    body.push(text(10, y + 4, api, `font-weight="700" font-size="15" fill="${COLORS.text}"`))
    y += 14
    for (const s of groups) {
      // A walk is many requests per iteration: on the shared scale its bars would be slivers, so it has its own.
      const g = scenarioGroup(s, y, s.walk ? Math.max(1, s.bare.iterationsPerS, s.mock.iterationsPerS) : max)
      body.push(g.svg)
      y += g.height
    }
  }
  body.push(legend(y))
  y += 26
  const targets = targetList(report, y)
  body.push(targets.svg)
  y += targets.height + 10
  const subtitle = `${report.generatedAt} · Node ${report.environment.node} · ${report.environment.cpus} CPU · ${report.config.quick ? 'quick mode' : 'full run'} · iterations per second (higher is better)`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    text(10, 24, 'authconform benchmark', `font-weight="700" font-size="18" fill="${COLORS.text}"`),
    text(10, 42, subtitle, `font-size="11" fill="${COLORS.muted}"`),
    ...body,
    '</svg>',
    '',
  ].join('\n')
}
