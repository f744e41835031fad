import { ApiError } from '../../core/errors.ts'
import type { AuthorizeRequest, ServerContext } from '../context.ts'
import { issueCode } from '../interaction/consent.ts'
import { currentSession } from '../interaction/session.ts'
import { queryParams } from '../params.ts'
import { redirectWith, seeOther } from '../redirect.ts'
import { randomValue } from '../state.ts'

/**
 * The authorization endpoint (RFC 6749 §4.1.1, GET): the API's ordered check table, then sign-in and consent.
 * - The table's order is the error precedence (Frame.io: client → redirect URI → duplicates → response type →
 *   scope → PKCE → state). Checks of kind `page` run before the redirect URI is known good: their errors are
 *   thrown to the route's page envelope (§4.1.2.1 "MUST NOT automatically redirect"). Later errors go where the
 *   API says (`config.authorizeError`: a redirect with `error=` by default).
 * - A request that passes becomes a pending interaction (30 min): without a session, 303 to sign-in with
 *   `login_challenge`; with one, 303 to consent with `consent_challenge` (bound to that session).
 */
export function authorize(request: Request, ctx: ServerContext): Response {
  const params = queryParams(request, { keepEmpty: ctx.state.mutants.has('empty-params-kept') })
  const req: AuthorizeRequest = { params, scopes: [] }
  for (const check of ctx.config.authorizeChecks) {
    try {
      check.run(req, ctx)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (check.kind === 'redirect' && req.redirectUri !== undefined) return ctx.config.authorizeError(error, req, ctx)
      // The `error-to-unregistered-redirect` defect sends the error to whatever redirect URI was sent.
      const sent = params.get('redirect_uri')
      if (ctx.state.mutants.has('error-to-unregistered-redirect') && sent && /^https?:\/\//.test(sent)) return redirectError(error, { ...req, redirectUri: sent }, ctx)
      throw error
    }
  }
  const session = currentSession(request, ctx)
  const interaction = {
    clientId: req.client!.id,
    redirectUri: req.redirectUri!,
    redirectUriSent: params.get('redirect_uri'),
    scopes: req.scopes,
    state: params.get('state'),
    challenge: req.challenge,
    challengeMethod: req.challengeMethod,
    sessionId: session?.id,
  }
  // The `auto-consent` defect: a signed-in user is never asked.
  if (session && ctx.state.mutants.has('auto-consent')) return issueCode(ctx, interaction, session.userId)
  const id = randomValue()
  ctx.state.interactions.upsert(id, interaction, ctx.state.policy.lifetimes.interaction)
  const { login, consent } = ctx.config.paths
  return seeOther(session ? `${consent}?consent_challenge=${id}` : `${login}?login_challenge=${id}`, ctx.state.mutants)
}

/** RFC 6749 §4.1.2.1: the error, its description and the `state` as sent, added to the redirect URI's query. */
export function redirectError(error: ApiError, req: AuthorizeRequest, ctx: ServerContext): Response {
  const { mutants } = ctx.state
  const state = mutants.has('state-dropped') ? undefined : req.params.get('state')
  // The `error-description-quotes` defect names what it refused in the description, in double quotes (§4.1.2.1's
  // character set leaves them out).
  const quoted = mutants.has('error-description-quotes') ? ` Requested: "${req.params.get('scope') ?? ''}".` : ''
  return redirectWith(req.redirectUri!, { error: error.code ?? 'invalid_request', error_description: quoted ? `${error.detail ?? ''}${quoted}` : error.detail, state }, mutants)
}
