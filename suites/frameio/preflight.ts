import type { Preflight } from '../../harness/index.ts'

/**
 * Before any test (real targets): GET /v2/me with each developer token of targets.yaml. A JSON answer says this is
 * the Frame.io API at its root; 200 says the token is good; a 401 names the token to replace.
 */
const preflight: Preflight = async ({ target, send, expectApi, fail }) => {
  const { token, limitedToken } = target.credentials.developer ?? {}
  for (const [name, value] of [['FRAMEIO_DEVELOPER_TOKEN', token], ['FRAMEIO_LIMITED_DEVELOPER_TOKEN', limitedToken]] as const) {
    if (!value) continue
    const answer = await send('GET', '/v2/me', { headers: { authorization: `Bearer ${value}` } })
    if (answer.status === 401 || answer.status === 403) fail(`refused the developer token of ${name} (${answer.status}${answer.json ? ` ${JSON.stringify(answer.json).slice(0, 120)}` : ''}) — make a new one on developer.frame.io`)
    expectApi(answer)
    if (answer.status !== 200) fail(`GET /v2/me with ${name} answered ${answer.status}: ${answer.text.slice(0, 80)}`)
  }
}
export default preflight
