import { readForm } from '../../../harness/index.ts'
import { framingOf, pageOf, redirectOf } from './answers.ts'
import { idsOf, type Client, type ClientRole, type OAuth2Api, type Outcome } from './api.ts'
import { need, newVerifier, s256 } from './flow.ts'
import { submit, type Answer } from '../transport.ts'
import { ruleTest, tenantClient, type RuleContext } from './suite.ts'
import type { Rule } from './rules.ts'

/** A state with reserved and non-ASCII characters: it must come back byte for byte (RFC 6749 §4.1.2). */
export const ODD_STATE = 'a b+c&d=é/~ ☃ %41 0123456789'
const TOKEN_OR_CODE = /^(invalid_request|unauthorized_client|access_denied|unsupported_response_type|invalid_scope|server_error|temporarily_unavailable|invalid_state)$/
const ASCII_DESCRIPTION = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/

const withoutQuery = (uri: string) => uri.split('?')[0]!.split('#')[0]!
const queryOf = (uri: string) => Object.fromEntries(new URL(uri).searchParams)

/** Variants of a registered redirect URI that exact matching must refuse (RFC 9700 §2.1). */
export function variantsOf(uri: string): [string, string][] {
  const u = new URL(uri)
  const path = u.pathname
  const letter = path.search(/[a-z]/)
  const out: [string, string][] = [
    ['a trailing slash', uri.replace(/(\?|#|$)/, '/$1')],
    ['an extra path segment', `${withoutQuery(uri)}/x${u.search}`],
    ['an extra query parameter', `${uri}${u.search ? '&' : '?'}x=1`],
    ['another subdomain', uri.replace(`//${u.host}`, `//evil.${u.host}`)],
  ]
  if (u.protocol === 'https:') out.push(['http instead of https', uri.replace(/^https:/, 'http:')])
  if (letter >= 0) {
    out.push(['the path in upper case', uri.replace(path, path.toUpperCase())])
    out.push(['a path letter percent-encoded', uri.replace(path, `${path.slice(0, letter)}%${path.charCodeAt(letter).toString(16).toUpperCase()}${path.slice(letter + 1)}`)])
  }
  return out
}

function pageExpected(api: OAuth2Api) {
  return { status: api.authorizeErrors.pageStatus, html: true, location: null }
}

/** An answer that goes on to the sign-in page (no session yet), as the rules about accepted requests see it. */
function toSignIn(status: number, location: string | undefined, ctx: RuleContext): { redirect: boolean; path?: string } {
  const redirect = status >= 300 && status < 400 && ![307, 308].includes(status)
  return location === undefined ? { redirect } : { redirect, path: new URL(location, ctx.flow.base).pathname }
}

/**
 * An authorization request refused after its redirect URI is known good: a redirect back to the client with the
 * error (RFC 6749 §4.1.2.1), or, where the API shows such errors, its error page. Judged for `rule` (status,
 * where, which error), AUTHZ-ERROR-REDIRECT (an RFC code, an ASCII description, the state), AUTHZ-STATE-ECHO (the
 * state byte for byte) and AUTHZ-REDIRECT-QUERY-KEPT (the registered URI's own query). Where the API declares its
 * own outcome for the case (`departureOf`), that is judged instead, and what comes back to the client as above.
 */
async function judgeRefusedBack(ctx: RuleContext, rule: Rule, name: string, query: string, error: string, c: Client, state = ODD_STATE): Promise<void> {
  const { api, v, flow } = ctx
  if (!v.applies(rule)) return
  const departure = departureOf(ctx, rule, name)
  if (departure) {
    const back = await judgeDeparture(ctx, rule, name, query, departure, c)
    if (back && ('accepted' in departure || ('redirect' in departure && departure.to === 'registered'))) judgeReturn(ctx, name, back, c, state, 'redirect' in departure)
    return
  }
  const r = await answerTo(ctx, query)
  if (api.authorizeErrors.after === 'page') return void v.rule(rule, name, pageOf(r), pageExpected(api))
  const got = redirectOf(r, flow.base)
  v.rule(rule, name, { status: got.status, at: got.at, error: got.params.error }, { status: authorizeRedirect(api), at: withoutQuery(c.redirectUri), error })
  judgeReturn(ctx, name, got, c, state, true)
}

/** The status of the authorization endpoint's redirects back to the client: the API's, or one of those it allows. */
function authorizeRedirect(api: OAuth2Api): unknown {
  const allowed = api.interaction.authorizeStatuses
  return allowed ? { asymmetricMatch: (status: unknown) => allowed.includes(status as number), toString: () => `one of ${allowed.join(', ')}` } : api.interaction.redirectStatus
}

/** What comes back to the client's registered URI: an error redirect's shape, the state byte for byte, the registered query. */
function judgeReturn(ctx: RuleContext, name: string, got: ReturnType<typeof redirectOf>, c: Client, state: string, error: boolean): void {
  const { api, v } = ctx
  const { code: _code, error: sent, error_description: description, state: back, ...rest } = got.params
  if (error) v.rule('AUTHZ-ERROR-REDIRECT', name, { status: got.status, error: TOKEN_OR_CODE.test(sent ?? ''), description: description === undefined || ASCII_DESCRIPTION.test(description), state: back !== undefined }, { status: authorizeRedirect(api), error: true, description: true, state: true })
  v.rule('AUTHZ-STATE-ECHO', `${name}: the state ${error ? 'on the error redirect' : 'with the code'}`, back, state)
  const registered = queryOf(c.redirectUri)
  if (Object.keys(registered).length) v.rule('AUTHZ-REDIRECT-QUERY-KEPT', `${name}: the registered query`, rest, { ...registered, ...pick(rest, ['scope', 'iss']) })
}

/** The outcome an API declares for a case (`authorizeErrors.departure`); a parameter sent twice read as its first value is accepted. */
function departureOf(ctx: RuleContext, rule: Rule, name: string): Outcome | undefined {
  const { api } = ctx
  if (rule === 'AUTHZ-DUPLICATE-PARAM' && api.duplicates === 'first') return { accepted: true }
  return api.authorizeErrors.departure?.(rule, name)
}

/**
 * A case judged by the API's declared outcome (its difference from the RFC): accepted — a code at the requested
 * redirect URI —, an error redirect to the registered or the requested URI, or a page with its status (framed by no
 * one). Returns what a redirect carried.
 */
async function judgeDeparture(ctx: RuleContext, rule: Rule, name: string, query: string, outcome: Outcome, c: Client): Promise<ReturnType<typeof redirectOf> | undefined> {
  const { api, v, flow } = ctx
  const r = await answerTo(ctx, query)
  if ('page' in outcome) {
    v.rule(rule, name, pageOf(r), { ...pageExpected(api), status: outcome.page })
    v.rule('AUTHZ-NO-FRAMING', `${name}: the error page`, framingOf(r.headers, api), [])
    return undefined
  }
  const requested = new URLSearchParams(query).get('redirect_uri') ?? c.redirectUri
  const got = redirectOf(r, flow.base)
  const accepted = 'accepted' in outcome
  const to = accepted || outcome.to === 'requested' ? requested : c.redirectUri
  v.rule(rule, name, { status: got.status, at: got.at, error: got.params.error ?? null, code: Boolean(got.params.code) }, { status: authorizeRedirect(api), at: withoutQuery(to), error: accepted ? null : outcome.redirect, code: accepted })
  return got
}

/** What an authorization request gets, as the API says to look at it (`authorizeErrors.answer`), recorded. */
export function answerTo(ctx: RuleContext, query: string): Promise<Answer> {
  const { api, flow } = ctx
  return api.authorizeErrors.answer ? api.authorizeErrors.answer(query, flow) : flow.recorded.get(`${flow.url(api.endpoints.authorize)}?${query}`)
}

const pick = (o: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]))

export function declareAuthorizeTests(api: OAuth2Api): void {
  ruleTest(api, 'authorization endpoint: an unknown client or redirect URI is shown an error page, never redirected', ['AUTHZ-BAD-CLIENT-PAGE', 'AUTHZ-BAD-REDIRECT-PAGE', 'AUTHZ-REDIRECT-EXACT', 'AUTHZ-REDIRECT-FRAGMENT', 'AUTHZ-REDIRECT-HTTP-SCHEME', 'AUTHZ-DUPLICATE-PARAM', 'AUTHZ-NO-FRAMING'], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const q = (clientId: string | undefined, redirect: string, extra = '') => `response_type=code${clientId === undefined ? '' : `&client_id=${encodeURIComponent(clientId)}`}&redirect_uri=${encodeURIComponent(redirect)}&scope=${encodeURIComponent(api.scopes.ask)}&state=state-12345678${extra}`
    const page = async (rule: Rule, name: string, query: string) => {
      if (!v.applies(rule)) return
      const departure = departureOf(ctx, rule, name)
      if (departure) return void (await judgeDeparture(ctx, rule, name, query, departure, c))
      const r = await answerTo(ctx, query)
      v.rule(rule, name, pageOf(r), pageExpected(api))
      v.rule('AUTHZ-NO-FRAMING', `${name}: the error page`, framingOf(r.headers, api), [])
    }
    await page('AUTHZ-BAD-CLIENT-PAGE', 'no client_id', q(undefined, c.redirectUri))
    await page('AUTHZ-BAD-CLIENT-PAGE', 'an unknown client_id', q('no-such-client-0c7d', c.redirectUri))
    await page('AUTHZ-DUPLICATE-PARAM', 'client_id twice', `${q(c.id, c.redirectUri)}&client_id=${encodeURIComponent(c.id)}`)
    await page('AUTHZ-DUPLICATE-PARAM', 'redirect_uri twice', `${q(c.id, c.redirectUri)}&redirect_uri=${encodeURIComponent(c.redirectUri)}`)
    await page('AUTHZ-BAD-REDIRECT-PAGE', 'an unregistered redirect_uri', q(c.id, 'https://evil.example/callback'))
    for (const [name, uri] of variantsOf(c.redirectUri)) await page('AUTHZ-REDIRECT-EXACT', `redirect_uri with ${name}`, q(c.id, uri))
    await page('AUTHZ-REDIRECT-FRAGMENT', 'redirect_uri with a fragment', q(c.id, `${c.redirectUri}#x`))
    // RFC 9700 §2.6: what is registered is https, or http on a loopback address; an http twin is not registered.
    const registered = (r: ClientRole) => flow.registered[r]?.redirectUri ?? (api.roles[r] ? ctx.target.optionalCreds(api.roles[r]!).values.redirectUri : undefined)
    const plain = (['confidential', 'public', 'other', 'tenant', 'loopback'] as const).flatMap((r) => registered(r) || []).filter((u) => !/^https:\/\/|^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)[:/]/.test(u))
    v.rule('AUTHZ-REDIRECT-HTTP-SCHEME', 'every registered redirect URI is https or loopback http', plain, [])
    if (c.redirectUri.startsWith('https:')) await page('AUTHZ-REDIRECT-HTTP-SCHEME', 'the http:// twin of the registered URI', q(c.id, c.redirectUri.replace(/^https:/, 'http:')))
  })

  // Where the API has a tenant client, the registered query is its (a test of its own, skipped alone without it).
  const queryKept: Rule[] = api.roles.tenant ? [] : ['AUTHZ-REDIRECT-QUERY-KEPT']
  ruleTest(api, 'authorization endpoint: refusals after the redirect URI is good go back to it; good requests go on to sign-in', ['AUTHZ-GET', 'AUTHZ-RESPONSE-TYPE', 'AUTHZ-ERROR-REDIRECT', 'AUTHZ-INVALID-SCOPE', 'AUTHZ-STATE-ECHO', 'AUTHZ-DUPLICATE-PARAM', ...queryKept, 'AUTHZ-EMPTY-PARAM', 'AUTHZ-UNKNOWN-PARAM', 'AUTHZ-LOOPBACK-PORT', 'PKCE-METHOD', 'PKCE-METHOD-DEFAULT', 'PKCE-PUBLIC-REQUIRED'], async (ctx) => {
    const { flow, v, api } = ctx
    const c = flow.client('confidential')
    const odd = { state: ODD_STATE }
    const base = flow.query(c, odd)
    const without = (query: string, key: string) => query.split('&').filter((p) => !p.startsWith(`${key}=`)).join('&')
    const challenge = s256(newVerifier())
    await judgeRefusedBack(ctx, 'AUTHZ-RESPONSE-TYPE', 'response_type=token', base.replace('response_type=code', 'response_type=token'), 'unsupported_response_type', c)
    await judgeRefusedBack(ctx, 'AUTHZ-RESPONSE-TYPE', 'no response_type', without(base, 'response_type'), 'invalid_request', c)
    await judgeRefusedBack(ctx, 'AUTHZ-INVALID-SCOPE', 'an unknown scope', flow.query(c, { ...odd, scope: `${api.scopes.ask} ${api.scopes.unknown}` }), 'invalid_scope', c)
    await judgeRefusedBack(ctx, 'AUTHZ-DUPLICATE-PARAM', 'scope twice', `${base}&scope=${encodeURIComponent(api.scopes.ask)}`, 'invalid_request', c)
    if (api.pkce.supported || api.pkce.ignored) {
      await judgeRefusedBack(ctx, 'PKCE-METHOD', 'code_challenge_method=plain', flow.query(c, { ...odd, extra: { code_challenge: challenge, code_challenge_method: 'plain' } }), 'invalid_request', c)
      await judgeRefusedBack(ctx, 'PKCE-METHOD', 'code_challenge_method=S512', flow.query(c, { ...odd, extra: { code_challenge: challenge, code_challenge_method: 'S512' } }), 'invalid_request', c)
      await judgeRefusedBack(ctx, 'PKCE-METHOD-DEFAULT', 'a code_challenge without a method (plain)', flow.query(c, { ...odd, extra: { code_challenge: challenge } }), 'invalid_request', c)
    }
    // Requests the API takes: on to sign-in — or, where it departs, its declared outcome.
    const accepted = async (rule: Rule, name: string, query: string, client = c) => {
      if (!v.applies(rule)) return
      const departure = departureOf(ctx, rule, name)
      if (departure) return void (await judgeDeparture(ctx, rule, name, query, departure, client))
      const r = await flow.recorded.get(`${flow.url(api.endpoints.authorize)}?${query}`)
      v.rule(rule, `${name}: on to sign-in`, toSignIn(r.status, r.headers.location, ctx), { redirect: true, path: api.interaction.login.path })
    }
    await accepted('AUTHZ-GET', 'a well-formed GET', flow.query(c))
    await accepted('AUTHZ-EMPTY-PARAM', 'scope= and code_challenge= (as if omitted)', `${without(flow.query(c), 'scope')}&scope=&code_challenge=&code_challenge_method=`)
    await accepted('AUTHZ-UNKNOWN-PARAM', 'foo=bar and nonce=x', `${flow.query(c)}&foo=bar&nonce=x`)
    if (api.roles.public && api.pkce.requiredForPublic) {
      const p = flow.client('public')
      await judgeRefusedBack(ctx, 'PKCE-PUBLIC-REQUIRED', 'a public client without code_challenge', flow.query(p, odd), 'invalid_request', p)
    }
    // A native app's loopback redirect URI (the public client's, unless the API has a loopback client of its own).
    const native = api.roles.loopback ? 'loopback' : api.roles.public ? 'public' : undefined
    const p = native && v.applies('AUTHZ-LOOPBACK-PORT') ? flow.client(native) : undefined
    const loop = p && new URL(p.redirectUri)
    if (p && loop && /^(127\.0\.0\.1|\[::1\]|localhost)$/.test(loop.hostname)) {
      const ported = `${loop.protocol}//${loop.hostname}:53187${loop.pathname}${loop.search}`
      const pkce = api.pkce.supported ? { verifier: newVerifier() } : {}
      await accepted('AUTHZ-LOOPBACK-PORT', `the loopback URI on port 53187 (${ported})`, flow.query(p, { ...pkce, redirectUri: ported }), p)
      const name = 'the loopback URI on another port with another path: still refused'
      const query = flow.query(p, { ...pkce, redirectUri: ported.replace(loop.pathname, `${loop.pathname}-other`) })
      const departure = departureOf(ctx, 'AUTHZ-LOOPBACK-PORT', name)
      if (departure) await judgeDeparture(ctx, 'AUTHZ-LOOPBACK-PORT', name, query, departure, p)
      else v.rule('AUTHZ-LOOPBACK-PORT', name, pageOf(await answerTo(ctx, query)), pageExpected(api))
    }
  })

  if (api.roles.tenant) {
    ruleTest(api, 'authorization endpoint: a client that registered fewer scopes and a redirect URI with a query: an unregistered scope goes back to it, its query kept', ['AUTHZ-INVALID-SCOPE', 'AUTHZ-REDIRECT-QUERY-KEPT', 'AUTHZ-ERROR-REDIRECT', 'AUTHZ-STATE-ECHO'], async (ctx) => {
      const { flow } = ctx
      const t = tenantClient(ctx)
      await judgeRefusedBack(ctx, 'AUTHZ-INVALID-SCOPE', 'a scope the client did not register', flow.query(t, { state: ODD_STATE, scope: api.scopes.unregistered }), 'invalid_scope', t)
    })
  }

  ruleTest(api, 'sign-in and consent pages: shown before any code, framed by no one, answered with 303, protected against CSRF, asked every time', ['AUTHZ-SESSION-PAGES', 'AUTHZ-NO-FRAMING', 'AUTHZ-NO-307', 'AUTHZ-303', 'AUTHZ-CSRF', 'AUTHZ-EXPLICIT-CONSENT', 'AUTHZ-ACCESS-DENIED', 'AUTHZ-STATE-ECHO'], async (ctx) => {
    const { flow, v, api } = ctx
    const { login, consent, csrfField, redirectStatus } = api.interaction
    const c = flow.client('confidential')
    // The whole flow through the pages, recorded: every page and redirect is evidence.
    const start = await flow.recorded.get(`${flow.url(api.endpoints.authorize)}?${flow.query(c, { state: ODD_STATE })}`)
    v.rule('AUTHZ-SESSION-PAGES', 'without a session: to the sign-in page', toSignIn(start.status, start.headers.location, ctx), { redirect: true, path: login.path })
    const walk = await flow.walk(flow.recorded, start)
    // A page is the GET answered 200 (the authorization endpoint may share the consent page's path).
    const step = (path: string, method: string) => walk.steps.find((s) => s.url.pathname === path && s.method === method && (method !== 'GET' || s.status === 200))
    const signInPage = step(login.path, 'GET')
    const consentPage = step(consent.path, 'GET')
    for (const [name, s] of [['the sign-in page', signInPage], ['the consent page', consentPage]] as const) {
      v.rule('AUTHZ-NO-FRAMING', name, s ? framingOf(s.headers, api) : ['not reached'], [])
    }
    for (const [name, s] of [['the sign-in POST', step(login.path, 'POST')], ['the consent POST', step(consent.path, 'POST')]] as const) {
      v.rule('AUTHZ-NO-307', name, s?.status !== undefined && ![307, 308].includes(s.status), true)
      v.rule('AUTHZ-303', name, s?.status, redirectStatus)
    }
    v.rule('AUTHZ-SESSION-PAGES', 'the consent page names every requested scope', api.scopes.ask.split(' ').filter((s) => !consentPage?.text.includes(s)), [])
    v.rule('AUTHZ-SESSION-PAGES', 'after sign-in and Allow: at the redirect URI with a code', { at: walk.landed && withoutQuery(walk.landed.toString()), code: Boolean(walk.landed?.searchParams.get('code')) }, { at: withoutQuery(c.redirectUri), code: true })
    v.rule('AUTHZ-STATE-ECHO', 'the state on the success redirect', walk.landed?.searchParams.get('state'), ODD_STATE)
    const sortScope = (s: string | null | undefined) => (s ?? '').split(' ').filter(Boolean).sort().join(' ')
    if (api.own?.callbackScope) v.check(api.own.callbackScope, 'the success redirect carries the granted scope', sortScope(walk.landed?.searchParams.get('scope')), sortScope(api.scopes.ask))

    // Signed in: another request is asked again (no silent consent), and the consent page is CSRF-protected.
    let again = await flow.recorded.get(`${flow.url(api.endpoints.authorize)}?${flow.query(c, { state: 'second-request-1' })}`)
    if (api.interaction.signInEveryFlow && toSignIn(again.status, again.headers.location, ctx).path === login.path) {
      // The session ended with the first flow (a declared difference): signed in again, the same holds.
      again = await submit(flow.recorded, await flow.recorded.get(new URL(again.headers.location!, again.url).toString()), { fill: flow.signInFields() })
    }
    const to = toSignIn(again.status, again.headers.location, ctx)
    v.rule('AUTHZ-EXPLICIT-CONSENT', 'signed in, a second request: to the consent page, not to the client', to, { redirect: true, path: consent.path })
    need(to.path === consent.path, idsOf(api, 'AUTHZ-EXPLICIT-CONSENT')[0]!, 'a signed-in request must reach the consent page to check it further')
    const page = await flow.recorded.get(new URL(again.headers.location!, again.url).toString())
    if (csrfField) {
      const before = signInPage ? readForm(signInPage.text, signInPage.url.toString()).fields[csrfField] ?? '' : ''
      for (const [name, fill] of [['no CSRF value', {}], ["another session's CSRF value (the sign-in page's, from before sign-in)", { [csrfField]: before }]] as const) {
        const r = await submit(flow.recorded, page, { button: consent.allow, fill, drop: Object.keys(fill).length ? [] : [csrfField] })
        v.rule('AUTHZ-CSRF', `Allow with ${name}`, { status: r.status, location: r.headers.location ?? null }, { status: 403, location: null })
      }
    } else {
      // No anti-CSRF value in the form (a declared difference): Allow issues the code, and only the session
      // cookie's SameSite attribute keeps another site's form from posting it.
      const r = await submit(flow.recorded, page, { button: consent.allow })
      const cookies = walk.steps.flatMap((s) => (s.headers['set-cookie'] ?? '').split('\n')).filter(Boolean)
      const code = r.headers.location ? new URL(r.headers.location, r.url).searchParams.get('code') : null
      v.rule('AUTHZ-CSRF', 'Allow from a form without a CSRF value: the code, behind a SameSite session cookie', { code: Boolean(code), sameSite: cookies.length > 0 && cookies.every((k) => /;\s*SameSite=(Lax|Strict)/i.test(k)) }, { code: true, sameSite: true })
    }
    if (!consent.deny) return
    const denied = await flow.walk(flow.recorded, page, { decision: 'deny' })
    const back = denied.landed
    v.rule('AUTHZ-ACCESS-DENIED', 'Deny: back to the client with access_denied and the state, no code', { at: back && withoutQuery(back.toString()), error: back?.searchParams.get('error'), state: back?.searchParams.get('state'), code: back?.searchParams.get('code') ?? null }, { at: withoutQuery(c.redirectUri), error: 'access_denied', state: 'second-request-1', code: null })
  }, ['callbackScope'])
}
