import type { AuthorizeCheck } from '../context.ts'
import { oauthError } from '../errors.ts'

/**
 * `scope`:
 * - RFC 6749 §3.3: space-delimited; absent → the server's default (policy `scopes.defaults`).
 * - §4.1.2.1 `invalid_scope`: "The requested scope is invalid, unknown, or malformed" — also a scope the client
 *   did not register (fosite: "The OAuth 2.0 Client is not allowed to request scope …"). The scope is not
 *   repeated in the description (nothing the client sent is reflected).
 * - A scope asked for twice counts once.
 */
export const checkScope: AuthorizeCheck = {
  name: 'scope',
  kind: 'redirect',
  run(request, ctx) {
    const { policy, mutants } = ctx.state
    const raw = request.params.get('scope')
    // The `scope-default-all` defect: no scope asked means every scope the client registered.
    const byDefault = mutants.has('scope-default-all') ? request.client!.scopes : policy.scopes.defaults
    const asked = raw === undefined ? byDefault : [...new Set(raw.split(' ').filter(Boolean))]
    const allowed = (s: string) => policy.scopes.known.includes(s) && request.client!.scopes.includes(s)
    if (!mutants.has('scope-unchecked') && !asked.every(allowed)) throw oauthError('invalid_scope', 'The client is not allowed to request one of these scopes.')
    request.scopes = asked
  },
}

/** Scopes from a token request's `scope` (client_credentials): known and registered for the client, or `invalid_scope`. */
export function requestedScopes(raw: string | undefined, clientScopes: readonly string[], known: readonly string[], defaults: readonly string[]): readonly string[] {
  const asked = raw === undefined ? defaults.filter((s) => clientScopes.includes(s)) : [...new Set(raw.split(' ').filter(Boolean))]
  if (!asked.every((s) => known.includes(s) && clientScopes.includes(s))) throw oauthError('invalid_scope', 'The client is not allowed to request one of these scopes.')
  return asked
}
