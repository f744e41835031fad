import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { components } from '../../openapi/types/dadi.ts'
import { expect, expectEach, finding, parseChallenge, precondition, type Target } from '../../harness/index.ts'

export type TokenResponse = components['schemas']['TokenResponse']

/** Client credentials of one role in targets.yaml (`primary`: every collection, `restricted`: only the allowed one). */
export function client(target: Target, role: 'primary' | 'restricted') {
  const { clientId, secret } = target.creds(role)
  return { clientId: clientId!, secret: secret! }
}

/** POST /token as the docs show it (JSON body); `path` for the token route spelt otherwise. */
export function postToken(request: APIRequestContext, data: unknown, path = '/token'): Promise<APIResponse> {
  return request.post(path, { data: data as Record<string, unknown>, headers: { 'content-type': 'application/json' } })
}

/** POST /token with a raw body under a content type (a Buffer goes out as it is: Playwright JSON-encodes a string). */
export function postRaw(request: APIRequestContext, body: string, contentType = 'application/json'): Promise<APIResponse> {
  return request.post('/token', { data: Buffer.from(body), headers: { 'content-type': contentType } })
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

/** One refusal to check: what it was (shown in the message) and the response. */
export type Refusal = readonly [name: string, response: APIResponse]

export const INVALID_CREDENTIALS = 'Bearer, error="invalid_credentials", error_description="Invalid credentials supplied"'

/**
 * Refused token requests: 401 with the `invalid_credentials` challenge and no token (checked for `id`, the
 * requirement under test), then the body, exactly {"statusCode":401} (DADI-ERROR-BODY's rule) — the same in both
 * lines; 4.x+ adds the no-store headers. One assertion each, naming every case that is off.
 */
export async function expectInvalidCredentials(refusals: APIResponse | readonly Refusal[], id: string): Promise<void> {
  const cases = Array.isArray(refusals) ? (refusals as readonly Refusal[]) : [['', refusals as APIResponse] as const]
  const texts = await Promise.all(cases.map(([, response]) => response.text()))
  expectEach(
    finding(id, 'expected 401 with WWW-Authenticate Bearer error="invalid_credentials" (each parameter once, RFC 6750 §3) and no token'),
    cases.map(([name, response], i) => {
      const challenge = parseChallenge(response.headers()['www-authenticate'])
      const actual = { status: response.status(), error: challenge?.params.error, repeated: challenge?.repeated ?? [], carriesToken: /accessToken|access_token/i.test(texts[i]!) }
      return [name, actual, { status: 401, error: 'invalid_credentials', repeated: [], carriesToken: false }]
    }),
  )
  expectEach(
    finding('DADI-ERROR-BODY', `(${id}) the 401 body is DADI's serialised error`),
    cases.map(([name], i) => [name, texts[i], '{"statusCode":401}']),
  )
}
