import type { APIResponse } from '@playwright/test'
import { expectEach, finding, req, test } from '../../harness/index.ts'
import { bearer, client, INVALID_CREDENTIALS, postToken, tokenFor } from './dadi.ts'

const API_0006 = '{"code":"API-0006","title":"Access denied","details":"The bearer token supplied in the request does not have sufficient permissions to perform the operation.","docLink":"https://docs.dadi.cloud/api/#api-0006"}'

/** A collection path's parts: 1.x–3.x `/{version}/{database}/{name}`, 4.x–6.x `/{database}/{name}`. */
function partsOf(path: string) {
  const segments = path.split('/').filter(Boolean)
  const [name, database, version] = segments.reverse()
  return { name: name!, database: database!, ...(version ? { apiVersion: version } : {}) }
}

async function answer(response: APIResponse) {
  const text = await response.text()
  return { status: response.status(), challenge: response.headers()['www-authenticate'], body: response.status() === 200 ? (/"results"/.test(text) ? 'results' : text) : text }
}

test.describe('What a token holds', () => {
  test("outlives changes to its client: 1.x–3.x keep the record as issued, 4.x–6.x re-read a user's grants but trust an admin's JWT", req('DADI-TOKEN-STALE'), async ({ request, target, admin }) => {
    admin.require("change a client's grants and delete a client between requests")
    const restricted = client(target, 'restricted')
    const primary = client(target, 'primary')
    const { allowedCollection: allowed, deniedCollection: denied } = target.settings as { allowedCollection: string; deniedCollection: string }
    const before = { restricted: (await tokenFor(request, restricted)).accessToken, primary: (await tokenFor(request, primary)).accessToken }
    // The operator takes the restricted client's one grant away and grants it the other collection instead.
    await admin.apply('revoke', { clientId: restricted.clientId, collection: partsOf(allowed).name })
    await admin.apply('grant', { clientId: restricted.clientId, collection: partsOf(denied).name, ...partsOf(denied) })
    const v6 = target.profile === 'dadi@6'
    const ok = { status: 200, challenge: undefined, body: 'results' }
    const refused = (path: string) => (v6 ? { status: 403, challenge: undefined, body: API_0006 } : { status: 401, challenge: `Bearer realm="${path}"`, body: '{"statusCode":401}' })
    const after = (await tokenFor(request, restricted)).accessToken
    const cases: [string, unknown, unknown][] = [
      ['the old token, on the collection taken away', await answer(await request.get(allowed, { headers: bearer(before.restricted) })), v6 ? refused(allowed) : ok],
      ['the old token, on the collection granted since', await answer(await request.get(denied, { headers: bearer(before.restricted) })), v6 ? ok : refused(denied)],
      ['a new token, on the collection taken away', await answer(await request.get(allowed, { headers: bearer(after) })), refused(allowed)],
      ['a new token, on the collection granted since', await answer(await request.get(denied, { headers: bearer(after) })), ok],
    ]
    // The full-permission client is deleted: its credentials get nothing more, its token still reads until it expires.
    await admin.apply('delete-client', { clientId: primary.clientId })
    cases.push(['the deleted client’s old token', await answer(await request.get(denied, { headers: bearer(before.primary) })), ok])
    cases.push(['the deleted client’s credentials at /token', await answer(await postToken(request, primary)), { status: 401, challenge: INVALID_CREDENTIALS, body: '{"statusCode":401}' }])
    expectEach(finding('DADI-TOKEN-STALE', `what a token issued before an operator's change can still do (${target.profile})`), cases)
  })
})
