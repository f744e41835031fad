import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { components } from '../../openapi/types/dadi.ts'
import { parseChallenge } from '../support/challenge.ts'
import { expect, type Target } from '../support/test.ts'

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
    `precondition (DADI-TOKEN-SHAPE): POST /token for ${credentials.clientId} must succeed with an accessToken`,
  ).toEqual({ status: 200, accessToken: 'string' })
  return body
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/**
 * Asserts a 401 whose challenge names `error`; `id` is the requirement the assertion belongs to. One assertion
 * for status, challenge and `extra` (the diff shows every part that is off), then one for the body
 * (DADI-ERROR-BODY's rule): each Playwright assertion costs a captured, source-mapped stack, and this runs for
 * most refusals.
 */
export async function expectUnauthorized(response: APIResponse, error: string, id: string, extra: { what: string; got: unknown; want: unknown }[] = []): Promise<void> {
  const header = response.headers()['www-authenticate']
  const challenge = parseChallenge(header)
  const also = extra.length ? `; ${extra.map((e) => e.what).join('; ')}` : ''
  expect(
    { status: response.status(), scheme: challenge?.scheme.toLowerCase(), error: challenge?.params.error, repeatedParameters: challenge?.repeated ?? [], ...Object.fromEntries(extra.map((e) => [e.what, e.got])) },
    `${id}: expected 401 with WWW-Authenticate Bearer error="${error}", each parameter at most once (RFC 6750 §3)${also}; got ${response.status()} with ${header === undefined ? 'no WWW-Authenticate' : `"${header}"`}`,
  ).toEqual({ status: 401, scheme: 'bearer', error, repeatedParameters: [], ...Object.fromEntries(extra.map((e) => [e.what, e.want])) })
  expect(await response.text(), `DADI-ERROR-BODY (${id}): the 401 body is DADI's serialised error`).toBe('{"statusCode":401}')
}

/** Asserts a refused token request: 401 invalid_credentials, and no token in the body (checked before the body's shape). */
export async function expectInvalidCredentials(response: APIResponse, id: string): Promise<void> {
  const carriesToken = /accessToken|access_token/i.test(await response.text())
  await expectUnauthorized(response, 'invalid_credentials', id, [{ what: 'a refused request carries no token', got: carriesToken, want: false }])
}
