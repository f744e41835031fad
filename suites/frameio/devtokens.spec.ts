import type { APIResponse } from '@playwright/test'
import { parse } from 'node-html-parser'
import { readForm, req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { need } from '../shared/oauth2/flow.ts'
import { submit } from '../shared/transport.ts'
import { basicUser, bearer, DEVELOPER_TOKEN, INVALID_TOKEN, needsPortal, Prepared, SCOPES } from './frameio.ts'

const DAY = 24 * 3600
const json = async (r: APIResponse): Promise<any> => JSON.parse((await r.text()) || 'null')
/** How much two tokens' random parts share, position by position (random base64url: about 1 in 64). */
const shared = (a: string, b: string) => [...a.slice(6)].filter((c, i) => c === b.slice(6)[i]).length / 64

test.describe('developer tokens (the Developer Portal)', () => {
  test(
    'create with chosen scopes → /v2/me → listed by description and scopes only → deleted and refused at once; validated, CSRF-protected, each user’s own, never expiring; the Tokens pages walked',
    req('FIO-PORTAL-PAGE-WALK', 'FIO-DEVTOKEN-CREATE', 'FIO-ME', 'FIO-DEVTOKEN-LIST', 'FIO-DEVTOKEN-SHOWN-ONCE', 'FIO-DEVTOKEN-VALIDATION', 'FIO-PORTAL-CSRF', 'FIO-PORTAL-SESSION-ONLY', 'FIO-DEVTOKEN-OWNER-ONLY', 'FIO-DEVTOKEN-USER-ACCESS', 'FIO-DEVTOKEN-DELETE', 'FIO-DEVTOKEN-UNGUESSABLE', 'FIO-DEVTOKEN-NO-EXPIRY'),
    async ({ request, target, clock, session }, testInfo) => {
      needsPortal(target)
      clock.require(31 * DAY)
      const v = new Verdicts()
      await v.run(testInfo, 'developer tokens through the portal', async () => {
        const prep = new Prepared({ request, target, session })
        const [jane, bob] = [target.creds('user'), target.creds('otherUser')]
        // Signed in to the portal (prepared): its session and CSRF cookies go with every portal call below.
        const signedIn = await submit(prep.transport, await prep.transport.get(`${target.baseURL}/login`), { fill: { email: jane.email!, password: jane.password! } })
        need(signedIn.status === 303, 'FIO-LOGIN-PAGE', `signing in to the portal must succeed (got ${signedIn.status})`)
        const cookie = prep.transport.cookies(target.baseURL)
        const csrf = /(?:^|; )fio_csrf=([^;]+)/.exec(cookie)?.[1] ?? ''
        const portal = (method: string, path: string, o: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {}) =>
          request.fetch(path, {
            method,
            maxRedirects: 0,
            headers: { cookie, ...(o.csrf === false ? {} : { 'x-csrf-token': csrf }), ...(o.body === undefined ? {} : { 'content-type': 'application/json' }), ...o.headers },
            ...(o.body === undefined ? {} : { data: Buffer.from(JSON.stringify(o.body)) }),
          })

        const created: { id: string; token: string }[] = []
        for (const [description, scopes] of [['CI uploads', ['account.read', 'asset.read']], ['Review bot', ['team.read']]] as const) {
          const r = await portal('POST', '/developer/api/tokens', { body: { description, scopes } })
          const body = await json(r)
          v.check('FIO-DEVTOKEN-CREATE', `create "${description}"`, { status: r.status(), keys: Object.keys(body ?? {}).sort(), description: body?.description, scopes: body?.scopes, token: DEVELOPER_TOKEN.test(body?.token ?? ''), noStore: /no-store/.test(r.headers()['cache-control'] ?? ''), location: r.headers().location === `/developer/api/tokens/${body?.id}` }, { status: 201, keys: ['description', 'id', 'inserted_at', 'scopes', 'token'], description, scopes, token: true, noStore: true, location: true })
          need(r.status() === 201, 'FIO-DEVTOKEN-CREATE', `POST /developer/api/tokens must create the token (got ${r.status()})`)
          created.push(body)
        }
        const [first, second] = created as [(typeof created)[number], (typeof created)[number]]
        const me = await json(await request.get('/v2/me', { headers: bearer(first.token) }))
        for (const id of ['FIO-ME', 'FIO-DEVTOKEN-USER-ACCESS']) v.check(id, 'GET /v2/me with the new token: its creator’s User', { email: me?.email, fields: ['id', 'account_id', 'name'].every((k) => typeof me?.[k] === 'string') }, { email: jane.email, fields: true })

        const listed = await portal('GET', '/developer/api/tokens', { csrf: false })
        const list = await json(listed)
        v.check('FIO-DEVTOKEN-LIST', 'the list: newest first, description, scopes, id and date only', Array.isArray(list) ? list.map((t: Record<string, unknown>) => ({ id: t.id, keys: Object.keys(t).sort(), description: t.description })) : list, [second, first].map((t, i) => ({ id: t.id, keys: ['description', 'id', 'inserted_at', 'scopes'], description: i ? 'CI uploads' : 'Review bot' })))
        const page = await (await portal('GET', '/developer/tokens', { csrf: false })).text()
        v.check('FIO-DEVTOKEN-LIST', 'the Tokens page shows each description', ['CI uploads', 'Review bot'].filter((d) => !page.includes(d)), [])
        for (const [name, text] of [['the list', JSON.stringify(list)], ['the Tokens page', page]] as const) {
          v.check('FIO-DEVTOKEN-SHOWN-ONCE', `${name}: no token, nor 8 of its first characters`, created.filter((t) => text.includes(t.token.slice(0, 8))).length, 0)
        }

        for (const [name, body] of [['an empty description', { description: ' ', scopes: ['asset.read'] }], ['no scopes', { description: 'x', scopes: [] }], ['an unknown scope', { description: 'x', scopes: ['asset.read', 'no.such.scope'] }]] as const) {
          const r = await portal('POST', '/developer/api/tokens', { body })
          v.check('FIO-DEVTOKEN-VALIDATION', `${name}: 422`, { status: r.status(), code: (await json(r))?.code }, { status: 422, code: 422 })
        }
        const forged = await portal('POST', '/developer/api/tokens', { body: { description: 'forged', scopes: ['asset.read'] }, csrf: false })
        v.check('FIO-PORTAL-CSRF', 'create without X-CSRF-Token: 403', forged.status(), 403)
        const forgedDelete = await portal('DELETE', `/developer/api/tokens/${second.id}`, { csrf: false })
        v.check('FIO-PORTAL-CSRF', 'delete without X-CSRF-Token: 403', forgedDelete.status(), 403)
        for (const [name, r] of [['GET', await request.get('/developer/api/tokens', { headers: bearer(second.token) })], ['POST', await request.post('/developer/api/tokens', { headers: { ...bearer(second.token), 'content-type': 'application/json' }, data: Buffer.from('{"description":"minted","scopes":["asset.read"]}') })]] as const) {
          v.check('FIO-PORTAL-SESSION-ONLY', `${name} /developer/api/tokens with a developer token as bearer: 401`, r.status(), 401)
        }

        const toLogin = await request.get('/developer/tokens', { headers: bearer(second.token), maxRedirects: 0 })
        v.check('FIO-PORTAL-SESSION-ONLY', 'the Tokens page with a developer token as bearer: to the sign-in page', { status: toLogin.status(), to: new URL(toLogin.headers().location ?? '/', target.baseURL).pathname }, { status: 303, to: '/login' })

        // Another user: sees none of Jane's tokens, cannot delete them, and her account stays out of reach.
        const bobs = await json(await request.get('/developer/api/tokens', { headers: basicUser(bob) }))
        v.check('FIO-DEVTOKEN-OWNER-ONLY', "another user's list holds none of Jane's tokens", (bobs ?? []).filter((t: { id: string }) => created.some((c) => c.id === t.id)).length, 0)
        v.check('FIO-DEVTOKEN-OWNER-ONLY', "another user deletes Jane's token: 404", (await request.delete(`/developer/api/tokens/${first.id}`, { headers: basicUser(bob) })).status(), 404)
        const bobToken = await prep.devToken(['team.read'], 'otherUser')
        const bobMe = await json(await request.get('/v2/me', { headers: bearer(bobToken.token) }))
        // Another user's token after Jane's: /v2/me is about the token's user each time, never the last (or first) caller.
        for (const id of ['FIO-ME', 'FIO-DEVTOKEN-USER-ACCESS']) v.check(id, "Bob's token after Jane's: /v2/me is Bob", bobMe?.email, bob.email)
        v.check('FIO-DEVTOKEN-USER-ACCESS', "Bob's token with team.read on Jane's account: 403", (await request.get(`/v2/accounts/${target.settings.accountId}/teams`, { headers: bearer(bobToken.token) })).status(), 403)

        const deleted = await portal('DELETE', `/developer/api/tokens/${first.id}`)
        v.check('FIO-DEVTOKEN-DELETE', 'DELETE: 204', deleted.status(), 204)
        const after = await request.get('/v2/me', { headers: bearer(first.token) })
        v.check('FIO-DEVTOKEN-DELETE', 'the deleted token at once: 401 invalid_token', { status: after.status(), challenge: after.headers()['www-authenticate'] }, { status: 401, challenge: INVALID_TOKEN.challenge })
        const remaining = (await json(await portal('GET', '/developer/api/tokens', { csrf: false }))) as { id: string }[]
        const ids = remaining.map((t) => t.id)
        v.check('FIO-DEVTOKEN-DELETE', 'the list after the delete', ids, [second.id])
        v.check('FIO-DEVTOKEN-VALIDATION', 'the refused creations made nothing', ids.length, 1)
        v.check('FIO-PORTAL-CSRF', 'the refused calls made and deleted nothing', ids, [second.id])
        v.check('FIO-DEVTOKEN-DELETE', 'a second DELETE: 404', (await portal('DELETE', `/developer/api/tokens/${first.id}`)).status(), 404)

        const more = [first.token, second.token]
        for (let i = 0; i < 4; i++) more.push((await prep.devToken(['asset.read'])).token)
        v.check('FIO-DEVTOKEN-UNGUESSABLE', 'six tokens: all distinct and of the documented shape', { distinct: new Set(more).size, shape: more.every((t) => DEVELOPER_TOKEN.test(t)) }, { distinct: more.length, shape: true })
        v.check('FIO-DEVTOKEN-UNGUESSABLE', 'consecutive tokens share no more than chance', more.slice(1).filter((t, i) => shared(t, more[i]!) > 0.25).length, 0)

        // The Tokens pages, submitted as a browser submits them: their forms, the session cookie, the CSRF field.
        const pages = (path: string, form?: Record<string, string>) => (form ? request.post(path, { form, headers: { cookie }, maxRedirects: 0 }) : request.get(path, { headers: { cookie }, maxRedirects: 0 }))
        const blank = await pages('/developer/tokens/new')
        const newForm = readForm(await blank.text(), blank.url())
        const empty = await pages(newForm.action, { ...newForm.fields, description: '', all_scopes: 'on' })
        v.check('FIO-DEVTOKEN-VALIDATION', 'the New form without a description: the form again, 422', { status: empty.status(), form: (await empty.text()).includes('name="description"') }, { status: 422, form: true })
        const made = await pages(newForm.action, { ...newForm.fields, description: 'made on the pages', all_scopes: 'on' })
        const summary = parse(await made.text())
        const shown = summary.querySelector('#token')?.text.trim() ?? ''
        v.check('FIO-PORTAL-PAGE-WALK', 'New → description + Select all scopes → Create: the token, once', { status: made.status(), token: DEVELOPER_TOKEN.test(shown) }, { status: 200, token: true })
        const back = await pages('/developer/tokens')
        const backHtml = await back.text()
        const row = parse(backHtml).querySelectorAll('tr').find((tr) => tr.text.includes('made on the pages'))
        v.check('FIO-PORTAL-PAGE-WALK', 'back on Tokens: the description and every scope, not the token', { row: Boolean(row), scopes: row?.querySelectorAll('td')[1]?.text.split(' ').length, token: backHtml.includes(shown.slice(0, 8)) }, { row: true, scopes: SCOPES.length, token: false })
        const removal = row?.querySelector('form')
        const removed = removal ? await pages(new URL(removal.getAttribute('action') ?? '', back.url()).toString(), Object.fromEntries(removal.querySelectorAll('input').map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? '']))) : undefined
        const gone = await (await pages('/developer/tokens')).text()
        v.check('FIO-PORTAL-PAGE-WALK', 'Delete: back to Tokens without it, the token refused', { status: removed?.status(), listed: gone.includes('made on the pages'), token: shown ? (await request.get('/v2/me', { headers: bearer(shown) })).status() : 0 }, { status: 303, listed: false, token: 401 })

        await clock.advance(31 * DAY)
        v.check('FIO-DEVTOKEN-NO-EXPIRY', 'a developer token after 31 days', (await request.get('/v2/me', { headers: bearer(second.token) })).status(), 200)
      })
    },
  )
})
