import { decodeBasic, readAuthorization } from '../../core/authorization.ts'
import { safeEqual } from '../../core/random.ts'
import type { ServerContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { queryParams, type Params } from '../params.ts'
import type { ClientAuthMethod, OAuthClient } from '../types.ts'

/**
 * Client authentication at the token and revocation endpoints, once for both:
 * - RFC 6749 §2.3.1: Basic with `client_id:client_secret`, each form-urlencoded before base64 (decoded here);
 *   or `client_id` + `client_secret` in the body; never from the URI query ("MUST NOT be included in the request
 *   URI"). A public client (§2.1) sends `client_id` only (`none`).
 * - §2.3: "MUST NOT use more than one authentication method" — Basic plus `client_secret` → `invalid_request`;
 *   a body `client_id` that differs from Basic's too.
 * - The method must be one the client registered (fosite: "The OAuth 2.0 Client supports client authentication
 *   method …"), so a public client with a secret and a confidential one without are `invalid_client`.
 * - §5.2: `invalid_client` is 401, with `WWW-Authenticate: Basic realm=…` when the client used the header.
 */
export function authenticateClient(request: Request, params: Params, ctx: ServerContext): OAuthClient {
  const { mutants, clients, policy } = ctx.state
  const header = readAuthorization(request)
  const challenge = header.kind === 'present' ? { challenge: `Basic realm="${policy.realm}"` } : {}
  const refuse = (hint: string, submitted?: string) => oauthError('invalid_client', hint, { ...challenge, ...(submitted ? { submitted } : {}) })

  let id: string | undefined
  let secret: string | undefined
  let method: ClientAuthMethod
  // The `basic-auth-unsupported` defect reads the body only, whatever the header says.
  if (header.kind === 'present' && !mutants.has('basic-auth-unsupported')) {
    if (header.scheme !== 'basic') throw refuse('The Authorization header must use the Basic scheme.')
    const decoded = decodeBasic(header.value.trim(), { percentDecode: !mutants.has('basic-not-urldecoded') })
    if (!decoded?.user) throw refuse('The Basic credentials are malformed.')
    if (params.has('client_secret') && !mutants.has('two-auth-methods-accepted')) throw oauthError('invalid_request', 'The client used more than one authentication method.')
    if (params.has('client_id') && params.get('client_id') !== decoded.user) throw oauthError('invalid_request', 'client_id in the body differs from the one in the Authorization header.')
    ;[id, secret, method] = [decoded.user, decoded.password, 'client_secret_basic']
  } else {
    const source = mutants.has('credentials-from-query') && !params.has('client_id') ? queryParams(request) : params
    ;[id, secret] = [source.get('client_id'), source.get('client_secret')]
    method = secret === undefined ? 'none' : 'client_secret_post'
  }
  if (!id) throw refuse('No client authentication was included.')
  const client = clients.get(id)
  if (!client) throw refuse('The client does not exist.', secret)
  // The `auth-method-unchecked` defect: a public client's method is not looked at, its secret ignored.
  if (client.secret === undefined && mutants.has('auth-method-unchecked')) return client
  // The `secret-checked-only-when-sent` defect: `if (secret && secret !== client.secret) refuse()`.
  if (method === 'none' && mutants.has('secret-checked-only-when-sent')) return client
  if (method === 'client_secret_post' && mutants.has('body-credentials-unsupported')) throw refuse('The client is not registered for this authentication method.', secret)
  if (!client.authMethods.includes(method)) throw refuse('The client is not registered for this authentication method.', secret)
  if (method === 'none') return client
  if (client.secret === undefined || secret === undefined || !safeEqual(secret, client.secret)) throw refuse('The client secret is wrong.', secret)
  return client
}
