import { json, NO_STORE } from '../../core/http.ts'
import type { GrantModule, ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { passwordGrant } from '../grants/password.ts'
import { paramsOf, queryParams, readForm, type Params } from '../params.ts'
import type { OAuthClient } from '../types.ts'
import { authenticateClient } from './client-auth.ts'

/**
 * The token endpoint (RFC 6749 §3.2), in this order:
 * 1. POST only (§3.2 "MUST use the HTTP POST method") — anything else is 405 `invalid_request`.
 * 2. A form body (§4.1.3; JSON too where the API takes it); a parameter sent twice → `invalid_request` (§3.2).
 * 3. `grant_type` present (`invalid_request`), then the client authenticated (client-auth.ts, `invalid_client`).
 * 4. The grant from the registry (`unsupported_grant_type` if none), allowed for this client
 *    (`unauthorized_client`), then its own module; parameters it does not read are ignored (§3.2).
 * 5. 200 with the API's body and `Cache-Control: no-store`, `Pragma: no-cache` (§5.1).
 * Errors are thrown as data for the route's envelope (token/envelope.ts).
 */
export async function tokenEndpoint(request: Request, ctx: ServerContext): Promise<Response> {
  const { mutants } = ctx.state
  const params = await tokenParams(request, ctx)
  if (params.repeated().length && !mutants.has('duplicate-params-accepted')) throw oauthError('invalid_request', 'A parameter was sent more than once.')
  const type = params.get('grant_type')
  if (!type) throw oauthError('invalid_request', 'grant_type is missing.')
  const client = clientOf(request, params, type, ctx)
  const grant = grantFor(type, ctx)
  if (!grant) throw oauthError('unsupported_grant_type')
  if (grant.type !== 'password' && !client.grantTypes.includes(grant.type) && !mutants.has('grant-type-unchecked')) throw oauthError('unauthorized_client', 'The client is not allowed to use this grant type.')
  if (mutants.has('token-unknown-param-refused')) {
    const read = new Set(['grant_type', 'client_id', 'client_secret', ...grant.params])
    if (params.names().some((name) => !read.has(name))) throw oauthError('invalid_request', 'The request has a parameter this grant does not take.')
  }
  const issued = await grant.handle(params, client, ctx)
  // The `scope-response-from-request` defect reports the scope asked for, not the one granted.
  const asked = mutants.has('scope-response-from-request') ? params.get('scope')?.split(' ').filter(Boolean) : undefined
  const body = ctx.config.tokenBody(asked ? { ...issued, scopes: asked } : issued)
  if (mutants.has('token-response-form-encoded')) return formResponse(body)
  // The `refresh-cacheable` defect: only the refresh grant's answers lose the cache headers (the code grant's keep them).
  const cacheable = mutants.has('token-cacheable') || (mutants.has('refresh-cacheable') && grant.type === 'refresh_token')
  return json(body, 200, cacheable ? {} : NO_STORE)
}

function grantFor(type: string, ctx: ServerContext): GrantModule | undefined {
  const { grants } = ctx.config
  if (type === 'password' && ctx.state.mutants.has('password-grant')) return passwordGrant
  // The `unknown-grant-as-code` defect: an if/else whose last branch is the code grant.
  return grants.find((g) => g.type === type) ?? (ctx.state.mutants.has('unknown-grant-as-code') ? grants.find((g) => g.type === 'authorization_code') : undefined)
}

/** The authenticated client; two defects take it from the grant instead when the request authenticates none. */
function clientOf(request: Request, params: Params, type: string, ctx: ServerContext): OAuthClient {
  try {
    return authenticateClient(request, params, ctx)
  } catch (error) {
    const { mutants, clients, codes, refreshTokens } = ctx.state
    if (request.headers.has('authorization') || params.has('client_id')) throw error
    let client: OAuthClient | undefined
    if (type === 'authorization_code' && mutants.has('public-client-from-code')) {
      client = clients.get(codes.find(params.get('code') ?? '')?.clientId ?? '')
      if (client?.secret !== undefined) client = undefined
    }
    if (type === 'refresh_token' && mutants.has('refresh-unauthenticated')) client = clients.get(refreshTokens.find(params.get('refresh_token') ?? '')?.clientId ?? '')
    if (!client) throw error
    return client
  }
}

/** The `token-response-form-encoded` defect's answer: the body as a form (GitHub's default without Accept: application/json). */
function formResponse(body: Record<string, unknown>): Response {
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries(body)) form.set(k, String(v))
  return new Response(form.toString(), { status: 200, headers: { ...NO_STORE, 'content-type': 'application/x-www-form-urlencoded' } })
}

/** The parameters of a POST (or, under the `token-via-get` defect, of a GET's query). */
export async function tokenParams(request: Request, ctx: ServerContext): Promise<Params> {
  const { mutants } = ctx.state
  if (request.method === 'GET' && mutants.has('token-via-get')) return queryParams(request)
  if (request.method !== 'POST') throw oauthError('invalid_request', 'This endpoint takes POST.', { status: 405, headers: { allow: 'POST' } })
  const type = request.headers.get('content-type') ?? ''
  // Two body-parser defects: the header compared as a whole string, and JSON the only body parsed.
  if (mutants.has('form-content-type-exact') && type !== 'application/x-www-form-urlencoded') throw oauthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.')
  if (mutants.has('form-body-unparsed') && /^application\/x-www-form-urlencoded/i.test(type)) return paramsOf(new URLSearchParams())
  return readForm(request, { json: ctx.config.acceptJson, keepEmpty: mutants.has('empty-params-kept') })
}
