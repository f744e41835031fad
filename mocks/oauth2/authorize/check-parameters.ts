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
    if (request.params.repeated().length && !ctx.state.mutants.has('duplicate-params-accepted')) throw oauthError('invalid_request', 'A parameter was sent more than once.')
  },
}

export const checkResponseType: AuthorizeCheck = {
  name: 'response_type',
  kind: 'redirect',
  run(request, ctx) {
    const type = request.params.get('response_type')
    if (type === undefined) throw oauthError('invalid_request', 'response_type is missing.')
    if (type !== 'code' && !ctx.state.mutants.has('response-type-unchecked')) throw oauthError('unsupported_response_type', 'Only response_type=code is supported.')
  },
}
