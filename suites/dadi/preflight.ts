import type { Preflight } from '../../harness/index.ts'

/**
 * Before any test (real targets): POST /token as the docs show it, for each client of targets.yaml. A JSON answer
 * says this is DADI at its root; 200 with an accessToken says the client's secret is right. The legacyClient (a record
 * from before hashed secrets) is refused by design, with client_needs_upgrade whatever its secret (DADI-CRED-UPGRADE).
 */
const preflight: Preflight = async ({ target, send, expectApi, fail }) => {
  for (const [role, { clientId, secret }] of Object.entries(target.credentials)) {
    if (!clientId || !secret) continue
    const answer = await send('POST', '/token', { json: { clientId, secret } })
    expectApi(answer)
    const body = (answer.json ?? {}) as { accessToken?: unknown }
    if (answer.status === 401) {
      const error = /error="([^"]+)"/.exec(answer.headers['www-authenticate'] ?? '')?.[1]
      if (role === 'legacyClient' && error === 'client_needs_upgrade') continue
      fail(`refused clientId ${clientId}'s secret (401${error ? ` ${error}` : ''}) — check the ${role} client's secret`)
    }
    if (answer.status !== 200 || typeof body.accessToken !== 'string') fail(`POST /token for clientId ${clientId} answered ${answer.status} without an accessToken: ${answer.text.slice(0, 80)}`)
  }
}
export default preflight
