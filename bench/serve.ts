import { planFor, type RequestSpec } from './plans.ts'
import type { ApiName } from '../mocks/registry.ts'
import { captureResponses, issueAndCheck } from './requests.ts'
import { startBare, startMock, startPrism, type Server } from './servers.ts'

/** A request as a command line for oha (https://github.com/hatoo/oha), another load generator than ours. */
function oha(url: string, spec: RequestSpec): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`
  const headers = Object.entries(spec.headers ?? {}).map(([k, v]) => `-H ${quote(`${k}: ${v}`)}`)
  const body = spec.body === undefined ? [] : [`-d ${quote(spec.body)}`]
  return ['oha -z 10s -c 32', `-m ${spec.method}`, ...headers, ...body, quote(`${url}${spec.path}`)].join(' ')
}

/**
 * `npm run bench -- --serve`: starts, for each API, the three servers the benchmark compares (the mock, bare
 * node:http replaying the mock's answers, Prism's mock) exactly as the benchmark does, pinned the same way, and
 * prints their URLs and the scenarios' requests, so the comparison can be repeated with any load generator.
 * Runs until Ctrl-C.
 */
export async function serveForComparison(apis: readonly ApiName[], log: (line: string) => void): Promise<void> {
  const started: Server[] = []
  for (const api of apis) {
    const mock = await startMock(api)
    started.push(mock)
    const token = await issueAndCheck(api, mock.url)
    const bare = await startBare(await captureResponses(api, mock.url, token))
    const prism = await startPrism(api)
    started.push(bare, prism)
    const { plan, fixtures } = planFor(api)
    log(`${api}: mock ${mock.url}  bare ${bare.url}  Prism ${prism.url}`)
    for (const [name, spec] of [
      ['token-checked GET', plan.protectedGet(token, fixtures)],
      ['token issue', plan.issue(fixtures)],
    ] as const) {
      log(`  ${name}:`)
      for (const server of [mock, bare, prism]) log(`    ${server.kind.padEnd(5)} ${oha(server.url, spec)}`)
    }
  }
  log('servers pinned to CPU 0 where taskset exists (pin the load generator elsewhere: taskset -c 1 …); Ctrl-C stops them')
  await new Promise<never>(() => {})
}
