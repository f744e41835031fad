import { test } from '../../../harness/index.ts'
import type { OAuth2Api } from './api.ts'
import { declareAuthorizeTests } from './authorize.ts'
import { declareBearerTests } from './bearer.ts'
import { declareCodeTests } from './code.ts'
import { declareConcurrencyTests } from './concurrency.ts'
import { declareRefreshTests } from './refresh.ts'
import { declareSkippedRules } from './suite.ts'
import { declareTokenTests } from './token.ts'

export type { OAuth2Api, ResourceRefusal } from './api.ts'
export { idsOf } from './api.ts'
export { bearerChallenge, ChallengeMatch } from './challenge.ts'
export type { Difference, Rule } from './rules.ts'
export { RULES } from './rules.ts'
export { OAuth2Flow, basicOf, newVerifier, s256, type Client, type Tokens } from './flow.ts'

/**
 * The shared OAuth 2.0 suite: every rule of suites/shared/oauth2-requirements.md, checked against one API as its
 * parameters describe it. An API's folder declares it in a spec file of its own:
 *
 * @example
 * // suites/frameio/oauth2.spec.ts
 * declareOAuth2Suite(frameioOAuth2)
 */
export function declareOAuth2Suite(api: OAuth2Api): void {
  test.describe(`OAuth 2.0 (RFC 6749, 6750, 7009, 7636, 9700) — ${api.prefix}`, () => {
    declareAuthorizeTests(api)
    declareCodeTests(api)
    declareConcurrencyTests(api)
    declareTokenTests(api)
    declareRefreshTests(api)
    declareBearerTests(api)
    declareSkippedRules(api)
  })
}
