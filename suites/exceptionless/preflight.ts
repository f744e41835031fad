import type { Preflight } from '../../harness/index.ts'

/**
 * Before any test (real targets): log in as each user of targets.yaml (the lockout account only ever by its own
 * test). A JSON answer says this is Exceptionless at its root; 200 with a token says the password is right.
 * A real Exceptionless counts failed logins per IP (15 a quarter hour): a wrong password here costs one.
 */
const preflight: Preflight = async ({ target, send, expectApi, fail }) => {
  for (const role of ['user', 'globalUser']) {
    const { email, password } = target.credentials[role] ?? {}
    if (!email || !password) continue
    const answer = await send('POST', '/api/v2/auth/login', { json: { email, password } })
    expectApi(answer)
    const body = (answer.json ?? {}) as { token?: unknown; title?: unknown }
    if (answer.status === 401) fail(`refused the password of ${email} (401 ${typeof body.title === 'string' ? body.title : 'Unauthorized'}) — check the ${role} account's password`)
    if (answer.status !== 200 || typeof body.token !== 'string') fail(`logging in as ${email} answered ${answer.status} without a token: ${answer.text.slice(0, 80)}`)
  }
}
export default preflight
