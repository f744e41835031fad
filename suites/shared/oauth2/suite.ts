import type { TestInfo } from '@playwright/test'
import { req, test, type SuiteFixtures } from '../../../harness/index.ts'
import { RuleVerdicts } from './answers.ts'
import { forProfile, idsOf, skipOf, tagsOf, type OAuth2Api } from './api.ts'
import { OAuth2Flow, type Client } from './flow.ts'
import { RULES, type Rule } from './rules.ts'

/** The API's own requirements a test decides in some of its cases (`OAuth2Api.own`). */
export type OwnCase = keyof NonNullable<OAuth2Api['own']>

/** What a shared test body gets: the fixtures, the rule verdicts of the test and a flow on the `request` fixture. */
export interface RuleContext extends Pick<SuiteFixtures, 'request' | 'target' | 'clock' | 'session'> {
  api: OAuth2Api
  v: RuleVerdicts
  flow: OAuth2Flow
}

/**
 * Declares one test that checks several shared rules, tagged with their requirement IDs for this API (and the
 * API's own requirements they decide too). Rules the API skips are left out; a test whose every rule is skipped
 * is not declared (`declareOAuth2Suite` declares the skipped rules' placeholders); `own` names the API's own
 * requirements some of its cases decide (`OAuth2Api.own`), which it is tagged with too. The body records cases in
 * `v`; the test ends with `v.done()`, one assertion naming every rule with a case off.
 */
export function ruleTest(api: OAuth2Api, title: string, rules: readonly Rule[], body: (ctx: RuleContext, testInfo: TestInfo) => Promise<void>, own: readonly OwnCase[] = []): void {
  const ruleTags = tagsOf(api, rules)
  if (!ruleTags.length) return
  const tags = [...ruleTags, ...own.flatMap((k) => (api.own?.[k] ? [api.own[k]] : []))]
  test(title, req(...tags), async ({ request, target, clock, session }, testInfo) => {
    // The API as its release line answers (byProfile); requirements outside the profile are not judged.
    const resolved = forProfile(api, target.profile)
    const v = new RuleVerdicts(resolved, new Set(Object.keys(target.notApplicable[target.profile] ?? {})))
    await v.run(testInfo, title, async () => {
      const flow = new OAuth2Flow({ request, target, session }, resolved)
      if (resolved.register) Object.assign(flow.registered, await resolved.register(flow))
      await body({ request, target, clock, session, api: resolved, v, flow }, testInfo)
      // No quiet passes: a rule this API judges here, yet no case checked with its parameters, is a finding.
      for (const rule of rules) if (v.applies(rule) && !v.seen.has(rule)) v.ruleHolds(rule, 'no case checked it with these parameters', 'declare it skipped (n/a), or give the suite what it needs to check it')
    })
  })
}

/**
 * The tenant client (a secret Basic must form-encode, a redirect URI with a query, fewer scopes registered): the
 * test is skipped where the target names none, the reason saying how to name one (`OAuth2Api.roleHints`).
 */
export function tenantClient(ctx: RuleContext): Client {
  const { api, target, flow } = ctx
  const name = api.roles.tenant
  if (!name) throw new Error(`[authconform] ${api.prefix} declares no tenant client`)
  if (!flow.registered.tenant) {
    const { missing } = target.optionalCreds(name)
    const hint = api.roleHints?.tenant
    test.skip(missing !== undefined, `${missing}${hint ? ` — ${hint}` : ''}`)
  }
  return flow.client('tenant')
}

/**
 * A rule the API skips (n/a) still has its requirement reported: skipped, with the declared reason. Rules the
 * API does not catalogue at all (`notCatalogued`) get nothing.
 */
export function declareSkippedRules(api: OAuth2Api): void {
  for (const rule of Object.keys(RULES) as Rule[]) {
    const reason = skipOf(api, rule)
    const d = api.differences?.[rule]
    if (!reason || (d && 'notCatalogued' in d)) continue
    test(`${rule}: not applicable`, req(...idsOf(api, rule)), async () => {
      test.skip(true, reason)
    })
  }
}
