import { json, NO_STORE } from '../../core/http.ts'
import type { GrantModule, ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { passwordGrant } from '../grants/password.ts'
import { queryParams, readForm, type Params } from '../params.ts'
import { authenticateClient } from './client-auth.ts'

/**
 * The token endpoint (RFC 6749 §3.2), in this order:
 * 1. POST only (§3.2 "MUST use the HTTP POST method") — anything else is 405 `invalid_request`.
 * 2. A form body (§4.1.3; JSON too where the API takes it); a parameter sent twice → `invalid_request` (§3.2).
 * 3. `grant_type` present (`invalid_request`), then the client authenticated (client-auth.ts, `invalid_client`).
 * 4. The grant from the registry (`unsupported_grant_type` if none), allowed for this client
 *    (`unauthorized_client`), then its own module.
 * 5. 200 with the API's body and `Cache-Control: no-store`, `Pragma: no-cache` (§5.1).
 * Errors are thrown as data for the route's envelope (token/envelope.ts).
 */
export async function tokenEndpoint(request: Request, ctx: ServerContext): Promise<Response> {
  const { mutants } = ctx.state
  const params = await tokenParams(request, ctx)
  if (params.repeated().length && !mutants.has('duplicate-params-accepted')) throw oauthError('invalid_request', 'A parameter was sent more than once.')
  const type = params.get('grant_type')
  if (!type) throw oauthError('invalid_request', 'grant_type is missing.')
  const client = authenticateClient(request, params, ctx)
  const grant = grantFor(type, ctx)
  if (!grant) throw oauthError('unsupported_grant_type')
  if (grant.type !== 'password' && !client.grantTypes.includes(grant.type)) throw oauthError('unauthorized_client', 'The client is not allowed to use this grant type.')
  const issued = await grant.handle(params, client, ctx)
  return json(ctx.config.tokenBody(issued), 200, mutants.has('token-cacheable') ? {} : NO_STORE)
}

function grantFor(type: string, ctx: ServerContext): GrantModule | undefined {
  if (type === 'password' && ctx.state.mutants.has('password-grant')) return passwordGrant
  return ctx.config.grants.find((g) => g.type === type)
}

/** The parameters of a POST (or, under the `token-via-get` defect, of a GET's query). */
export async function tokenParams(request: Request, ctx: ServerContext): Promise<Params> {
  if (request.method === 'GET' && ctx.state.mutants.has('token-via-get')) return queryParams(request)
  if (request.method !== 'POST') throw oauthError('invalid_request', 'This endpoint takes POST.', { status: 405, headers: { allow: 'POST' } })
  return readForm(request, { json: ctx.config.acceptJson })
}
