import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadCatalogue } from '../catalogue.ts'
import { EXT, ROOT } from '../paths.ts'
import type { ResolvedApiTarget } from '../targets.ts'
import { notTheApi, type Preflight, type PreflightContext, type ProbeAnswer, PreflightProblem, transportProblem } from './probe.ts'

/** What the preflight found for one API of the target. */
export interface PreflightOutcome {
  api: string
  title: string
  baseURL: string
  profiles: string[]
  ok: boolean
  /** The one sentence a person reads: "<title> at <base URL>: <problem>". */
  message?: string
  ms: number
}

/** The outcomes, handed from whoever ran the preflight (the CLI or the global setup) to the workers and the reporter. */
export const PREFLIGHT_ENV = 'AUTHCONFORM_PREFLIGHT'
/** Seconds each preflight request may take (AUTHCONFORM_PREFLIGHT_TIMEOUT). */
export const preflightTimeout = (): number => Number(process.env.AUTHCONFORM_PREFLIGHT_TIMEOUT ?? 5)

/** The outcomes this run was handed, if a preflight ran. */
export function handedOutcomes(env: NodeJS.ProcessEnv = process.env): PreflightOutcome[] | undefined {
  return env[PREFLIGHT_ENV] ? (JSON.parse(env[PREFLIGHT_ENV]) as PreflightOutcome[]) : undefined
}

/** API → the message of its failed preflight. */
export function preflightFailures(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries((handedOutcomes(env) ?? []).flatMap((o) => (o.ok ? [] : [[o.api, o.message ?? 'preflight failed']])))
}

/** Without a preflight of its own, an API's base URL must at least answer. */
const answers: Preflight = async ({ send }) => {
  await send('GET', '/')
}

async function probeOf(api: string): Promise<Preflight> {
  const file = join(ROOT, 'suites', api, `preflight${EXT}`)
  if (!existsSync(file)) return answers
  const loaded = (await import(pathToFileURL(file).href)) as { default?: Preflight }
  if (typeof loaded.default !== 'function') throw new Error(`[authconform] ${file} must export a preflight function as its default export`)
  return loaded.default
}

/**
 * Checks each real API of the target at once, in parallel, each request bounded by preflightTimeout(): that
 * something answers, over TLS the machine trusts, that it is the API at that base URL, and that it takes the
 * configured credentials (the API's own suites/<api>/preflight.ts says how). Embedded APIs need none.
 */
export function preflight(apis: readonly ResolvedApiTarget[]): Promise<PreflightOutcome[]> {
  return Promise.all(apis.filter((a) => !a.embedded && !a.skip).map(probeOne))
}

async function probeOne(api: ResolvedApiTarget): Promise<PreflightOutcome> {
  const started = performance.now()
  const title = loadCatalogue(api.api).title
  const timeout = preflightTimeout()
  const done = (message?: string): PreflightOutcome => ({ api: api.api, title, baseURL: api.baseURL, profiles: api.profiles, ok: !message, ...(message ? { message: `${title} at ${api.baseURL}: ${message}` } : {}), ms: Math.round(performance.now() - started) })
  const fail = (problem: string): never => {
    throw new PreflightProblem(problem)
  }
  const send: PreflightContext['send'] = async (method, path, init = {}) => {
    const url = `${api.baseURL}${path}`
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers }
    let body: string | undefined
    if (init.json !== undefined) [body, headers['content-type']] = [JSON.stringify(init.json), 'application/json']
    else if (init.form) [body, headers['content-type']] = [new URLSearchParams(init.form).toString(), 'application/x-www-form-urlencoded']
    try {
      const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeout * 1000) })
      const text = await response.text()
      const contentType = response.headers.get('content-type') ?? ''
      let json: unknown
      if (/json/i.test(contentType) || /^\s*[{[]/.test(text)) {
        try {
          json = JSON.parse(text)
        } catch {
          /* not JSON after all */
        }
      }
      return { method, path, status: response.status, contentType, headers: Object.fromEntries(response.headers), text, ...(json === undefined ? {} : { json }) } satisfies ProbeAnswer
    } catch (error) {
      return fail(transportProblem(error, url, timeout))
    }
  }
  const context: PreflightContext = {
    target: { ...api, profile: api.profiles[0]! },
    title,
    send,
    fail,
    expectApi(answer) {
      const problem = notTheApi(answer, title)
      if (problem) fail(problem)
    },
  }
  try {
    await (await probeOf(api.api))(context)
    return done()
  } catch (error) {
    if ((error as Error).name === 'PreflightProblem') return done((error as Error).message)
    return done(`the preflight itself failed: ${(error as Error).message}`)
  }
}

/** One line per API for the console, problems first. */
export function preflightLines(outcomes: readonly PreflightOutcome[]): string[] {
  return [...outcomes]
    .sort((a, b) => Number(a.ok) - Number(b.ok))
    .map((o) => (o.ok ? `[authconform] ✔ ${o.title} at ${o.baseURL}: answers, credentials accepted (${(o.ms / 1000).toFixed(1)} s)` : `[authconform] ✘ ${o.message}`))
}
