/**
 * A sign-in walk: the whole browser flow a person goes through to give a client a token — pages, a session cookie,
 * forms, redirects, the code, the token exchange — and the first call with the token, as a list of steps. One
 * definition drives the parent's single walk before the load (which records the mock's answers for the bare
 * baseline and the values to fall back on) and every iteration of the load child, which keeps each iteration's
 * cookies and values in autocannon's per-connection context. No runtime imports: the bare server uses `routeKey`.
 */
import type { RequestSpec, WalkTally } from './load-types.ts'

/** An answer as a step reads it: the status, one header's values by lower-case name, the body as text. */
export interface StepAnswer {
  status: number
  header(name: string): string[]
  body: string
}

/** The values read so far in one iteration (and those the client made itself at its start). */
export type WalkValues = Readonly<Record<string, string>>

export interface WalkStep {
  /** What a person would call it, e.g. `POST /auth/sign_in (sign in)`. */
  name: string
  /** The status the walk expects (a redirect's 302 or 303 included); any other fails the iteration. */
  expect: number
  request(values: WalkValues): RequestSpec
  /** Values this step's answer gives later steps, each read by its function (undefined or '': not there). */
  reads?: Record<string, (answer: StepAnswer) => string | undefined>
}

/** An API's sign-in walk, in a bench plan. */
export interface BrowserWalk<F> {
  /** Short name for tables, e.g. `OOB flow`. */
  name: string
  /** The steps in one line, for the report. */
  summary: string
  /** Values the client makes itself at the start of every iteration (a PKCE verifier and its challenge, a state). */
  fresh?(): Record<string, string>
  steps(fixtures: F): WalkStep[]
  /** True when the last answer carries the signed-in user's own data. */
  verify(last: StepAnswer, fixtures: F): boolean
}

/** One iteration's browser: its cookie jar, the values read so far, and the first thing that went wrong. */
export interface WalkIteration {
  cookies: Record<string, string>
  values: Record<string, string>
  failure?: string
  unexpected: number
  fallbacks: number
}

export function startIteration(walk: BrowserWalk<unknown>): WalkIteration {
  return { cookies: {}, values: { ...walk.fresh?.() }, unexpected: 0, fallbacks: 0 }
}

/** The step's request with the iteration's cookies, as a browser sends them. */
export function stepRequest(step: WalkStep, iteration: WalkIteration): RequestSpec {
  const spec = step.request(iteration.values)
  const cookie = Object.entries(iteration.cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ')
  return cookie ? { ...spec, headers: { ...spec.headers, cookie } } : spec
}

/**
 * Takes a step's answer into the iteration: checks its status, keeps its cookies (`Max-Age=0` or an empty value
 * deletes one), reads its values — a value not found falls back to `captured[name]` and fails the iteration.
 */
export function takeAnswer(step: WalkStep, iteration: WalkIteration, answer: StepAnswer, captured: Readonly<Record<string, string>> = {}): void {
  if (answer.status !== step.expect) {
    iteration.unexpected++
    iteration.failure ??= `${step.name} answered ${answer.status}, not ${step.expect}`
  }
  for (const line of answer.header('set-cookie')) {
    const [pair = '', ...attributes] = line.split(';')
    const eq = pair.indexOf('=')
    if (eq < 1) continue
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (value === '' || attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) delete iteration.cookies[name]
    else iteration.cookies[name] = value
  }
  for (const [name, read] of Object.entries(step.reads ?? {})) {
    let value: string | undefined
    try {
      value = read(answer)
    } catch {
      value = undefined
    }
    if (value === undefined || value === '') {
      iteration.fallbacks++
      iteration.failure ??= `${step.name}: no ${name} in its answer`
      value = captured[name] ?? ''
    }
    iteration.values[name] = value
  }
}

/** Ends an iteration on its last answer: verified, or the reason it failed. */
export function finishIteration<F>(walk: BrowserWalk<F>, iteration: WalkIteration, last: StepAnswer, fixtures: F): { verified: true } | { verified: false; reason: string } {
  if (iteration.failure) return { verified: false, reason: iteration.failure }
  let ok = false
  try {
    ok = walk.verify(last, fixtures)
  } catch {
    ok = false
  }
  return ok ? { verified: true } : { verified: false, reason: "the last answer lacks the user's own data" }
}

export function emptyTally(): WalkTally {
  return { verified: 0, failed: 0, unexpected: 0, fallbacks: 0, reasons: {} }
}

/** Counts one finished iteration. */
export function tallyIteration(tally: WalkTally, iteration: WalkIteration, end: ReturnType<typeof finishIteration>): void {
  tally.unexpected += iteration.unexpected
  tally.fallbacks += iteration.fallbacks
  if (end.verified) tally.verified++
  else {
    tally.failed++
    tally.reasons[end.reason] = (tally.reasons[end.reason] ?? 0) + 1
  }
}

/**
 * How the bare baseline tells a walk's requests apart: method and path, and whether a query follows (GoToSocial's
 * authorize URL with its query starts the flow; without one, after sign-in, it is the authorize page).
 */
export function routeKey(method: string, url: string): string {
  const q = url.indexOf('?')
  return q < 0 ? `${method} ${url}` : `${method} ${url.slice(0, q)}?`
}

/** One step of a walk as it went on a real server: what was sent and the answer, whole. */
export interface WalkedStep {
  step: WalkStep
  sent: RequestSpec
  answer: { status: number; headers: Record<string, string | string[]>; body: string }
}

/** A whole walk done once, request by request (`send` does not follow redirects). */
export interface WalkedOnce {
  steps: WalkedStep[]
  /** Every value read (and made) on the way: what the load falls back on. */
  values: Record<string, string>
  end: ReturnType<typeof finishIteration>
}

/** Walks once through `send` (fetch against a server, or a mock instance in a unit test). */
export async function walkOnce<F>(walk: BrowserWalk<F>, fixtures: F, send: (spec: RequestSpec) => Promise<Response>): Promise<WalkedOnce> {
  const iteration = startIteration(walk as BrowserWalk<unknown>)
  const steps = walk.steps(fixtures)
  const walked: WalkedStep[] = []
  let last: StepAnswer = { status: 0, header: () => [], body: '' }
  for (const step of steps) {
    const sent = stepRequest(step, iteration)
    const response = await send(sent)
    const body = await response.text()
    const headers: Record<string, string | string[]> = {}
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length) headers['set-cookie'] = cookies
    last = { status: response.status, body, header: (name) => (name === 'set-cookie' ? cookies : response.headers.has(name) ? [response.headers.get(name)!] : []) }
    takeAnswer(step, iteration, last)
    walked.push({ step, sent, answer: { status: response.status, headers, body } })
  }
  return { steps: walked, values: iteration.values, end: finishIteration(walk, iteration, last, fixtures) }
}

// Reading helpers for the walks' definitions.

/** The Location header. */
export const location = (answer: StepAnswer): string | undefined => answer.header('location')[0]

/** A query parameter of the Location header (absolute or relative). */
export const locationParam =
  (name: string) =>
  (answer: StepAnswer): string | undefined => {
    const to = location(answer)
    return to === undefined ? undefined : (new URL(to, 'http://walk.invalid').searchParams.get(name) ?? undefined)
  }

/** The path and query of the Location header, for a browser's GET on the same server. */
export const locationPath = (answer: StepAnswer): string | undefined => {
  const to = location(answer)
  if (to === undefined) return undefined
  const url = new URL(to, 'http://walk.invalid')
  return `${url.pathname}${url.search}`
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
const attribute = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? unescape(m[1] ?? m[2] ?? m[3] ?? '') : undefined
}

/** The value of the page's `<input name="…">` (a hidden field of its form). */
export const inputValue =
  (name: string) =>
  (answer: StepAnswer): string | undefined => {
    for (const tag of answer.body.match(/<input\b[^>]*>/gi) ?? []) if (attribute(tag, 'name') === name) return attribute(tag, 'value')
    return undefined
  }

/** The `action` of the page's first form. */
export const formAction = (answer: StepAnswer): string | undefined => {
  const tag = /<form\b[^>]*>/i.exec(answer.body)?.[0]
  return tag === undefined ? undefined : attribute(tag, 'action')
}

/** A string field of a JSON answer. */
export const jsonField =
  (name: string) =>
  (answer: StepAnswer): string | undefined => {
    const value = (JSON.parse(answer.body) as Record<string, unknown>)[name]
    return typeof value === 'string' ? value : undefined
  }

export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString()
