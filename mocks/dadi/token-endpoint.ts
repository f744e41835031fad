import { readBody, json, NO_STORE } from '../core/http.ts'
import { randomUuid, safeEqual } from '../core/random.ts'
import { dadiErrors } from './errors.ts'
import type { DadiState } from './state.ts'

/**
 * `POST /token` — DADI's two-legged client-credentials grant (`dadi/lib/auth/tokens.js`).
 * - Body is JSON `{clientId, secret}`; both must be non-empty strings (v3 type-checks them, so a Mongo
 *   operator such as `{"$ne": ""}` is refused, never matched).
 * - Unreadable, non-JSON, missing or wrong credentials: 401 `invalid_credentials`; nothing of the request echoed.
 * - Success: `{accessToken, tokenType: "Bearer", expiresIn: tokenTtl}` with `Cache-Control: no-store` and
 *   `Pragma: no-cache` (RFC 6749 §5.1).
 */
export async function issueToken(request: Request, state: DadiState): Promise<Response> {
  const { mutants, fixtures } = state
  const body = await readBody(request)
  const fields = body.kind === 'json' && typeof body.value === 'object' && body.value !== null ? (body.value as Record<string, unknown>) : {}
  const { clientId, secret } = fields

  const typed = typeof clientId === 'string' && typeof secret === 'string' && clientId !== '' && secret !== ''
  const injected = mutants.has('nosql-injection') && typeof clientId === 'string' && typeof secret === 'object' && secret !== null
  if (!typed && !injected) throw dadiErrors.invalidCredentials(secret)

  const client = state.clients.get(clientId as string)
  const secretOk = client !== undefined && (injected || mutants.has('skip-secret-check') || safeEqual(secret as string, client.secret))
  if (!client || !secretOk) throw dadiErrors.invalidCredentials(secret)

  const accessToken = mutants.has('sequential-tokens') ? `00000000-0000-4000-8000-${String(++state.counter).padStart(12, '0')}` : randomUuid()
  state.tokens.upsert(accessToken, client.clientId, fixtures.tokenTtl)
  if (mutants.has('expiry-grace')) state.graceTokens.upsert(accessToken, client.clientId, fixtures.tokenTtl * 1.1)
  state.lastIssuedTo = client.clientId

  const expiresIn = mutants.has('ttl-mismatch') ? 3600 : fixtures.tokenTtl
  const payload = mutants.has('snake-case-token')
    ? { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn }
    : { accessToken, tokenType: 'Bearer', expiresIn }
  if (mutants.has('cache-control-from-request')) {
    // The defect: a caching layer answers with the request's own Cache-Control, no-store only when none was sent.
    return json(payload, 200, { 'cache-control': request.headers.get('cache-control') ?? 'no-store', pragma: 'no-cache' })
  }
  return json(payload, 200, mutants.has('no-cache-control') ? {} : NO_STORE)
}

/** The `token-via-get` defect: `GET /token?clientId=…&secret=…` rewritten as the JSON token request. */
export function tokenRequestFromQuery(request: Request): Request {
  const params = new URL(request.url).searchParams
  return new Request(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: params.get('clientId'), secret: params.get('secret') }),
  })
}
