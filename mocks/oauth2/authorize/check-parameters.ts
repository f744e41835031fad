import type { AuthorizeCheck } from '../context.ts'
import { oauthError } from '../errors.ts'

/**
 * The remaining parameters, now that errors can be redirected (RFC 6749 §4.1.2.1 `invalid_request`):
 * - §3.1: "Request and response parameters MUST NOT be included more than once."
 * - §3.1.1: `response_type` missing → `invalid_request`; anything but `code` → `unsupported_response_type`
 *   (the implicit grant is not offered: RFC 9700 §2.1.2).
 */
export const checkDuplicates: AuthorizeCheck = {
  name: 'duplicates',
  kind: 'redirect',
  run(request, ctx) {
    const { params } = request
    const { mutants } = ctx.state
    if (params.repeated().length && !mutants.has('duplicate-params-accepted')) throw oauthError('invalid_request', 'A parameter was sent more than once.')
    // The `authorize-unknown-param-refused` defect: a strict schema where §3.1 says "MUST ignore unrecognized".
    if (mutants.has('authorize-unknown-param-refused') && params.names().some((name) => !KNOWN.includes(name))) throw oauthError('invalid_request', 'The request has a parameter this server does not know.')
  },
}

const KNOWN = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method']

export const checkResponseType: AuthorizeCheck = {
  name: 'response_type',
  kind: 'redirect',
  run(request, ctx) {
    const type = request.params.get('response_type')
    if (type === undefined) throw oauthError('invalid_request', 'response_type is missing.')
    if (type !== 'code' && !ctx.state.mutants.has('response-type-unchecked')) throw oauthError('unsupported_response_type', 'Only response_type=code is supported.')
  },
}
