import { NO_STORE, json } from '../core/http.ts'
import { signJwt } from '../core/jwt.ts'
import { randomUuid, safeEqual } from '../core/random.ts'
import { dadiErrors } from './errors.ts'
import type { DadiClient } from './fixtures.ts'
import type { DadiState } from './state.ts'

/**
 * `POST /token` — DADI's two-legged client-credentials grant (v3.2.2 `auth/tokens.js`, v6.1.0 `auth/index.js`:103-153).
 * - The body is JSON (also under `text/plain`) or a form; `{clientId, secret}` must be non-empty strings (a Mongo
 *   operator such as `{"$ne": ""}` is refused, never matched). A body the JSON parser cannot read is
 *   body-parser's 400 (the raw body stays out of it: both real lines echo it, a defect the suites catch).
 * - Missing, non-string or wrong credentials: 401 `invalid_credentials`; nothing of the request echoed.
 * - Success: 1.x–3.x `{accessToken: <UUID v4>, tokenType: "Bearer", expiresIn}`; 4.x–6.x an HS256 JWT
 *   `{clientId, accessType, iat, exp}` (no `jti`) and the client's `permissions`. `Cache-Control: no-store` and
 *   `Pragma: no-cache` (RFC 6749 §5.1); 4.x+ sets them on refusals too.
 */
export async function issueToken(request: Request, state: DadiState): Promise<Response> {
  const { mutants, fixtures, profile } = state
  const fields = await credentialsOf(request)
  const { clientId, email, secret } = fields
  // 4.x+ set no-store and no-cache before checking anything (auth/index.js:106-108); the `refusal-cacheable` defect does not.
  const noStore = profile === 'dadi@6' && !mutants.has('refusal-cacheable')
  const refused = () => dadiErrors.invalidCredentials(secret, noStore)
  // 6.x also takes an e-mail in place of the clientId (auth/index.js:104-115; the `email-login-ignored` defect does not).
  const byEmail = profile === 'dadi@6' && typeof clientId !== 'string' && typeof email === 'string' && !mutants.has('email-login-ignored')
  const name = byEmail ? email : clientId
  const typed = typeof name === 'string' && typeof secret === 'string' && name !== '' && secret !== ''
  const injected = mutants.has('nosql-injection') && typeof name === 'string' && typeof secret === 'object' && secret !== null
  if (!typed && !injected) throw refused()
  // The `token-lockout` defect: five wrong secrets lock the client out for a quarter of an hour.
  if (mutants.has('token-lockout') && (state.failedLogins.get(name as string) ?? 0) >= 5) throw dadiErrors.tooManyAttempts()

  const client = byEmail ? [...state.clients.values()].find((c) => c.email === email) : state.clients.get(clientId as string)
  const secretOk = client !== undefined && (injected || mutants.has('skip-secret-check') || safeEqual(secret as string, client.secret))
  if (!client || !secretOk) {
    state.failedLogins.set(name as string, (state.failedLogins.get(name as string) ?? 0) + 1)
    throw refused()
  }
  // 5.x+: a secret stored before hashing gets no token until the record is upgraded (client.js:895-905).
  if (profile === 'dadi@6' && client.legacySecret && !mutants.has('legacy-secret-accepted')) throw dadiErrors.clientNeedsUpgrade(noStore)

  state.lastIssuedTo = client.clientId
  const expiresIn = mutants.has('ttl-mismatch') ? 3600 : fixtures.tokenTtl
  // The `jwt-accesstype-admin` defect: every token claims the admin access type.
  const accessType = mutants.has('jwt-accesstype-admin') ? 'admin' : client.accessType
  // 6.x signs the clientId of the request body (auth/index.js:124-128): an e-mail login's token names no client (the
  // `email-token-carries-client` defect names the record's).
  const claimed = byEmail && !mutants.has('email-token-carries-client') ? {} : { clientId: client.clientId }
  const accessToken = profile === 'dadi@3' ? issueUuid(client, state) : await signJwt({ ...claimed, accessType }, state.tokenKey, state.clock, { expiresIn: fixtures.tokenTtl, id: null })
  // The `jwt-snapshot-permissions` defect keeps what the client could do when a token was first issued (a 6.x JWT has
  // no jti: the same client gets the same token within one second, which keeps its first snapshot).
  if (profile === 'dadi@6' && mutants.has('jwt-snapshot-permissions') && !state.jwtSnapshots.has(accessToken)) state.jwtSnapshots.set(accessToken, client)
  const shape = mutants.has('snake-case-token')
    ? { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn }
    : { accessToken, tokenType: 'Bearer', expiresIn }
  const payload = profile === 'dadi@6' ? { ...shape, permissions: permissionsOf(client, state) } : shape
  if (mutants.has('cache-control-from-request')) {
    // The defect: a caching layer answers with the request's own Cache-Control, no-store only when none was sent.
    return json(payload, 200, { 'cache-control': request.headers.get('cache-control') ?? 'no-store', pragma: 'no-cache' })
  }
  return json(payload, 200, mutants.has('no-cache-control') ? {} : NO_STORE)
}

function issueUuid(client: DadiClient, state: DadiState): string {
  // The `hex-tokens` defect: 32 random hex digits, as strong, but not the UUID v4 the docs show.
  const token = state.mutants.has('sequential-tokens') ? `00000000-0000-4000-8000-${String(++state.counter).padStart(12, '0')}` : state.mutants.has('hex-tokens') ? randomUuid().replace(/-/g, '') : randomUuid()
  state.tokens.upsert(token, client, state.fixtures.tokenTtl)
  if (state.mutants.has('expiry-grace')) state.graceTokens.upsert(token, client, state.fixtures.tokenTtl * 1.1)
  return token
}

/** The body's fields: JSON (DADI's parser takes `text/plain` as JSON too), or a form. */
async function credentialsOf(request: Request): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await request.text()
  } catch {
    return {}
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text))
  if (text === '' || (type !== '' && type !== 'application/json' && type !== 'text/plain' && !type.endsWith('+json'))) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw dadiErrors.unparsable(text)
  }
  // body-parser is strict: only an object or an array is JSON it accepts.
  if (typeof value !== 'object' || value === null) throw dadiErrors.unparsable(text)
  return Array.isArray(value) ? {} : (value as Record<string, unknown>)
}

/**
 * 4.x+: the client's own access matrix as the token response reports it (admins: none listed, they have all). The
 * `permissions-of-all` defect reports every collection readable.
 */
function permissionsOf(client: DadiClient, state: DadiState): { resources: Record<string, Record<string, boolean>>; roles: string[] } {
  if (client.accessType !== 'user' || !client.permissions) return { resources: {}, roles: [] }
  const read = { delete: false, deleteOwn: false, create: false, read: true, readOwn: false, update: false, updateOwn: false }
  const granted = state.mutants.has('permissions-of-all') ? [...state.collections.values()].map((c) => ({ database: c.database, path: c.name })) : client.permissions.collections
  return { resources: Object.fromEntries(granted.map((p) => [`collection:${p.database ?? 'library'}_${p.path}`, read])), roles: [] }
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
