import { decodeBasic, readAuthorization } from '../core/authorization.ts'
import { safeEqual } from '../core/random.ts'
import { authenticate } from './authenticate.ts'
import { frameioErrors } from './errors.ts'
import type { User } from './fixtures.ts'
import type { FrameioState } from './state.ts'

/**
 * Who uses the Developer Portal (seed step 1: "Sign into the Developer Portal with your user credentials"):
 * - the signed-in session (`fio_session`), with the anti-CSRF value on every state-changing call
 *   (`X-CSRF-Token` for JSON, the form's `csrf_token` for pages: 403 otherwise, nothing done);
 * - for scripts and the benchmark, the same user credentials as `Authorization: Basic email:password` (the
 *   mock's own convenience: the real portal has no API). They are no ambient credential, so no CSRF value.
 * - A bearer token — developer or OAuth, whatever its scopes — is not a portal credential (401): no token can
 *   mint another.
 */
export function portalUser(request: Request, state: FrameioState, csrf: { supplied: string | undefined } | undefined): User {
  const header = readAuthorization(request)
  if (header.kind === 'present') {
    if (header.scheme === 'basic') return basicUser(header.value.trim(), state)
    if (header.scheme === 'bearer' && state.mutants.has('bearer-opens-portal')) return authenticate(request, state).user
    throw frameioErrors.portalUnauthenticated()
  }
  const session = state.as.session(request)
  const user = session && state.usersById.get(session.userId)
  if (!user) throw frameioErrors.portalUnauthenticated()
  if (csrf) state.as.checkCsrf(request, session, csrf.supplied)
  return user
}

function basicUser(value: string, state: FrameioState): User {
  const decoded = decodeBasic(value)
  const user = decoded && state.usersByEmail.get(decoded.user.toLowerCase())
  if (!user || !safeEqual(decoded.password, user.password)) throw frameioErrors.portalUnauthenticated()
  return user
}
