import { renderError, type Envelope } from '../core/errors.ts'
import type { MockClock } from '../core/mock-clock.ts'
import { authorize } from './authorize/authorize.ts'
import type { AuthorizationServerConfig, ServerContext } from './context.ts'
import { consentGet, consentPost } from './interaction/consent.ts'
import { loginGet, loginPost, logoutPost } from './interaction/login.ts'
import { pageEnvelope } from './interaction/pages.ts'
import { checkCsrf, currentSession, type Session } from './interaction/session.ts'
import type { OAuth2Mutants } from './mutants.ts'
import type { OAuth2Policy } from './policy.ts'
import { createOAuth2State, type OAuth2State } from './state.ts'
import { revokeEndpoint } from './token/revoke.ts'
import { tokenEndpoint } from './token/token-endpoint.ts'
import type { OAuthClient, UserDirectory } from './types.ts'

export interface AuthorizationServer {
  state: OAuth2State
  /** Fetch handlers for the API's router; errors rendered in each route group's envelope. */
  routes: {
    authorize(request: Request): Response | Promise<Response>
    loginPage(request: Request): Response | Promise<Response>
    login(request: Request): Response | Promise<Response>
    logout(request: Request): Response | Promise<Response>
    consentPage(request: Request): Response | Promise<Response>
    consent(request: Request): Response | Promise<Response>
    token(request: Request): Response | Promise<Response>
    revoke(request: Request): Response | Promise<Response>
  }
  /** The HTML error page envelope (for the API's own pages, such as a portal). */
  pageEnvelope: Envelope
  /** The signed-in session of a request, for the API's own session-bound routes. */
  session(request: Request): Session | undefined
  /** Throws a 403 unless `supplied` is this browser's CSRF value. */
  checkCsrf(request: Request, session: Session | undefined, supplied: string | undefined): void
  context: ServerContext
}

/**
 * Builds one authorization server for one mock instance: the API's policy (values), its parts (config: check
 * table, grants, pages, envelopes) and its clients and users. Every route is a Fetch handler; the API mounts them
 * at its own paths.
 *
 * @example
 * const as = createAuthorizationServer({ policy, clock, mutants, users, clients }, config)
 * app.get('/oauth2/auth', (c) => as.routes.authorize(c.req.raw))
 * app.post('/oauth2/token', (c) => as.routes.token(c.req.raw))
 */
export function createAuthorizationServer(
  options: { policy: OAuth2Policy; clock: MockClock; mutants: OAuth2Mutants; users: UserDirectory; clients: readonly OAuthClient[] },
  config: AuthorizationServerConfig,
): AuthorizationServer {
  const ctx: ServerContext = { state: createOAuth2State(options), config }
  const pages = pageEnvelope(config.brand, options.mutants)
  const on = (envelope: Envelope, handler: (request: Request, ctx: ServerContext) => Response | Promise<Response>) => (request: Request) => guarded(request, envelope, () => handler(request, ctx))
  return {
    state: ctx.state,
    context: ctx,
    pageEnvelope: pages,
    routes: {
      authorize: on(pages, authorize),
      loginPage: on(pages, loginGet),
      login: on(pages, loginPost),
      logout: on(pages, logoutPost),
      consentPage: on(pages, consentGet),
      consent: on(pages, consentPost),
      token: on(config.tokenEnvelope, tokenEndpoint),
      revoke: on(config.tokenEnvelope, revokeEndpoint),
    },
    session: (request) => currentSession(request, ctx),
    checkCsrf: (request, session, supplied) => checkCsrf(request, ctx, session, supplied),
  }
}

/** Runs a handler, rendering what it throws in `envelope` (synchronous answers stay synchronous). */
export function guarded(request: Request, envelope: Envelope, handler: () => Response | Promise<Response>): Response | Promise<Response> {
  try {
    const answer = handler()
    return answer instanceof Promise ? answer.catch((error: unknown) => renderError(error, request, envelope)) : answer
  } catch (error) {
    return renderError(error, request, envelope)
  }
}
