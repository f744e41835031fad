import { req, test } from '../../harness/index.ts'
import { Verdicts } from '../shared/checks.ts'
import { ADVICE, Gts, NO_ROWS, oauthError, OOB, refused, refusal, seen } from './gotosocial.ts'
import { isCurrent } from './oauth2.ts'

const WEB = 'https://app.example.test/callback'
const OTHER = 'https://app.example.test/other'
const GRANT_ADVICE = 'If you arrived at this error during a sign in/oauth flow, your client is trying to use an unsupported OAuth grant type. Supported grant types are: authorization_code, client_credentials; please reach out to developer of your client'
const notSet = (field: string) => `${field} was not set in the token request form`
const GRANT_NOT_SET = `${notSet('grant_type')}, but must be set to authorization_code or client_credentials`

test(
  'POST /oauth/token refuses in its own words: missing and malformed requests, grants it lacks, a wrong secret, Basic, an unregistered or other redirect URI, another client, a used code — and the code survives every refusal',
  req('GTS-TOKEN-MISSING', 'GTS-TOKEN-MALFORMED', 'GTS-TOKEN-REDIRECT-REQUIRED', 'GTS-TOKEN-GRANT', 'GTS-TOKEN-SECRET', 'GTS-TOKEN-BASIC-IGNORED', 'GTS-TOKEN-REDIRECT-UNREGISTERED', 'GTS-CODE-SINGLE-USE', 'GTS-CODE-BOUND', 'GTS-CODE-NOT-BURNED', 'GTS-TOKEN-SCOPE-FROM-CODE'),
  async ({ request, target, session }, testInfo) => {
    const v = new Verdicts()
    await v.run(testInfo, 'token endpoint refusals', async () => {
      const gts = new Gts({ request, target, session })
      const current = isCurrent(target)
      const form = async (fields: Record<string, string>, headers: Record<string, string> = {}) => refusal(await seen(await request.post('/oauth/token', { form: fields, headers })))
      const raw = async (body: string, type: string) => refusal(await seen(await request.post('/oauth/token', { data: Buffer.from(body), headers: { 'content-type': type } })))
      const bad = (...help: string[]) => refused(400, oauthError('invalid_request', `Bad Request: ${help.join(': ')}`))

      // v0.19 registers both URIs; v0.18 keeps one (a newline list would break it), where the host decides.
      const [a, b] = [await gts.app({ redirect_uris: current ? `${WEB}\n${OTHER}` : WEB }), await gts.app({ redirect_uris: WEB })]
      const creds = { client_id: a.client_id, client_secret: a.client_secret }
      v.check('GTS-TOKEN-MISSING', 'an empty request', await form({}), bad(GRANT_NOT_SET, notSet('client_id'), notSet('client_secret'), notSet('redirect_uri')))
      v.check('GTS-TOKEN-MISSING', 'a code with grant_type=client_credentials', await form({ grant_type: 'client_credentials', code: 'X', ...creds, redirect_uri: WEB }), bad('a code was provided in the token request form, but grant_type was not set to authorization_code'))
      v.check('GTS-TOKEN-MISSING', 'grant_type=authorization_code without a code', await form({ grant_type: 'authorization_code', ...creds, redirect_uri: WEB }), bad('code was not set in the token request form, but must be set since grant_type is authorization_code'))
      v.check('GTS-TOKEN-MISSING', 'every field sent empty: present, so the grant is what is refused', await form({ grant_type: '', client_id: '', client_secret: '', redirect_uri: '' }), refused(400, oauthError('unsupported_grant_type', `Bad Request: could not validate token request: unsupported_grant_type: ${GRANT_ADVICE}`)))
      v.check('GTS-TOKEN-REDIRECT-REQUIRED', 'client_credentials without redirect_uri', await form({ grant_type: 'client_credentials', ...creds }), bad(notSet('redirect_uri')))
      v.check('GTS-TOKEN-MALFORMED', 'JSON cut short', await raw('{"grant_type":', 'application/json'), bad('unexpected EOF'))
      v.check('GTS-TOKEN-MALFORMED', 'a number for a string', await raw('{"grant_type":1}', 'application/json'), bad('json: cannot unmarshal number into Go struct field tokenRequestForm.grant_type of type string'))
      v.check('GTS-TOKEN-MALFORMED', 'a bad percent escape', await raw('grant_type=%zz', 'application/x-www-form-urlencoded'), bad('invalid URL escape "%zz"'))
      const unsupported = refused(400, oauthError('unsupported_grant_type', `Bad Request: could not validate token request: unsupported_grant_type: ${GRANT_ADVICE}`))
      v.check('GTS-TOKEN-GRANT', "grant_type=password with the user's real e-mail and password", await form({ grant_type: 'password', username: gts.user.email!, password: gts.user.password!, ...creds, redirect_uri: WEB }), unsupported)
      v.check('GTS-TOKEN-GRANT', 'grant_type=refresh_token', await form({ grant_type: 'refresh_token', refresh_token: 'X'.repeat(48), ...creds, redirect_uri: WEB }), unsupported)

      // One code of app A (scope read write) through every refusal, then the right exchange, then again.
      const code = await gts.code({ client_id: a.client_id, redirectUri: WEB }, { scope: 'read write' })
      const exchange = (fields: Record<string, string>) => ({ grant_type: 'authorization_code', code, redirect_uri: WEB, ...creds, ...fields })
      const failed = (...help: string[]) => [`Bad Request: could not get access token`, ...help, ADVICE].join(': ')
      v.check('GTS-TOKEN-SECRET', 'a wrong client_secret', await form(exchange({ client_secret: '00000000-0000-4000-8000-000000000000' })), refused(400, oauthError('invalid_client', failed('invalid_client'))))
      // Near misses of the right secret: a comparison by prefix or in any letter case lets them in.
      const nearMisses: [string, string][] = [['the client_secret less its last character', a.client_secret.slice(0, -1)], ['the client_secret and one character more', `${a.client_secret}0`], ['the client_secret upper-cased', a.client_secret.toUpperCase()]]
      for (const [name, secret] of nearMisses) if (secret !== a.client_secret) v.check('GTS-TOKEN-SECRET', name, await form(exchange({ client_secret: secret })), refused(400, oauthError('invalid_client', failed('invalid_client'))))
      v.check('GTS-TOKEN-BASIC-IGNORED', 'the client by HTTP Basic only', await form({ grant_type: 'authorization_code', code, redirect_uri: WEB }, { authorization: `Basic ${Buffer.from(`${a.client_id}:${a.client_secret}`).toString('base64')}` }), bad(notSet('client_id'), notSet('client_secret')))
      v.check('GTS-CODE-BOUND', 'another (valid) client', await form(exchange({ client_id: b.client_id, client_secret: b.client_secret })), refused(400, oauthError('invalid_grant', failed('invalid_grant'))))
      v.check('GTS-CODE-BOUND', 'another registered redirect_uri', await form(exchange({ redirect_uri: OTHER })), refused(400, oauthError('invalid_grant', failed('invalid_grant'))))
      const unregistered = 'https://evil.example/cb'
      const notCovered = current ? refused(403, oauthError('invalid redirect uri', `Forbidden: requested redirect URI ${unregistered} was not covered by client redirect URIs: ${ADVICE}`)) : refused(400, oauthError('invalid redirect uri', failed('invalid redirect uri')))
      v.check('GTS-TOKEN-REDIRECT-UNREGISTERED', 'a redirect_uri the app did not register', await form(exchange({ redirect_uri: unregistered })), notCovered)
      const granted = await seen(await request.post('/oauth/token', { form: exchange({ scope: 'write' }) }))
      v.check('GTS-CODE-NOT-BURNED', 'after every refusal, the right exchange', granted.status, 200)
      v.check('GTS-TOKEN-SCOPE-FROM-CODE', 'the exchange asks for write: the scope granted at authorize', (granted.body as { scope?: string }).scope, 'read write')
      v.check('GTS-CODE-SINGLE-USE', 'the code again', await form(exchange({})), refused(400, oauthError(NO_ROWS, failed(NO_ROWS))))
      v.check('GTS-TOKEN-SECRET', 'an unknown client_id', await form(exchange({ client_id: '01J0000000000000000000NONE' })), refused(400, oauthError(NO_ROWS, failed(NO_ROWS))))

      // An out-of-band app: v0.18's host check passes any URI, so the code's own redirect URI decides.
      const oob = await gts.app()
      const oobCode = await gts.code({ client_id: oob.client_id, redirectUri: OOB }, { scope: 'read write' })
      const oobExchange = { grant_type: 'authorization_code', code: oobCode, client_id: oob.client_id, client_secret: oob.client_secret }
      v.check('GTS-TOKEN-REDIRECT-UNREGISTERED', `an out-of-band app's code with another redirect_uri: ${current ? 'not covered' : 'the code decides'}`, await form({ ...oobExchange, redirect_uri: unregistered }), current ? notCovered : refused(400, oauthError('invalid_grant', failed('invalid_grant'))))
      const plain = await seen(await request.post('/oauth/token', { data: JSON.stringify({ ...oobExchange, redirect_uri: OOB }), headers: { 'content-type': 'application/json' } }))
      v.check('GTS-TOKEN-SCOPE-FROM-CODE', 'the exchange names no scope: the scope granted at authorize', { status: plain.status, scope: (plain.body as { scope?: string }).scope }, { status: 200, scope: 'read write' })
    })
  },
)
