import type { AuthorizeCheck } from '../context.ts'
import { oauthError } from '../errors.ts'

/**
 * `state` of a minimum length (Hydra/fosite `MinParameterEntropy = 8`: "Request parameter 'state' must be at least
 * be 8 characters long to ensure sufficient entropy."), refused with fosite's `invalid_state` after the redirect
 * URI is known good. RFC 6749 §10.12 recommends `state` for CSRF protection of the client; it does not require it,
 * so an API that follows the RFC leaves this check out of its table.
 */
export function checkState(options: { minLength: number }): AuthorizeCheck {
  return {
    name: 'state',
    kind: 'redirect',
    run(request, ctx) {
      const state = request.params.get('state') ?? ''
      if (state.length < options.minLength && !ctx.state.mutants.has('state-length-unchecked')) {
        throw oauthError('invalid_state', `The state is missing or has fewer than ${options.minLength} characters.`)
      }
    },
  }
}
