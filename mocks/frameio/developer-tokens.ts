import { frameioErrors } from './errors.ts'
import { SCOPES } from './fixtures.ts'
import type { DeveloperToken, FrameioState } from './state.ts'

/**
 * Developer tokens (seed, steps 4–6; auth-page):
 * - Created with a description and scopes; the token is `fio-u-` + 64 base64url characters (48 random bytes,
 *   384 bits; pysdk, gitleaks `fio-u-(?i)[a-z0-9\-_=]{64}`), carries exactly the scopes chosen and acts as its
 *   creator ("the same access and permissions as the individual user who generated it").
 * - "Tokens are presented only once": the string is returned by `create` and kept only in the string → id index
 *   (and its inverse, for deletion), never with the record the views read; the list has "descriptions and scopes"
 *   (and id, date) only.
 * - "persistent": no expiry. Deleted: gone at once. A user sees and deletes only their own.
 */
const DEVTOKEN_TTL_DEFECT = 30 * 24 * 3600
const MAX_TOKENS = 1_000_000

export function createDeveloperToken(state: FrameioState, userId: string, input: { description: unknown; scopes: unknown }): { record: DeveloperToken; token: string } {
  const scopes = validScopes(input.scopes, state)
  const description = typeof input.description === 'string' ? input.description.trim() : ''
  if (!state.mutants.has('devtoken-unvalidated') && (!description || description.length > 255)) throw frameioErrors.invalidArguments('description is required (1 to 255 characters).')
  const token = state.mutants.has('devtoken-sequential') ? `fio-u-${String(++state.counter).padStart(64, '0')}` : `fio-u-${randomBase64url(48)}`
  const record: DeveloperToken = {
    id: crypto.randomUUID(),
    userId,
    description,
    scopes: state.mutants.has('devtoken-all-scopes') ? [...SCOPES] : scopes,
    inserted_at: new Date(state.clock.now()).toISOString(),
    ...(state.mutants.has('devtoken-listed-with-secret') ? { token } : {}),
  }
  if (state.devTokens.size >= MAX_TOKENS) throw frameioErrors.invalidArguments('Too many developer tokens; delete some first.')
  state.devTokens.set(record.id, record)
  state.devTokenIds.upsert(token, record.id, state.mutants.has('devtoken-expires') ? DEVTOKEN_TTL_DEFECT : undefined)
  state.devTokenStrings.set(record.id, token)
  return { record, token }
}

/** The caller's tokens, newest first: what the Tokens screen shows. */
export function listDeveloperTokens(state: FrameioState, userId: string): DeveloperToken[] {
  const stored = [...state.devTokens.values()].filter((t) => !t.deletedAt)
  // The `devtoken-list-oldest-first` defect: the store's order, no ORDER BY.
  const all = state.mutants.has('devtoken-list-oldest-first') ? stored : stored.reverse()
  return state.mutants.has('devtoken-other-users') ? all : all.filter((t) => t.userId === userId)
}

/** Deletes one of the caller's tokens (404 for an unknown id or another user's); the token stops working at once. */
export function deleteDeveloperToken(state: FrameioState, userId: string, id: string): void {
  const record = state.devTokens.get(id)
  if (!record || record.deletedAt || (record.userId !== userId && !state.mutants.has('devtoken-other-users'))) throw frameioErrors.notFound()
  // The `deleted-devtoken-works` defect: a soft delete that only the list looks at.
  if (state.mutants.has('deleted-devtoken-works')) return void (record.deletedAt = new Date(state.clock.now()).toISOString())
  state.devTokens.delete(id)
  state.devTokenIds.destroy(state.devTokenStrings.get(id) ?? '')
  state.devTokenStrings.delete(id)
}

/** What the portal shows of a token after its creation page. */
export function tokenView(t: DeveloperToken) {
  return { id: t.id, description: t.description, scopes: t.scopes, inserted_at: t.inserted_at, ...(t.token ? { token: t.token } : {}) }
}

function validScopes(raw: unknown, state: FrameioState): string[] {
  const list = Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : []
  const known = new Set<string>(SCOPES)
  if (state.mutants.has('devtoken-unvalidated')) return [...new Set(list)]
  if (!Array.isArray(raw) || list.length !== raw.length || list.length === 0 || !list.every((s) => known.has(s))) {
    throw frameioErrors.invalidArguments('scopes must be a non-empty list of Frame.io scopes.')
  }
  return [...new Set(list)]
}

function randomBase64url(bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes))
  let binary = ''
  for (const b of raw) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The benchmark's store-size scenario: `count` live tokens of the first user, all standing for one record (the
 * lookup a request pays is the string → id index; one record keeps 1,000,000 tokens near DADI's memory).
 */
export function preloadDeveloperTokens(state: FrameioState, count: number): void {
  const { record } = createDeveloperToken(state, state.fixtures.users[0]!.id, { description: 'preloaded', scopes: ['asset.read'] })
  for (let i = 0; i < count; i++) state.devTokenIds.upsert(`fio-u-${randomBase64url(48)}`, record.id)
}
