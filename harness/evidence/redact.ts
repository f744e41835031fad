/**
 * Evidence must never carry a secret (the report is read by people and kept by CI). Three rules:
 * - known secret values (the target's secrets, every token a response handed out) are replaced wherever they
 *   appear — URLs, headers, bodies;
 * - fields and query parameters with secret names are replaced whatever their value;
 * - `Authorization` keeps its scheme only.
 * What merely shares a name with a secret stays readable: DADI's error `code` (`API-0005`) in a JSON body is not
 * an OAuth authorization code (a `code` query or form parameter is), and client ids, emails and user names are
 * not secrets — a report must say which client failed.
 */
const SECRET_NAMES = new Set(['secret', 'password', 'client_secret', 'clientsecret', 'accesstoken', 'access_token', 'refresh_token', 'token', 'api_key', 'apikey', 'id_token', 'authorization', 'cookie', 'set-cookie'])
/** Names secret only as query or form parameters (an OAuth authorization code and its PKCE verifier). */
const PARAMETER_SECRET_NAMES = new Set([...SECRET_NAMES, 'code', 'code_verifier'])
/** Credential fields of targets.yaml that identify rather than authenticate (a redirect URI is registered, not secret). */
const PUBLIC_CREDENTIAL_FIELDS = new Set(['clientid', 'client_id', 'email', 'username', 'user', 'userid', 'login', 'redirecturi', 'redirect_uri', 'appname'])

export const mask = (value: string): string => `«redacted ${value.length} chars»`

/** A response field that hands out a credential under a plain name (`id`), on the paths matching `path`. */
export interface SecretField {
  path: string
  field: string
}

export class Redactor {
  readonly #secrets = new Set<string>()
  /** Values that identify (client ids, emails): never masked, even where they sit beside a secret. */
  readonly #public = new Set<string>()
  readonly #fields: { path: RegExp; field: string }[]
  readonly #shown: { path: RegExp; credential: string }[]

  /** `shownByDesign`: credentials an answer shows on purpose (the catalogue's list), still masked, but no echo. */
  constructor(secretFields: readonly SecretField[] = [], shownByDesign: readonly { path: string; credential: string }[] = []) {
    this.#fields = secretFields.map((f) => ({ path: new RegExp(f.path), field: f.field }))
    this.#shown = shownByDesign.map((s) => ({ path: new RegExp(s.path), credential: s.credential }))
  }

  /** Whether the credential `label` of a request to `url` is one the answer shows by design (not an echo). */
  shownByDesign(label: string, url: string): boolean {
    const path = new URL(url).pathname
    return this.#shown.some((s) => s.credential === label && s.path.test(path))
  }

  /** Remembers a value that must never appear in evidence (shorter than 4 chars would mask too much). */
  addSecret(value: unknown): void {
    if (typeof value === 'string' && value.length >= 4 && !this.#public.has(value)) this.#secrets.add(value)
  }

  /**
   * Words that name rather than authenticate — the API, its profiles — are never masked, even where a credential
   * happens to equal one (the mock's public test password `exceptionless` must not turn the profile
   * `exceptionless@8.7` into `«redacted»@8.7`).
   */
  addPublic(...values: string[]): void {
    for (const value of values) {
      this.#public.add(value)
      this.#secrets.delete(value)
    }
  }

  /** Whether a value only identifies: a known public credential field, or an email address. */
  isPublic(value: string): boolean {
    return this.#public.has(value) || /^[^@\s:]+@[^@\s:]+$/.test(value)
  }

  /** Remembers a target's credentials of one role: its secrets, not the fields that only identify it. */
  addCredentials(fields: Record<string, string>): void {
    for (const [name, value] of Object.entries(fields)) {
      if (PUBLIC_CREDENTIAL_FIELDS.has(name.toLowerCase())) this.#public.add(value)
      else this.addSecret(value)
    }
  }

  /** Learns the secrets a request carries in secret-named query parameters or body fields (a probe the server may echo). */
  learnRequest(url: string, body: string | undefined, contentType: string): void {
    try {
      for (const [k, v] of new URL(url).searchParams) if (PARAMETER_SECRET_NAMES.has(k.toLowerCase())) this.addSecret(v)
    } catch {
      /* not a URL */
    }
    if (!body) return
    if (contentType.includes('x-www-form-urlencoded') || !/^\s*[[{]/.test(body)) {
      for (const [k, v] of new URLSearchParams(body)) if (PARAMETER_SECRET_NAMES.has(k.toLowerCase())) this.addSecret(v)
      return
    }
    try {
      this.learn(JSON.parse(body))
    } catch {
      // Truncated JSON: the secret-named string values it does hold.
      for (const [, name, value] of body.matchAll(/"([\w-]+)"\s*:\s*"((?:[^"\\]|\\.)*)/g)) if (PARAMETER_SECRET_NAMES.has(name!.toLowerCase())) this.addSecret(value)
    }
  }

  /**
   * Learns the secrets a JSON response hands out (tokens, keys), so later requests that carry them are masked;
   * given the request's URL, also the API's declared secret fields on that path.
   */
  learn(body: unknown, url?: string): void {
    const path = url === undefined ? undefined : pathOf(url)
    const declared = path === undefined ? [] : this.#fields.filter((f) => f.path.test(path)).map((f) => f.field)
    walk(body, (key, value) => {
      if (SECRET_NAMES.has(key.toLowerCase()) || declared.includes(key)) this.addSecret(value)
    })
  }

  text(input: string): string {
    let out = input
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(mask(secret))
    return out
  }

  url(input: string): string {
    try {
      const url = new URL(input)
      const query = url.search ? `?${this.#pairs(url.searchParams)}` : ''
      return this.text(`${url.origin}${url.pathname}${query}`)
    } catch {
      return this.text(input)
    }
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase()
      if (lower === 'authorization') {
        const [scheme, ...rest] = value.split(' ')
        out[lower] = rest.length ? `${scheme} ${mask(rest.join(' '))}` : mask(value)
      } else if (lower === 'cookie' || lower === 'set-cookie') out[lower] = mask(value)
      else out[lower] = this.text(value)
    }
    return out
  }

  /** A JSON-able value with secret-named fields masked and known secrets replaced. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value)
    if (Array.isArray(value)) return value.map((v) => this.json(v))
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, SECRET_NAMES.has(k.toLowerCase()) && typeof v === 'string' ? mask(v) : this.json(v)]),
      )
    }
    return value
  }

  /** `key=value&…`, decoded for reading, secret-named values masked. */
  #pairs(params: URLSearchParams): string {
    return [...params].map(([k, v]) => `${k}=${PARAMETER_SECRET_NAMES.has(k.toLowerCase()) ? mask(v) : v}`).join('&')
  }

  /** A body as sent or received: JSON and form bodies field by field, anything else as text. */
  body(raw: string, contentType = ''): unknown {
    if (raw === '') return undefined
    if (contentType.includes('json') || /^[[{]/.test(raw.trim())) {
      try {
        return this.json(JSON.parse(raw))
      } catch {
        /* not JSON after all */
      }
    }
    if (contentType.includes('x-www-form-urlencoded')) return this.text(this.#pairs(new URLSearchParams(raw)))
    return this.text(raw.length > 4000 ? `${raw.slice(0, 4000)}…` : raw)
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

function walk(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v)
      walk(v, visit)
    }
  }
}
