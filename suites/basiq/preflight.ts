import type { Preflight } from '../../harness/index.ts'

/**
 * Before any test (real targets): a SERVER_ACCESS token with the live API key, as the docs show it. Basiq refuses
 * an unknown or deleted key with 404 and a disabled one with 403, in its own `{"type":"list",…}` envelope: those
 * say the key is wrong, not the URL; any other answer that is not Basiq's JSON says the base URL is.
 */
const preflight: Preflight = async ({ target, send, expectApi, fail }) => {
  const apiKey = target.credentials.live?.apiKey
  if (!apiKey) return
  const answer = await send('POST', '/token', { form: { scope: 'SERVER_ACCESS' }, headers: { authorization: `Basic ${apiKey}`, 'basiq-version': '3.0' } })
  const error = ((answer.json ?? {}) as { type?: unknown; data?: { title?: unknown; detail?: unknown }[] }).type === 'list' ? (answer.json as { data?: { title?: unknown; detail?: unknown }[] }).data?.[0] : undefined
  if (error && [401, 403, 404].includes(answer.status)) fail(`refused the live API key (${answer.status} ${String(error.title ?? '')}: ${String(error.detail ?? '')}) — check BASIQ_API_KEY`)
  expectApi(answer)
  if (answer.status !== 200 || typeof (answer.json as { access_token?: unknown } | undefined)?.access_token !== 'string') fail(`POST /token answered ${answer.status} without an access_token: ${answer.text.slice(0, 80)}`)
}
export default preflight
