import { ApiError } from '../../core/errors.ts'
import type { ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { queryParams } from '../params.ts'
import { redirectWith, seeOther } from '../redirect.ts'
import { rememberChallenge } from '../grants/code-binding.ts'
import { grantLink, randomValue } from '../state.ts'
import type { Interaction } from '../types.ts'
import { expiredRequest, formOf } from './login.ts'
import { CSRF_FIELD, consentPage } from './pages.ts'
import { checkCsrf, currentSession, maskCsrf, type Session } from './session.ts'

/**
 * Consent (RFC 6749 §10.12: no code "without the awareness and explicit consent of the resource owner"):
 * - Shown every time (no silent re-consent); only to the session the request belongs to; without a session,
 *   back to sign-in with the same pending request.
 * - POST: CSRF first, then the pending request is consumed (single use, atomic): `allow` issues the code,
 *   `deny` redirects with `error=access_denied`; both 303 (RFC 9700 §4.12) with `state` unchanged.
 */
export function consentGet(request: Request, ctx: ServerContext): Response {
  const challenge = queryParams(request).get('consent_challenge') ?? ''
  const session = currentSession(request, ctx)
  const interaction = pending(ctx, challenge, session)
  if (!session) return seeOther(`${ctx.config.paths.login}?login_challenge=${encodeURIComponent(challenge)}`, ctx.state.mutants)
  const client = ctx.state.clients.get(interaction.clientId)!
  const user = ctx.state.users.byId(session.userId)
  return consentPage(ctx.config.brand, ctx.state.mutants, { action: ctx.config.paths.consent, csrf: maskCsrf(session.csrf), challenge, client, userName: user?.name ?? session.userId, scopes: interaction.scopes })
}

export async function consentPost(request: Request, ctx: ServerContext): Promise<Response> {
  const form = await formOf(request)
  const session = currentSession(request, ctx)
  if (!session) throw new ApiError({ status: 401, code: 'login_required', detail: 'Sign in first, then go back to the application and start again.' })
  checkCsrf(request, ctx, session, form.get(CSRF_FIELD))
  const challenge = form.get('consent_challenge') ?? ''
  const decision = form.get('decision')
  if (decision !== 'allow' && decision !== 'deny') throw new ApiError({ status: 400, code: 'invalid_request', detail: 'Choose Allow or Deny.' })
  pending(ctx, challenge, session)
  const interaction = ctx.state.interactions.consume(challenge)
  if (!interaction) throw expiredRequest()
  if (decision === 'deny') {
    const denied = oauthError('access_denied', 'The resource owner denied the request.')
    const state = ctx.state.mutants.has('deny-drops-state') ? undefined : stateOf(ctx, interaction)
    return redirectWith(interaction.redirectUri, { error: denied.code, error_description: denied.detail, state }, ctx.state.mutants)
  }
  return issueCode(ctx, interaction, session.userId)
}

/** Issues a code for a consented request: a new grant, the code linked to it, the redirect to the client. */
export function issueCode(ctx: ServerContext, interaction: Interaction, userId: string): Response {
  const { state } = ctx
  const grantId = randomValue()
  const code = state.mutants.has('code-short') ? randomValue().slice(0, 8) : randomValue()
  const record = {
    grantId,
    clientId: interaction.clientId,
    userId,
    redirectUri: interaction.redirectUri,
    redirectUriSent: interaction.redirectUriSent,
    scopes: interaction.scopes,
    challenge: interaction.challenge,
    challengeMethod: interaction.challengeMethod,
    redeemed: false,
  }
  state.codes.upsert(code, record, state.mutants.has('code-never-expires') ? undefined : state.policy.lifetimes.code, [grantLink(grantId)])
  if (state.mutants.has('pkce-challenge-per-client')) rememberChallenge(state, record)
  const scope = state.policy.redirectCarriesScope ? interaction.scopes.join(' ') : undefined
  return redirectWith(interaction.redirectUri, { code, scope, state: stateOf(ctx, interaction) }, state.mutants)
}

function stateOf(ctx: ServerContext, interaction: Interaction): string | undefined {
  return ctx.state.mutants.has('state-dropped') ? undefined : interaction.state
}

/** The pending request, if it exists and belongs to this session (or to none yet). */
function pending(ctx: ServerContext, challenge: string, session: Session | undefined): Interaction {
  const interaction = challenge ? ctx.state.interactions.find(challenge) : undefined
  if (!interaction) throw expiredRequest()
  if (session && interaction.sessionId !== undefined && interaction.sessionId !== session.id) {
    throw new ApiError({ status: 403, code: 'access_denied', detail: 'This authorization request belongs to another sign-in.' })
  }
  return interaction
}
