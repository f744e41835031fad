import type { AuthorizeCheck } from '../context.ts'
import { oauthError } from '../errors.ts'
import { matchRedirectUri } from '../redirect.ts'

/**
 * `redirect_uri` — the last page error; once it passes, every error is sent to the redirect URI:
 * - RFC 9700 §2.1: exact string match against the registered URIs (loopback port free, §4.1.3): see redirect.ts.
 * - RFC 6749 §3.1.2.3: may be omitted only when the client registered exactly one (fosite uses it then).
 * - §3.1.2.4: a missing, unregistered or malformed URI is shown on a page, "MUST NOT automatically redirect".
 * - §3.1: sent twice → `invalid_request`, on the page.
 */
export const checkRedirectUri: AuthorizeCheck = {
  name: 'redirect_uri',
  kind: 'page',
  run(request, ctx) {
    const { params, client } = request
    const { mutants } = ctx.state
    if (params.repeated().includes('redirect_uri') && !mutants.has('duplicate-params-accepted')) throw oauthError('invalid_request', 'redirect_uri was sent more than once.')
    const sent = params.get('redirect_uri')
    if (sent === undefined) {
      if (client!.redirectUris.length !== 1 || mutants.has('redirect-uri-required')) throw oauthError('invalid_request', 'redirect_uri is missing and the client has registered more than one.')
      request.redirectUri = client!.redirectUris[0]!
      return
    }
    const matched = matchRedirectUri(sent, client!.redirectUris, mutants)
    if (matched === undefined) throw oauthError('invalid_request', 'redirect_uri is not one the client registered.')
    // The URI as sent: a loopback one keeps the port the native app listens on (the `loopback-port-dropped` defect
    // sends the code to the registered URI it matched).
    request.redirectUri = mutants.has('loopback-port-dropped') ? matched : sent
  },
}
