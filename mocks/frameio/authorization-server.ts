import type { MockClock } from '../core/mock-clock.ts'
import {
  authorizationCodeGrant,
  checkClient,
  checkDuplicates,
  checkPkce,
  checkRedirectUri,
  checkResponseType,
  checkScope,
  checkState,
  clientCredentialsGrant,
  createAuthorizationServer,
  exactScopes,
  redirectError,
  refreshTokenGrant,
  rfc6749TokenBody,
  tokenErrorEnvelope,
  type AuthorizationServer,
  type OAuth2Policy,
  type OAuthClient,
  type UserDirectory,
} from '../oauth2/index.ts'
import { SCOPES, type FrameioFixtures, type User } from './fixtures.ts'
import type { FrameioMutant } from './mutants.ts'

const DAY = 24 * 3600

/**
 * Frame.io's authorization server (applications.frame.io), on the shared core. Where Frame.io's docs are silent,
 * Ory Hydra's defaults, which Frame.io's paths and lifetimes match (facts.md §9):
 * - access token 3600 s, refresh token 30 days, only with `offline` (refresh-page); code 10 min (Hydra
 *   `ttl.auth_code`, RFC 6749 §4.1.2); pending sign-in/consent 30 min and sessions 30 days (Hydra);
 * - scopes are flat (`resource.action`), no scope means none granted (Hydra), the callback carries `scope`;
 * - a reused code revokes its grant, a refused exchange keeps the code (fosite);
 * - `state` of at least 8 characters (fosite `MinParameterEntropy`); PKCE S256 only, required for PKCE apps
 *   (RFC 9700 §2.1.1 — stricter than Hydra's default, declared);
 * - revoking any token of a grant revokes the grant; another app's token is answered 200 and kept (fosite).
 */
export function frameioPolicy(mutants: ReadonlySet<FrameioMutant>): OAuth2Policy {
  return {
    realm: 'applications.frame.io',
    lifetimes: { code: 600, accessToken: 3600, refreshToken: 30 * DAY, interaction: 1800, session: 30 * DAY },
    scopes: { known: SCOPES, defaults: [], covers: mutants.has('scope-implication') ? sameResource : exactScopes },
    refreshIssued: (scopes) => scopes.includes('offline'),
    codeReuseRevokesGrant: true,
    failedExchangeBurnsCode: false,
    redirectCarriesScope: !mutants.has('callback-scope-dropped'),
  }
}

/** The `scope-implication` defect: any action on a resource covers every other (`asset.create` reads assets). */
const sameResource = (granted: readonly string[], needed: string) => granted.some((g) => g.split('.')[0] === needed.split('.')[0])

/** The authorize checks in Frame.io's (fosite's) order: their order is the error precedence. */
const CHECKS = [checkClient, checkRedirectUri, checkDuplicates, checkResponseType, checkScope, checkPkce({ requiredForPublic: true }), checkState({ minLength: 8 })]

/** An app as the Developer Portal registers it: one redirect URI; "use PKCE" makes it public (no secret). */
export function oauthClient(app: FrameioFixtures['clients'][number]): OAuthClient {
  return {
    id: app.client_id,
    name: app.name,
    ...(app.client_secret === undefined ? {} : { secret: app.client_secret }),
    redirectUris: [app.redirect_uri],
    scopes: app.scopes,
    grantTypes: ['authorization_code', 'refresh_token'],
    authMethods: app.pkce ? ['none'] : ['client_secret_basic', 'client_secret_post'],
  }
}

export function createFrameioAuthorizationServer(fixtures: FrameioFixtures, clock: MockClock, mutants: ReadonlySet<FrameioMutant>): AuthorizationServer {
  const byEmail = new Map(fixtures.users.map((u) => [u.email.toLowerCase(), u]))
  const byId = new Map(fixtures.users.map((u) => [u.id, u]))
  const view = (u: User) => ({ id: u.id, name: u.name, email: u.email })
  const users: UserDirectory = {
    find: (login) => {
      const user = byEmail.get(login.trim().toLowerCase())
      return user && { user: view(user), password: user.password }
    },
    byId: (id) => {
      const user = byId.get(id)
      return user && view(user)
    },
  }
  return createAuthorizationServer(
    { policy: frameioPolicy(mutants), clock, mutants, users, clients: fixtures.clients.map(oauthClient) },
    {
      brand: 'Frame.io',
      paths: { login: '/login', consent: '/consent', logout: '/logout', afterLogin: '/developer/tokens' },
      cookies: { session: 'fio_session', csrf: 'fio_csrf' },
      authorizeChecks: CHECKS,
      authorizeError: redirectError,
      grants: [authorizationCodeGrant, refreshTokenGrant, clientCredentialsGrant],
      tokenBody: rfc6749TokenBody,
      tokenEnvelope: tokenErrorEnvelope(mutants),
      // The `revoke-foreign-refused` defect follows RFC 7009 to the letter where Hydra answers 200.
      revocation: { foreignToken: mutants.has('revoke-foreign-refused') ? 'refuse' : 'ignore', revokes: 'grant' },
    },
  )
}
