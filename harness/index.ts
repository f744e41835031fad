/**
 * What a suite imports: the test with its fixtures, the requirement builders, and the shared expectations.
 * Suites import nothing else of the harness (and nothing of the mock).
 *
 * @example
 * import { expect, finding, precondition, req, test } from '../../harness/index.ts'
 */
export { expect, test, type SuiteFixtures, type Target } from './fixtures/test.ts'
export type { TargetClock } from './fixtures/target-clock.ts'
export type { TargetAdmin } from './fixtures/target-admin.ts'
export { browserReq, checkedToEnd, finding, precondition, req } from './requirements.ts'
export { declareAccessTests } from './access/tests.ts'
export type { AccessTable, Answer, Credential, CredentialKind, Expectation, Operation, OperationRequest } from './access/table.ts'
export { expectEach, isAsymmetric, matches, type Case } from './expect/expect-each.ts'
export { parseChallenge, type Challenge } from './expect/challenge.ts'
export { readForm, submitForm, type HtmlForm } from './expect/html-form.ts'
export type { Preflight, PreflightContext, ProbeAnswer } from './preflight/probe.ts'
export type { Creation, Ledger, Removal } from './polite/ledger.ts'
