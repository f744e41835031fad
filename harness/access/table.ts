/**
 * An access table: every documented operation of an API × every kind of credential it knows, with the answer
 * each pair must get (issue: "catch what is broken"). The table is data beside the catalogue
 * (`suites/<api>/access.ts`); tests are generated from it, one per credential kind (a column), so a credential is
 * prepared once — a token issued, a clock moved past its expiry — and sent to every operation. Adding an
 * operation or a credential kind is one entry; the report draws the table as a grid.
 */

/** A request an operation makes, in the API's own terms (`path` may carry a query). */
export interface OperationRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface Operation<C> {
  id: string
  title: string
  /** The request, or a reason it cannot be made on this target (it lacks the data or the profile has no such route). */
  request(ctx: C): OperationRequest | { notApplicable: string }
}

/** Where a credential goes: headers, query parameters, or both at once. */
export interface Credential {
  headers?: Record<string, string>
  query?: Record<string, string>
}

export interface CredentialKind<C> {
  id: string
  title: string
  /** Obtains the credential (issue a token, tamper with it, let it expire), or says why it cannot here. */
  prepare(ctx: C): Promise<Credential | { notApplicable: string }>
}

/**
 * What a cell must answer: the status, the body (a named shape the table's `bodies` check), the
 * `WWW-Authenticate` header (exact, a pattern, or `null` for absent), and the requirement the cell belongs to.
 */
export interface Expectation extends Answered {
  requirement: string
  /**
   * Other answers that keep the cell's rule where the releases or the sources allow more than one (a router that
   * matches letter case answers 404 where a case-insensitive one refuses; a 401 before routing where 6.x answers
   * 404 for anyone): the cell passes when the answer is any of them. Each is as specific as the main one.
   */
  also?: readonly Answered[]
}

/** An answer a cell accepts: status, body shape and challenge. */
export interface Answered {
  status: number
  body: string
  /** Exact, a pattern, absent (`null`), or built from the request (a realm naming the path). */
  challenge?: string | RegExp | null | ((request: OperationRequest) => string)
}

/** A received answer, as the body checks see it. */
export interface Answer {
  status: number
  headers: Record<string, string>
  text: string
}

export interface AccessTable<C> {
  api: string
  operations: readonly Operation<C>[]
  credentials: readonly CredentialKind<C>[]
  /** The cell's expectation under a profile; null where the pair means nothing in that profile. */
  expect(operation: string, credential: string, profile: string): Expectation | null
  /** Body checks by name: undefined when the body is right, otherwise what is wrong with it. */
  bodies: Readonly<Record<string, (answer: Answer, request: OperationRequest) => string | undefined>>
  /**
   * The requirement a refusal's body belongs to, where the API has one envelope for every refusal (DADI-ERROR-BODY):
   * a refusal with the right status and challenge but a wrong body fails that requirement, not the cell's — a
   * missing `docLink` is an envelope defect, not an authentication one. Without it the cell's requirement owns the
   * body too (where the body says which refusal it is, as Exceptionless's titles do).
   */
  envelope?: string
}

/** One cell as the report draws it. */
export interface Cell {
  operation: string
  credential: string
  requirement?: string
  /** passed, failed, or not applicable (with why). */
  verdict: 'passed' | 'failed' | 'n/a'
  expected?: string
  /** What came back, briefly (status, challenge, what was wrong with the body). */
  actual?: string
  reason?: string
  /**
   * Where only a refusal's body was off and the cell is filed under the table's envelope requirement: the cell's own
   * requirement, whose status and challenge held.
   */
  held?: string
}

/** The cells of one test, attached for the report. */
export const ACCESS_ATTACHMENT = 'authconform-access'
export interface AccessEvidence {
  api: string
  /** The whole table's operations and credential kinds, in table order. */
  operations: { id: string; title: string }[]
  credentials: { id: string; title: string }[]
  /** This column's cells. */
  cells: Cell[]
}

export function describeExpectation(e: Expectation, request?: OperationRequest): string {
  return [e, ...(e.also ?? [])].map((a) => describeAnswer(a, request)).join(' or ')
}

function describeAnswer(e: Answered, request?: OperationRequest): string {
  const wanted = typeof e.challenge === 'function' && request ? e.challenge(request) : e.challenge
  const challenge = wanted === undefined ? '' : wanted === null ? ', no challenge' : wanted instanceof RegExp ? `, challenge /${wanted.source}/` : typeof wanted === 'function' ? ', its challenge' : `, challenge "${wanted}"`
  return `${e.status} ${e.body}${challenge}`
}

/**
 * Compares an answer with its expectation: undefined when it matches, else what differs and the requirement it
 * breaks (the table's envelope requirement when only a refusal's body is off, see `envelope`).
 */
export function compare<C>(table: AccessTable<C>, expected: Expectation, answer: Answer, request: OperationRequest): { wrong: string; requirement: string } | undefined {
  const { problems, headOk } = differences(table, expected, answer, request)
  if (!problems.length) return undefined
  if (expected.also?.some((a) => differences(table, a, answer, request).problems.length === 0)) return undefined
  const bodyOnly = headOk && expected.status >= 400 && table.envelope !== undefined
  return { wrong: problems.join('; '), requirement: bodyOnly ? table.envelope! : expected.requirement }
}

function differences<C>(table: AccessTable<C>, expected: Answered, answer: Answer, request: OperationRequest): { problems: string[]; headOk: boolean } {
  const problems: string[] = []
  if (answer.status !== expected.status) problems.push(`status ${answer.status}`)
  const challenge = answer.headers['www-authenticate']
  const wanted = typeof expected.challenge === 'function' ? expected.challenge(request) : expected.challenge
  if (wanted === null && challenge !== undefined) problems.push(`an unexpected challenge "${challenge}"`)
  if (typeof wanted === 'string' && challenge !== wanted) problems.push(challenge === undefined ? 'no challenge' : `challenge "${challenge}"`)
  if (wanted instanceof RegExp && !wanted.test(challenge ?? '')) problems.push(challenge === undefined ? 'no challenge' : `challenge "${challenge}"`)
  const check = table.bodies[expected.body]
  if (!check) throw new Error(`[authconform] the ${table.api} access table names body "${expected.body}" but defines no such check`)
  const headOk = problems.length === 0
  if (answer.status === expected.status) {
    const wrong = check(answer, request)
    if (wrong) problems.push(wrong)
  }
  return { problems, headOk }
}
