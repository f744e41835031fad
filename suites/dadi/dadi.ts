import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { components } from '../../openapi/types/dadi.ts'
import { expect, expectEach, finding, parseChallenge, precondition, type Target } from '../../harness/index.ts'

export type TokenResponse = components['schemas']['TokenResponse']

/** Client credentials of one role in targets.yaml (`primary`: every collection, `restricted`: only the allowed one). */
export function client(target: Target, role: 'primary' | 'restricted') {
  const { clientId, secret } = target.creds(role)
  return { clientId: clientId!, secret: secret! }
}

/** POST /token as the docs show it (JSON body). */
export function postToken(request: APIRequestContext, data: unknown): Promise<APIResponse> {
  return request.post('/token', { data: data as Record<string, unknown>, headers: { 'content-type': 'application/json' } })
}

/** Obtains a token, asserting only that it was issued (the shape has its own requirement). */
export async function tokenFor(request: APIRequestContext, credentials: { clientId: string; secret: string }): Promise<TokenResponse> {
  const response = await postToken(request, credentials)
  const body = (await response.json().catch(() => ({}))) as TokenResponse
  expect(
    { status: response.status(), accessToken: typeof body.accessToken },
    precondition('DADI-TOKEN-SHAPE', `POST /token for ${credentials.clientId} must succeed with an accessToken`),
  ).toEqual({ status: 200, accessToken: 'string' })
  return body
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** One refusal to check: what it was (shown in the diff) and the response. */
export type Refusal = readonly [name: string, response: APIResponse]

/**
 * Asserts that every refusal is a 401 whose challenge names `error`; `id` is the requirement under test. One
 * assertion covers status and challenge of every case (with `noToken`, also that no token came back), so the
 * message names every case that is off; a second one, DADI-ERROR-BODY's rule, their bodies.
 */
export async function expectRefusals(refusals: readonly Refusal[], error: string, id: string, options: { noToken?: boolean } = {}): Promise<void> {
  const texts = await Promise.all(refusals.map(([, response]) => response.text()))
  const expected = { status: 401, scheme: 'bearer', error, repeatedParameters: [] as string[], ...(options.noToken ? { carriesToken: false } : {}) }
  const shapes = refusals.map(([name, response], i) => {
    const header = response.headers()['www-authenticate']
    const challenge = parseChallenge(header)
    const actual = {
      status: response.status(),
      scheme: challenge?.scheme.toLowerCase(),
      error: challenge?.params.error,
      repeatedParameters: challenge?.repeated ?? [],
      ...(options.noToken ? { carriesToken: /accessToken|access_token/i.test(texts[i]!) } : {}),
    }
    return [name, actual, expected, `${response.status()} with ${header === undefined ? 'no WWW-Authenticate' : `"${header}"`}`] as const
  })
  const shown = new Map(shapes.map(([, actual, , shown]) => [actual, shown]))
  const noToken = options.noToken ? ' and no token in the body' : ''
  expectEach(
    finding(id, `expected 401 with WWW-Authenticate Bearer error="${error}", each parameter at most once (RFC 6750 §3)${noToken}`),
    shapes.map(([name, actual]) => [name, actual, expected]),
    (actual) => shown.get(actual as never) ?? JSON.stringify(actual),
  )
  expectEach(
    finding('DADI-ERROR-BODY', `(${id}) the 401 body is DADI's serialised error`),
    refusals.map(([name], i) => [name, texts[i], '{"statusCode":401}']),
  )
}

/** Refused token requests: 401 invalid_credentials, and no token in the body (checked before the body's shape). */
export async function expectInvalidCredentials(refusals: APIResponse | readonly Refusal[], id: string): Promise<void> {
  await expectRefusals(Array.isArray(refusals) ? refusals : [['', refusals as APIResponse]], 'invalid_credentials', id, { noToken: true })
}
