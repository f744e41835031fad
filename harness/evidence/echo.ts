import type { Echo, RawRequest, RawResponse } from './exchange.ts'

/**
 * Finds credentials a request carried that its answer repeats (RFC 6749 §10.3, RFC 6750 §5.3: never reflected).
 * Whatever came in counts — the `Authorization` value in every scheme (both halves of Basic), secret-named body
 * fields and query parameters, cookies — and the answer is searched whole: every header and the body, as sent,
 * JSON-escaped or percent-encoded. The finding names where it was found; the value itself stays masked.
 */
const SECRET_FIELDS = new Set(['secret', 'password', 'client_secret', 'clientsecret', 'token', 'access_token', 'accesstoken', 'refresh_token', 'api_key', 'apikey', 'code', 'code_verifier', 'id_token'])
/** Shorter values would match by chance (a 4-digit code inside a date). */
const MIN_LENGTH = 8

export function findEchoes(request: RawRequest, response: RawResponse, shownByDesign: (label: string, value: string) => boolean = () => false): Echo[] {
  // A value the client also put in the URL path (a key addressed by id) is the resource's name, not an echo; one
  // the API's catalogue says the answer shows by design (shownByDesign), or a public word, is its purpose.
  const path = decodeURIComponent(new URL(request.url).pathname)
  const sent = credentialsIn(request).filter(({ label, value }) => !path.includes(value) && !shownByDesign(label, value))
  if (sent.length === 0) return []
  const places: [string, string][] = [['body', response.text], ...Object.entries(response.headers).filter(([name]) => name !== 'set-cookie').map(([name, value]): [string, string] => [`header ${name}`, value])]
  const echoes: Echo[] = []
  for (const { label, value } of sent) {
    const forms = [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])]
    for (const [where, text] of places) if (forms.some((f) => text.includes(f))) echoes.push({ credential: label, where })
  }
  return echoes
}

/** Every credential value a request carried, with where it was. */
export function credentialsIn(request: RawRequest): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = []
  const add = (label: string, value: unknown) => {
    if (typeof value === 'string' && value.length >= MIN_LENGTH) out.push({ label, value })
  }
  const authorization = request.headers.authorization
  if (authorization) {
    const space = authorization.indexOf(' ')
    const scheme = space < 0 ? authorization : authorization.slice(0, space)
    const value = space < 0 ? '' : authorization.slice(space + 1).trim()
    add(`Authorization (${scheme})`, value)
    if (scheme.toLowerCase() === 'basic') {
      const decoded = decodeBase64(value)
      const colon = decoded?.indexOf(':') ?? -1
      if (decoded && colon >= 0) {
        add(`Authorization (Basic user)`, decoded.slice(0, colon))
        add(`Authorization (Basic password)`, decoded.slice(colon + 1))
      }
    }
  }
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const eq = pair.indexOf('=')
    if (eq > 0) add(`cookie ${pair.slice(0, eq).trim()}`, pair.slice(eq + 1).trim())
  }
  const url = new URL(request.url)
  for (const [name, value] of url.searchParams) if (isSecretName(name)) add(`query ${name}`, value)
  for (const [name, value] of bodyFields(request)) if (isSecretName(name)) add(`body field ${name}`, value)
  return out
}

const isSecretName = (name: string) => SECRET_FIELDS.has(name.toLowerCase())

function bodyFields(request: RawRequest): [string, unknown][] {
  const body = request.body
  if (!body) return []
  const type = request.headers['content-type'] ?? ''
  if (type.includes('x-www-form-urlencoded')) return [...new URLSearchParams(body)]
  try {
    const fields: [string, unknown][] = []
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk)
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (typeof v === 'object' ? walk(v) : fields.push([k, v]))
    }
    walk(JSON.parse(body))
    return fields
  } catch {
    // Not JSON: a body that is neither form nor JSON can still carry `secret=…` (the docs' own DADI curl).
    return [...new URLSearchParams(body)]
  }
}

function decodeBase64(value: string): string | undefined {
  try {
    return Buffer.from(value, 'base64').toString('utf8')
  } catch {
    return undefined
  }
}
