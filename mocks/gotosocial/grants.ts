import { ApiError } from '../core/errors.ts'
import { safeEqual } from '../core/random.ts'
import { checkBinding } from '../oauth2/grants/code-binding.ts'
import type { OAuthClient } from '../oauth2/index.ts'
import { grantLink, randomValue } from '../oauth2/state.ts'
import { ADVICE, oauthFailure } from './errors.ts'
import { gtsToken } from './ids.ts'
import { permitsAny, scopesOf } from './scopes.ts'
import type { App, GtsState } from './state.ts'
import { redirectAllowed } from './authorize.ts'

/**
 * GoToSocial's two grants (go-oauth2's manager as GoToSocial configures it, `vendor/…/manage/manager.go:232-382`),
 * each checking in upstream's order so the same request gets the same first error:
 * client → secret → redirect URI registered → (code: found → not past its half-life → issued to this client and
 * this redirect URI → deleted) → token. Every refusal comes before the code is deleted: a failed exchange never
 * uses the code up, a successful one deletes it (single use), and nothing awaits between finding and deleting it,
 * so of concurrent redemptions exactly one wins.
 */
export interface Fields {
  get(name: string): string | undefined
}

export interface Issued {
  accessToken: string
  issuedAt: number
  scope: string | undefined
  expiresIn: number | undefined
}

export interface GtsGrant {
  type: 'authorization_code' | 'client_credentials' | 'password'
  handle(fields: Fields, state: GtsState): Issued | Promise<Issued>
}

const noRows = (submitted?: string) => oauthFailure(400, 'sql: no rows in result set', ['could not get access token', 'sql: no rows in result set', ADVICE], { submitted })
const invalidGrant = (submitted?: string) => oauthFailure(400, 'invalid_grant', ['could not get access token', 'invalid_grant', ADVICE], { submitted })
/** The code is refused once `CreateAt + (ExpiresAt − now) < now`: after half of its 600 s (tokenstore.go:268-304). */
const CODE_HALF_LIFE_MS = 300_000
/** An app token says `expires_in: 7200`, and by the same arithmetic is refused after 3600 s. */
const APP_TOKEN_EXPIRES_IN = 7200

export const authorizationCodeGrant: GtsGrant = {
  type: 'authorization_code',
  async handle(fields, state) {
    const code = fields.get('code')!
    const redirectUri = fields.get('redirect_uri')!
    const app = state.apps.get(fields.get('client_id')!)
    if (!app) throw noRows()
    checkClient(app, fields, state)
    const { oauth, mutants } = state
    const found = oauth.codes.find(code)
    if (!found) throw noRows(code)
    if (mutants.has('failed-exchange-burns')) oauth.codes.destroy(code)
    const issuedAt = state.codeIssuedAt.find(code) ?? 0
    if (!mutants.has('code-no-expiry') && state.clock.now() - issuedAt > CODE_HALF_LIFE_MS) throw invalidGrant(code)
    try {
      // The core's binding check: issued to this client, for this redirect URI (PKCE: nothing is stored, nothing sent).
      checkBinding(found, asClient(app), { code, redirectUri, verifier: undefined, verifierS256: undefined }, { state: oauth })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_grant') throw invalidGrant(code)
      throw error
    }
    const scope = mutants.has('exchange-scope-from-request') ? fields.get('scope') || 'read' : found.scopes.join(' ')
    if (mutants.has('exchange-race')) {
      // The defect: the code is read, then deleted after a storage round trip, without looking again.
      await new Promise((resolve) => setTimeout(resolve, 1))
      oauth.codes.destroy(code)
    } else if (!mutants.has('used-code-redeemable') && !mutants.has('failed-exchange-burns') && !oauth.codes.consume(code)) {
      throw noRows(code)
    }
    const ttl = mutants.has('user-token-expires') ? 3600 : undefined
    return issue(state, app, found.userId, scope, ttl, ttl)
  },
}

export const clientCredentialsGrant: GtsGrant = {
  type: 'client_credentials',
  handle(fields, state) {
    const { traits, mutants } = state
    const clientId = fields.get('client_id')!
    const app = state.apps.get(clientId)
    let scope = fields.get('scope') || undefined
    if (traits.appScopesBound) {
      if (!app) throw oauthFailure(400, `func1: no application found with client id ${clientId}`, [`func1: no application found with client id ${clientId}`, ADVICE])
      scope ??= 'read'
      const refused = scopesOf(scope).find((s) => !permitsAny(scopesOf(app.scopes), [s]))
      if (refused !== undefined && !mutants.has('cc-scope-unchecked')) throw oauthFailure(403, 'invalid_scope', [`requested scope ${refused} was not covered by client scope`, ADVICE])
    }
    if (!app) throw noRows()
    checkClient(app, fields, state)
    return issue(state, app, null, scope, APP_TOKEN_EXPIRES_IN / 2, APP_TOKEN_EXPIRES_IN)
  },
}

/** The `password-grant-accepted` defect: grant_type=password (RFC 9700 §2.4 "MUST NOT be used") issues a user token. */
export const passwordGrant: GtsGrant = {
  type: 'password',
  handle(fields, state) {
    const app = state.apps.get(fields.get('client_id')!)
    const account = state.byEmail.get(fields.get('username') ?? '')
    if (!app || !account || !safeEqual(fields.get('password') ?? '', account.password)) throw invalidGrant()
    return issue(state, app, account.id, fields.get('scope') || 'read', undefined, undefined)
  },
}

/** The secret (400 invalid_client: the body is the only client authentication), then the redirect URI registered. */
function checkClient(app: App, fields: Fields, state: GtsState): void {
  const secret = fields.get('client_secret') ?? ''
  const matches = safeEqual(secret, app.clientSecret) || (state.mutants.has('secret-case-insensitive') && safeEqual(secret.toLowerCase(), app.clientSecret.toLowerCase()))
  if (!matches && !state.mutants.has('wrong-secret-accepted')) throw oauthFailure(400, 'invalid_client', ['could not get access token', 'invalid_client', ADVICE], { submitted: secret })
  const redirectUri = fields.get('redirect_uri')!
  if (!redirectAllowed(app, redirectUri, state)) {
    if (state.traits.exactRedirects) throw oauthFailure(403, 'invalid redirect uri', [`requested redirect URI ${redirectUri} was not covered by client redirect URIs`, ADVICE])
    throw oauthFailure(400, 'invalid redirect uri', ['could not get access token', 'invalid redirect uri', ADVICE])
  }
}

/** A token in GoToSocial's format, stored in the core's access-token store, linked to a new grant. */
function issue(state: GtsState, app: App, userId: string | null, scope: string | undefined, ttl: number | undefined, expiresIn: number | undefined): Issued {
  const accessToken = gtsToken()
  const grantId = randomValue()
  state.oauth.accessTokens.upsert(accessToken, { grantId, clientId: app.clientId, userId, scopes: scope === undefined ? [] : scopesOf(scope), generation: grantId }, ttl, [grantLink(grantId)])
  return { accessToken, issuedAt: state.clock.now(), scope, expiresIn }
}

/** The app as the core's client (for `checkBinding`). */
function asClient(app: App): OAuthClient {
  return { id: app.clientId, name: app.name, secret: app.clientSecret, redirectUris: app.redirectUris, scopes: scopesOf(app.scopes), grantTypes: ['authorization_code', 'client_credentials'], authMethods: ['client_secret_post'] }
}
