/**
 * gin's `ShouldBind` as GoToSocial's handlers use it, for string fields: the binding follows the Content-Type.
 * - `application/json`: encoding/json. An empty body is `EOF`; a JSON key matches a field's name case-insensitively
 *   (exact first); `null` leaves a field unset; any other non-string is `json: cannot unmarshal <kind> into Go struct
 *   field <Struct>.<field> of type string`; a top-level non-object `… into Go value of type <type>`. Syntax-error
 *   texts are the mock's approximation of Go's.
 * - `application/x-www-form-urlencoded` and `multipart/form-data`: the body's fields, then the URL query's (the
 *   first value wins); a bad percent escape anywhere is `invalid URL escape "%zz"` (Go's `ParseForm`).
 * - anything else (none, text/plain, octet-stream…): gin's form binding, which reads the URL query only. XML is
 *   not read (declared).
 * A field sent empty is present ("" counts: the handlers keep pointers).
 */
export interface GoStruct {
  /** The Go struct name in type errors (`ApplicationCreateRequest`). */
  name: string
  /** The Go type in a top-level type error (`model.ApplicationCreateRequest`). */
  type: string
  /** Form field names. */
  fields: readonly string[]
  /** JSON keys (lower case) → form field; absent: the form names (json tags equal to form tags). */
  json?: Readonly<Record<string, string>>
  /** Fields a JSON array may fill, joined with `\n` (only under a defect). */
  arrays?: readonly string[]
}

export type Bound = { ok: true; fields: Map<string, string> } | { ok: false; message: string }

const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v)

export async function bind(request: Request, struct: GoStruct): Promise<Bound> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1).replace(/#.*$/, '') : ''
  if (type === 'application/json') return bindJson(await request.text().catch(() => ''), struct)
  const fields = new Map<string, string>()
  const take = (pairs: Iterable<[string, string]>) => {
    for (const [k, v] of pairs) if (struct.fields.includes(k) && !fields.has(k)) fields.set(k, v)
  }
  if (type === 'application/x-www-form-urlencoded') {
    const text = await request.text().catch(() => '')
    const bad = escapeError(text) ?? escapeError(query)
    if (bad) return { ok: false, message: bad }
    take(new URLSearchParams(text))
  } else if (type === 'multipart/form-data') {
    if (!/boundary=/i.test(request.headers.get('content-type') ?? '')) return { ok: false, message: 'no multipart boundary param in Content-Type' }
    const form = await request.formData().catch(() => undefined)
    if (!form) return { ok: false, message: 'multipart: NextPart: EOF' }
    const bad = escapeError(query)
    if (bad) return { ok: false, message: bad }
    take([...form].filter((e): e is [string, string] => typeof e[1] === 'string'))
  } else {
    const bad = escapeError(query)
    if (bad) return { ok: false, message: bad }
  }
  take(new URLSearchParams(query))
  return { ok: true, fields }
}

function bindJson(text: string, struct: GoStruct): Bound {
  if (text.trim() === '') return { ok: false, message: 'EOF' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    const first = text.trim()[0]!
    return { ok: false, message: /[{["tfn\-0-9]/.test(first) ? 'unexpected EOF' : `invalid character ${/[\x21-\x7e]/.test(first) ? `'${first}' ` : ''}looking for beginning of value` }
  }
  const fields = new Map<string, string>()
  if (value === null) return { ok: true, fields }
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `json: cannot unmarshal ${kind(value)} into Go value of type ${struct.type}` }
  const names = struct.json ?? Object.fromEntries(struct.fields.map((f) => [f.toLowerCase(), f]))
  let typeError: string | undefined
  for (const [key, v] of Object.entries(value)) {
    const field = names[key] ?? names[key.toLowerCase()]
    if (field === undefined) continue
    if (typeof v === 'string') fields.set(field, v)
    else if (v === null) fields.delete(field)
    else if (Array.isArray(v) && struct.arrays?.includes(field) && v.every((x) => typeof x === 'string')) fields.set(field, v.join('\n'))
    else typeError ??= `json: cannot unmarshal ${kind(v)} into Go struct field ${struct.name}.${field} of type string`
  }
  return typeError ? { ok: false, message: typeError } : { ok: true, fields }
}

/** Go's `url.ParseQuery` refusals: a `%` not followed by two hex digits, a `;` separator. */
export function escapeError(raw: string): string | undefined {
  const bad = /%(?![0-9A-Fa-f]{2})/.exec(raw)
  if (bad) return `invalid URL escape "${raw.slice(bad.index, bad.index + 3).replace(/[^\x21-\x7e]/g, '')}"`
  if (raw.includes(';')) return 'invalid semicolon separator in query'
  return undefined
}
