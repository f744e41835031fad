import type { APIResponse } from '@playwright/test'
import { decodeJwt } from 'jose'
import { expect, expectEach, finding, precondition, req, test } from '../../harness/index.ts'
import { bearer, expectInvalidCredentials, postToken, tokenFor } from './dadi.ts'

const API_0005 = '{"code":"API-0005","title":"Unauthorised","details":"The request could not be fulfilled because it did not contain a valid bearer token.","docLink":"https://docs.dadi.cloud/api/#api-0005"}'
const answer = async (r: APIResponse) => ({ status: r.status(), challenge: r.headers()['www-authenticate'], body: await r.text() })

/** Clients of a kind the primary and restricted ones are not: logged in by e-mail, stored before hashing, super users. */
test.describe('Other kinds of client', () => {
  test('issues a token for an e-mail and secret (6.x), a token that names no client', req('DADI-TOKEN-EMAIL', 'DADI-TOKEN-EMAIL-NOCLIENT'), async ({ request, target }) => {
    const login = target.optionalCreds('emailLogin')
    test.skip(login.missing !== undefined, `needs a client with an e-mail address: ${login.missing}`)
    const { email, secret } = login.values as { email: string; secret: string }
    const issued = await postToken(request, { email, secret })
    const body = (await issued.json().catch(() => ({}))) as Record<string, unknown>
    expect({ status: issued.status(), fields: Object.keys(body).sort(), tokenType: body.tokenType }, finding('DADI-TOKEN-EMAIL', 'POST /token {email, secret} → 200, the token response of a clientId login')).toEqual({ status: 200, fields: ['accessToken', 'expiresIn', 'permissions', 'tokenType'], tokenType: 'Bearer' })
    await expectInvalidCredentials([['a wrong secret', await postToken(request, { email, secret: 'not-the-secret-9f1c' })], ['a Mongo operator as email', await postToken(request, { email: { $ne: null }, secret })]], 'DADI-TOKEN-EMAIL')
    // The JWT signs the clientId of the request body, which an e-mail login has none of: the token is nobody's.
    const token = String(body.accessToken)
    const claims = decodeJwt(token)
    expect({ clientId: 'clientId' in claims, accessType: claims.accessType }, finding('DADI-TOKEN-EMAIL-NOCLIENT', 'the JWT carries an accessType and no clientId')).toEqual({ clientId: false, accessType: expect.any(String) })
    const { allowedCollection: allowed } = target.settings as { allowedCollection: string }
    expectEach(finding('DADI-TOKEN-EMAIL-NOCLIENT', 'refused as if anonymous: 401 API-0005, no challenge'), [
      ['GET /api/collections', await answer(await request.get('/api/collections', { headers: bearer(token) })), { status: 401, challenge: undefined, body: API_0005 }],
      [`GET ${allowed}`, await answer(await request.get(allowed, { headers: bearer(token) })), { status: 401, challenge: undefined, body: API_0005 }],
    ])
  })

  test('refuses a client stored before secrets were hashed until it is upgraded', req('DADI-CRED-UPGRADE'), async ({ request, target }) => {
    const legacy = target.optionalCreds('legacyClient')
    test.skip(legacy.missing !== undefined, `needs a client record whose secret was stored before 5.0 hashed secrets: ${legacy.missing}`)
    const response = await postToken(request, legacy.values)
    const headers = response.headers()
    expect(
      { status: response.status(), challenge: headers['www-authenticate'], body: await response.text(), cacheControl: headers['cache-control'], pragma: headers.pragma },
      finding('DADI-CRED-UPGRADE', 'its right secret gets 401 client_needs_upgrade, no token'),
    ).toEqual({ status: 401, challenge: 'Bearer, error="client_needs_upgrade", error_description="The client record on the server must be upgraded"', body: '{"statusCode":401}', cacheControl: 'no-store', pragma: 'no-cache' })
  })

  test('gives a superUser an admin’s access (6.x)', req('DADI-AUTH-ACCEPT'), async ({ request, target }) => {
    test.skip(target.profile !== 'dadi@6', 'superUser is a 4.x–6.x access type')
    const superUser = target.optionalCreds('superUser')
    test.skip(superUser.missing !== undefined, `needs a client with accessType "superUser": ${superUser.missing}`)
    const { accessToken } = await tokenFor(request, superUser.values as { clientId: string; secret: string })
    expect(decodeJwt(accessToken).accessType, precondition('DADI-TOKEN-JWT', 'the token claims the superUser access type')).toBe('superUser')
    const declared = (target.settings.collections ?? '').split(',').filter(Boolean).sort()
    const listed = await request.get('/api/collections', { headers: bearer(accessToken) })
    const paths = ((await listed.json().catch(() => ({}))) as { collections?: { path: string }[] }).collections?.map((c) => c.path).sort()
    const denied = await request.get(target.settings.deniedCollection!, { headers: bearer(accessToken) })
    expect({ list: listed.status(), paths: declared.length ? paths : 'not declared', denied: denied.status() }, finding('DADI-AUTH-ACCEPT', 'a superUser lists and reads every collection')).toEqual({ list: 200, paths: declared.length ? declared : 'not declared', denied: 200 })
  })
})
