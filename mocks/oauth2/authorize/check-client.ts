import type { AuthorizeCheck } from '../context.ts'
import { oauthError } from '../errors.ts'

/**
 * `client_id` — a page error, never a redirect:
 * - RFC 6749 §4.1.2.1: "if the client identifier is missing or invalid, the authorization server SHOULD inform
 *   the resource owner of the error and MUST NOT automatically redirect the user-agent".
 * - §3.1: sent twice → `invalid_request` (which of the two would be the client?).
 * - Unknown → `invalid_client` (fosite: "The requested OAuth 2.0 Client does not exist.").
 */
export const checkClient: AuthorizeCheck = {
  name: 'client',
  kind: 'page',
  run(request, ctx) {
    const { params } = request
    const { mutants } = ctx.state
    if (params.repeated().includes('client_id') && !mutants.has('duplicate-params-accepted')) throw oauthError('invalid_request', 'client_id was sent more than once.')
    // Shown on a page, so 400 (the `unknown-client-page-200` defect renders it with 200): the 401 of invalid_client
    // belongs to the token endpoint (RFC 6749 §5.2).
    const status = mutants.has('unknown-client-page-200') ? 200 : 400
    const id = params.get('client_id')
    if (!id) throw oauthError('invalid_request', 'client_id is missing.', { status })
    const client = ctx.state.clients.get(id)
    if (!client) throw oauthError('invalid_client', 'The requested OAuth 2.0 Client does not exist.', { status })
    request.client = client
  },
}
