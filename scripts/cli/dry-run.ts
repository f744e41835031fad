import { basename } from 'node:path'
import { loadCatalogue } from '../../harness/catalogue.ts'
import { loadTargets, targetsFile, type ResolvedApiTarget } from '../../harness/targets.ts'
import { captureNode, EXIT, playwrightCli, UsageError } from './common.ts'
import type { Selection } from './select.ts'

interface Listed {
  api: string
  profile: string
  title: string
  where: string
  requirements: string[]
}

interface JsonSuite {
  title: string
  file: string
  specs?: { title: string; file: string; line: number; tests: { projectName: string; annotations: { type: string; description?: string }[] }[] }[]
  suites?: JsonSuite[]
}

/** Playwright's own list of the tests the run would load (`--list`: nothing starts, nothing is sent). */
async function listTests(config: string, grep: string | undefined, passthrough: readonly string[]): Promise<Listed[]> {
  const args = [playwrightCli(), 'test', '--list', '--reporter=json', '--config', config, ...(grep ? ['--grep', grep] : []), ...passthrough]
  const { stdout, stderr } = await captureNode(args, process.env)
  let report: { config: { projects: { name: string; metadata?: { profiles?: Record<string, string> } }[] }; suites: JsonSuite[]; errors: { message?: string }[] }
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf('{')))
  } catch {
    throw new UsageError(`could not list the tests:\n${stderr.trim() || stdout.trim()}`)
  }
  if (report.errors.length) throw new UsageError(`could not list the tests:\n${report.errors.map((e) => e.message ?? '').join('\n')}`)
  const profiles = new Map(report.config.projects.map((p) => [p.name, p.metadata?.profiles ?? {}]))
  const out: Listed[] = []
  // A test's API is the folder of its spec file (the file suite), not where test() was called (an access table's is in harness/).
  const walk = (suite: JsonSuite, titles: string[], file: string) => {
    const api = /(?:^|\/)suites\/([a-z0-9-]+)\//.exec(file)?.[1] ?? ''
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const requirements = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')
        out.push({ api, profile: profiles.get(test.projectName)?.[api] ?? '', title: [...titles, spec.title].join(' › '), where: `${basename(file)}${spec.file === file ? `:${spec.line}` : ''}`, requirements })
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title], file)
  }
  for (const file of report.suites) walk(file, [], file.file)
  return out
}

/** The variables of the credentials of `api` on `target` that are optional and not set, by role. */
function unsetOptional(target: string, api: ResolvedApiTarget): string[] {
  const conf = loadTargets()[target]?.apis[api.api]
  return Object.entries(conf?.credentials ?? {}).flatMap(([role, fields]) => {
    const unset = Object.entries(fields).filter(([field]) => api.credentials[role]?.[field] === '')
    return unset.length ? [`${role} (${unset.map(([field, v]) => (typeof v === 'object' ? v.env : field)).join(', ')})`] : []
  })
}

/** `authconform run --dry-run`: per API and profile, what would run, what would be skipped, and why. */
export async function dryRun(options: { target: string; apis: ResolvedApiTarget[]; selection: Selection; config: string; passthrough: readonly string[] }): Promise<number> {
  const { target, apis, selection } = options
  const tests = await listTests(options.config, selection.grep, options.passthrough)
  const out = [`[authconform] dry run of target "${target}" (${basename(targetsFile())})${selection.because.length ? `, narrowed by ${selection.because.join(' and ')}` : ''}: nothing is sent`]
  let running = 0
  for (const api of apis) {
    const catalogue = loadCatalogue(api.api)
    if (api.skip) {
      out.push('', `${catalogue.title}: not run — ${api.skip}`)
      continue
    }
    for (const profile of api.profiles) {
      const outside = api.notApplicable[profile] ?? {}
      const mine = tests.filter((t) => t.api === api.api && t.profile === profile)
      const runs = mine.filter((t) => !(t.requirements.length && t.requirements.every((id) => outside[id])))
      const covered = new Set(runs.flatMap((t) => t.requirements).filter((id) => !outside[id] && (!selection.ids || selection.ids.has(id))))
      running += runs.length
      out.push('', `${catalogue.title} — profile ${profile} — ${api.embedded ? 'the embedded mock' : api.baseURL}`, `  would run ${runs.length} test(s), covering ${covered.size} requirement(s):`)
      for (const t of runs) out.push(`    ${t.where.padEnd(26)} ${t.title}  [${t.requirements.join(', ')}]`)
      const skippedTests = mine.length - runs.length
      if (skippedTests) out.push(`  ${skippedTests} test(s) skipped: every requirement they check does not apply to ${profile}`)
      const reasons = new Map<string, string[]>()
      const note = (reason: string, id: string) => reasons.set(reason, [...(reasons.get(reason) ?? []), id])
      for (const r of catalogue.requirements) {
        if (outside[r.id]) note(`skipped — holds in ${r.profiles?.join(', ')} only, not in ${profile}`, r.id)
        else if (selection.ids && !selection.ids.has(r.id)) note(`not selected (${selection.because.join(' and ')})`, r.id)
        else if (r.judgedBy) note('judged over every exchange of the tests that run', r.id)
        else if (!covered.has(r.id)) note(runs.length ? 'no test of this run checks it' : 'not run', r.id)
        else if (!api.embedded && r.needs.length) note(`may be skipped when run, if the target lacks what it needs: ${r.needs.join('; ')}`, r.id)
      }
      for (const [reason, ids] of reasons) out.push(`  ${reason}: ${ids.join(', ')}`)
      const optional = unsetOptional(target, api)
      if (optional.length) out.push(`  optional credentials not set, the tests that use them are skipped: ${optional.join('; ')}`)
      if (!api.embedded) out.push(`  before the tests: a preflight (up, trusted TLS, the API at this URL, credentials accepted); then ${api.polite?.rateLimit ? `at most ${api.polite.rateLimit} request(s)/s` : 'no rate limit'} and ${api.polite?.maxConcurrent ? `at most ${api.polite.maxConcurrent} in flight` : 'no bound on requests in flight'} to ${api.baseURL}`)
    }
  }
  out.push('', `[authconform] ${running} test(s) would run; run it without --dry-run`)
  console.log(out.join('\n'))
  return EXIT.passed
}
