import type { Envelope } from '../../core/errors.ts'
import { NO_STORE } from '../../core/http.ts'
import type { OAuth2Mutants } from '../mutants.ts'

/**
 * RFC 6749 §5.2 error bodies for the token and revocation endpoints (RFC 7009 §2.2.1 uses the same):
 * `{"error", "error_description"}` as `application/json;charset=UTF-8` (fosite's spelling), with
 * `Cache-Control: no-store` and `Pragma: no-cache`, and the error's `WWW-Authenticate` when it has one (a Basic
 * challenge on `invalid_client` after a Basic header). Its defects live here: `invalid_client` downgraded to a
 * 400 without a challenge, the refused secret or code repeated in the description, Hydra's legacy extra fields.
 */
export function tokenErrorEnvelope(mutants: OAuth2Mutants): Envelope {
  return (error) => {
    let status = error.status
    const headers: Record<string, string> = { ...NO_STORE, ...error.headers, 'content-type': 'application/json;charset=UTF-8' }
    if (error.challenge && !(mutants.has('invalid-client-400') && error.code === 'invalid_client')) headers['www-authenticate'] = error.challenge
    else if (mutants.has('invalid-client-400') && error.code === 'invalid_client') status = 400
    let description = error.detail
    if (mutants.has('token-error-echoes-secret') && error.submitted) description = `${description} (received: ${error.submitted})`
    const body = { error: error.code ?? 'invalid_request', ...(description ? { error_description: description } : {}), ...(mutants.has('token-error-extra-fields') ? { error_hint: error.detail ?? '', status_code: status } : {}) }
    return new Response(JSON.stringify(body), { status, headers })
  }
}
