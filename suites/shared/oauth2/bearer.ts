import { randomBytes } from 'node:crypto'
import { jsonOf, refusalOf } from './answers.ts'
import type { OAuth2Api, ResourceRefusal } from './api.ts'
import type { Rule } from './rules.ts'
import { ruleTest } from './suite.ts'

/** RFC 6750 §3: `Bearer` then a space and its parameters, or nothing (no comma straight after the scheme). */
const RFC6750_CHALLENGE = /^Bearer(?:$| (?!,))/

export function declareBearerTests(api: OAuth2Api): void {
  ruleTest(api, 'bearer tokens at the resource server: the header only, any letter case; every refusal with its challenge; exactly the granted scope', ['BEARER-HEADER', 'BEARER-SCHEME-CASE', 'BEARER-NO-QUERY', 'BEARER-QUERY-NO-RESCUE', 'BEARER-CHALLENGE', 'BEARER-NO-CREDS-NO-ERROR', 'BEARER-INVALID-TOKEN', 'BEARER-INSUFFICIENT-SCOPE', 'SCOPE-LEAST-PRIVILEGE'], async (ctx) => {
    const { flow, v, target, api } = ctx
    const { identity, refusals } = api.resource
    const { access_token: token } = await flow.grant(flow.client('confidential'))
    const junk = `never-issued-${randomBytes(16).toString('base64url')}`
    const withQuery = (path: string, value: string) => `${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(value)}`
    // RFC 6750 §3's challenge on every refusal; an API that sends none (a declared difference) is held to none.
    const challengeChecked = (name: string, refusal: ResourceRefusal) => v.rule('BEARER-CHALLENGE', `${name}: WWW-Authenticate`, refusal.challenge, refusals.unauthenticated.challenge === null ? null : RFC6750_CHALLENGE)
    const refused = async (rule: Rule, name: string, path: string, headers: Record<string, string>, expected: ResourceRefusal) => {
      const refusal = await refusalOf(await flow.resource(path, headers))
      v.rule(rule, name, refusal, expected)
      challengeChecked(name, refusal)
      return refusal
    }
    const served = async (rule: Rule, name: string, path: string, headers: Record<string, string>) => {
      const r = await flow.resource(path, headers)
      const user = path === identity ? api.resource.isUser(await jsonOf(r), flow.user) : true
      v.rule(rule, name, { status: r.status(), user }, { status: 200, user: true })
    }
    await served('BEARER-HEADER', 'Authorization: Bearer <token>', identity, { authorization: `Bearer ${token}` })
    for (const [name, scheme] of [['authorization: bearer <token>', 'bearer'], ['Authorization: BEARER <token>', 'BEARER']] as const) {
      // A scheme matched case-sensitively (a declared difference) makes these tokens invalid.
      if (api.resource.schemeCase === 'exact') await refused('BEARER-SCHEME-CASE', name, identity, { authorization: `${scheme} ${token}` }, refusals.invalidToken)
      else await served('BEARER-SCHEME-CASE', name, identity, { authorization: `${scheme} ${token}` })
    }
    await refused('BEARER-NO-CREDS-NO-ERROR', 'no Authorization', identity, {}, refusals.unauthenticated)
    await refused('BEARER-NO-QUERY', 'the token only in ?access_token=', withQuery(identity, token), {}, refusals.unauthenticated)
    await served('BEARER-QUERY-NO-RESCUE', 'the token in the header, junk in ?access_token=', withQuery(identity, junk), { authorization: `Bearer ${token}` })
    await refused('BEARER-QUERY-NO-RESCUE', 'junk in the header, the token in ?access_token=', withQuery(identity, token), { authorization: `Bearer ${junk}` }, refusals.invalidToken)
    // Near misses of the issued token too: a token is compared in full, never on a prefix.
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    for (const [name, value] of [['a token never issued', `Bearer ${junk}`], ['the token with its last character changed', `Bearer ${changed}`], ['the token with a character appended', `Bearer ${token}A`], ['"Bearer" alone', 'Bearer'], ['"Bearer a b"', 'Bearer a b']] as const) {
      await refused('BEARER-INVALID-TOKEN', name, identity, { authorization: value }, refusals.invalidToken)
    }
    const scoped = api.resource.scoped(target)
    const lacking = await refused('BEARER-INSUFFICIENT-SCOPE', `an operation needing ${scoped.scope}, which the token lacks`, scoped.path, { authorization: `Bearer ${token}` }, refusals.insufficientScope(scoped.scope))
    v.rule('SCOPE-LEAST-PRIVILEGE', `an operation needing ${scoped.scope}: refused`, lacking.status, refusals.insufficientScope(scoped.scope).status)
    await served('SCOPE-LEAST-PRIVILEGE', `an operation within "${api.scopes.ask}": served`, api.resource.granted(target), { authorization: `Bearer ${token}` })
  })
}
