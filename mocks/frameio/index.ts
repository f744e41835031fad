import type { Context } from 'hono'
import { createApp } from '../core/app.ts'
import { renderError, type Envelope } from '../core/errors.ts'
import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { pathOf } from '../core/http.ts'
import { guarded } from '../oauth2/index.ts'
import { createChild, getAsset, getChildren, getMe, getTeams, rateLimitHeaders, withRateLimit } from './api.ts'
import { authenticate, type Principal } from './authenticate.ts'
import { frameioEnvelope, frameioErrors } from './errors.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseFrameioFixtures, SCOPES, type FrameioFixtures } from './fixtures.ts'
import { frameioMutants, type FrameioMutant } from './mutants.ts'
import { obtainFrameioToken } from './obtain-token.ts'
import { preloadDeveloperTokens } from './developer-tokens.ts'
import { createToken, deleteToken, listTokens } from './portal-api.ts'
import { createFromPage, deleteFromPage, newTokenPage, tokensPage } from './portal-pages.ts'
import { createFrameioState, type FrameioState } from './state.ts'

/**
 * A stateful Frame.io v2 for its documented auth surface, on one origin (the real service splits it over
 * api.frame.io, applications.frame.io and developer.frame.io):
 * - `/v2/*`: the API, bearer tokens only (developer or OAuth), Frame.io's HTTPError envelope, rate-limit headers;
 * - `/developer/*`: the Developer Portal's Tokens screen, as pages and as JSON (the mock's own surface);
 * - `/login`, `/logout`, `/consent`, `/oauth2/{auth,token,revoke}`: the authorization server (mocks/oauth2).
 * Each route group renders its errors in its own envelope.
 */
export function createFrameio({ clock, fixtures, mutants }: InstanceContext<FrameioFixtures, FrameioMutant>): MockInstance {
  const state = createFrameioState(fixtures, clock, mutants)
  const { as } = state
  const { app, authed } = createApp({ envelope: routeEnvelope(state), authenticate: (request) => authenticate(request, state), notFound: () => frameioErrors.notFound() })
  const api = frameioEnvelope(mutants)
  /** A /v2 route: authenticated, its answer (or refusal) with the rate-limit headers; synchronous when the handler is. */
  const v2 = (handler: (c: Context, p: Principal, headers: Record<string, string>) => Response | Promise<Response>) =>
    authed((c, p) => {
      const headers = rateLimitHeaders(pathOf(c.req.url), state)
      const refuse = (error: unknown) => withRateLimit(renderError(error, c.req.raw, api), headers)
      try {
        const answer = handler(c, p, headers)
        return answer instanceof Promise ? answer.catch(refuse) : answer
      } catch (error) {
        return refuse(error)
      }
    })

  app.get('/v2/me', v2((_, p, h) => getMe(p, state, h)))
  app.get('/v2/accounts/:account_id/teams', v2((c, p, h) => getTeams(p, c.req.param('account_id')!, state, h)))
  app.get('/v2/assets/:asset_id', v2((c, p, h) => getAsset(p, c.req.param('asset_id')!, state, h)))
  app.get('/v2/assets/:asset_id/children', v2((c, p, h) => getChildren(p, c.req.param('asset_id')!, state, h)))
  app.post('/v2/assets/:asset_id/children', v2((c, p, h) => createChild(c.req.raw, p, c.req.param('asset_id')!, state, h)))

  app.get('/developer/api/tokens', (c) => listTokens(c.req.raw, state))
  app.post('/developer/api/tokens', (c) => createToken(c.req.raw, state))
  app.delete('/developer/api/tokens/:token_id', (c) => deleteToken(c.req.raw, state, c.req.param('token_id')!))
  const pageRoute = (handler: (c: Context) => Response | Promise<Response>) => (c: Context) => guarded(c.req.raw, as.pageEnvelope, () => handler(c))
  app.get('/developer/tokens', pageRoute((c) => tokensPage(c.req.raw, state)))
  app.get('/developer/tokens/new', pageRoute((c) => newTokenPage(c.req.raw, state)))
  app.post('/developer/tokens', pageRoute((c) => createFromPage(c.req.raw, state)))
  app.post('/developer/tokens/:token_id/delete', pageRoute((c) => deleteFromPage(c.req.raw, state, c.req.param('token_id')!)))

  const r = as.routes
  app.get('/login', (c) => r.loginPage(c.req.raw))
  app.post('/login', (c) => r.login(c.req.raw))
  app.post('/logout', (c) => r.logout(c.req.raw))
  app.get('/consent', (c) => r.consentPage(c.req.raw))
  app.post('/consent', (c) => r.consent(c.req.raw))
  // The `authorize-path-moved` defect serves the common spelling, not Frame.io's.
  app.get(mutants.has('authorize-path-moved') ? '/oauth2/authorize' : '/oauth2/auth', (c) => r.authorize(c.req.raw))
  app.all('/oauth2/token', (c) => r.token(c.req.raw))
  app.all('/oauth2/revoke', (c) => r.revoke(c.req.raw))

  return {
    fetch: (request) => app.fetch(request),
    preload: (count) => preloadDeveloperTokens(state, count),
    purgeExpired() {
      const s = as.state
      for (const store of [s.codes, s.accessTokens, s.refreshTokens, s.interactions, s.sessions, state.devTokenIds]) store.purgeExpired()
    },
  }
}

/** Errors thrown outside a route's own envelope: `/v2` (with its rate-limit headers) and the portal's JSON. */
function routeEnvelope(state: FrameioState): Envelope {
  const api = frameioEnvelope(state.mutants)
  return (error, request) => {
    const path = pathOf(request.url)
    const response = api(error, request)
    return path.startsWith('/v2/') ? withRateLimit(response, rateLimitHeaders(path, state)) : response
  }
}

export const frameio: MockDefinition<FrameioFixtures, FrameioMutant> = {
  name: 'frameio',
  title: 'Frame.io v2',
  profiles: ['frameio@v2'],
  profileNotes: { 'frameio@v2': 'Frame.io API v2 (developer.frame.io, 2026): developer tokens and the Hydra-style OAuth 2.0 app flow' },
  parseFixtures: parseFrameioFixtures,
  defaultFixtures,
  create: createFrameio,
  mutants: frameioMutants,
  errorMediaTypes: ['application/json', 'text/html'],
  obtainToken: obtainFrameioToken,
  describe: (f) => [
    'Developer tokens: sign in at /developer/tokens (pages) or POST /developer/api/tokens {"description","scopes"}; GET /v2/me with Bearer fio-u-…',
    `OAuth 2.0: GET /oauth2/auth, POST /oauth2/token, POST /oauth2/revoke — ${SCOPES.length} scopes, refresh tokens with offline`,
    ...f.users.map((u) => `user ${u.email} / ${u.password}`),
    ...f.clients.map((c) => `app ${c.client_id}${c.client_secret ? ` / ${c.client_secret}` : ' (PKCE, no secret)'} → ${c.redirect_uri}`),
  ],
}
