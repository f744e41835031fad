import { precondition, test, type SuiteFixtures, type Target } from '../../harness/index.ts'
import { OAuth2Flow, type Tokens } from '../shared/oauth2/index.ts'
import type { Answer, Transport } from '../shared/transport.ts'
import { frameioOAuth2 } from './oauth2.ts'

export { FORBIDDEN_BODY, INVALID_TOKEN, insufficientScope, REALM, UNAUTHENTICATED, UNAUTHORIZED_BODY } from './oauth2.ts'

/** The 34 scopes of Frame.io's OAuth2 security scheme (developer.frame.io API reference). */
export const SCOPES = [
  'account.read', 'action.create', 'action.delete', 'action.read', 'action.update', 'asset.create', 'asset.delete', 'asset.read', 'asset.update',
  'auditlog.read', 'comment.create', 'comment.delete', 'comment.read', 'comment.update', 'offline', 'presentation.create', 'presentation.delete',
  'presentation.read', 'presentation.update', 'project.create', 'project.delete', 'project.read', 'project.update', 'reviewlink.create',
  'reviewlink.delete', 'reviewlink.read', 'reviewlink.update', 'team.create', 'team.read', 'team.update', 'webhook.create', 'webhook.delete',
  'webhook.read', 'webhook.update',
] as const // prettier-ignore

/** `fio-u-` and 64 base64url characters (Frameio/python-frameio-client README, gitleaks rules/frameio.go). */
export const DEVELOPER_TOKEN = /^fio-u-[A-Za-z0-9_-]{64}$/
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
export const basicUser = (user: Record<string, string>) => ({ authorization: `Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}` })
/** Digit strings, on every /v2 answer (FIO-RATE-LIMIT-HEADERS). */
export const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-window'] as const

/** What FRAMEIO_LIMITED_DEVELOPER_TOKEN holds (targets.yaml): every scope but team.read and asset.read. */
export const LIMITED_DEVELOPER_SCOPES = SCOPES.filter((s) => s !== 'team.read' && s !== 'asset.read')

/** The target's portal JSON API (the mock's own rendering of developer.frame.io's Tokens screen); skips the test without it. */
export function needsPortal(target: Target): void {
  test.skip(target.settings.portalAPI !== '1', 'the Developer Portal has no JSON API on this target (settings.portalAPI): developer tokens are made by hand there')
}

const json = (a: Answer) => {
  try {
    return JSON.parse(a.text) as Record<string, unknown>
  } catch {
    return {}
  }
}

/**
 * What a test prepares outside its evidence (suites/shared/transport.ts): developer tokens through the portal's
 * JSON API as a user (Basic email:password, the mock's convenience, or the session), and OAuth tokens through the
 * pages (the shared flow). Each failure is a precondition naming the requirement that checks the step.
 */
export class Prepared {
  readonly transport: Transport
  readonly flow: OAuth2Flow
  /** Without `session` (an access table's context builder is not given it) through `request`, as evidence. */
  constructor(readonly fixtures: Pick<SuiteFixtures, 'request' | 'target'> & Partial<Pick<SuiteFixtures, 'session'>>) {
    this.flow = new OAuth2Flow(fixtures, frameioOAuth2)
    this.transport = this.flow.prep
  }

  /** A developer token of `role` (Jane by default) with these scopes. */
  async devToken(scopes: readonly string[], role = 'user', description = 'authconform'): Promise<{ token: string; id: string }> {
    needsPortal(this.fixtures.target)
    const headers = { ...basicUser(this.fixtures.target.creds(role)), 'content-type': 'application/json' }
    const answer = await this.transport.send('POST', `${this.fixtures.target.baseURL}/developer/api/tokens`, { body: JSON.stringify({ description, scopes }), headers })
    const body = json(answer)
    if (answer.status !== 201 || typeof body.token !== 'string') throw new Error(precondition('FIO-DEVTOKEN-CREATE', `POST /developer/api/tokens must create a developer token (got ${answer.status} ${answer.text.slice(0, 120)})`))
    return { token: body.token, id: String(body.id) }
  }

  /**
   * A developer token of the user with every scope (`every`) or every scope but team.read and asset.read
   * (`limited`): made through the portal where the target has its JSON API, else the one the target gives
   * (FRAMEIO_DEVELOPER_TOKEN, FRAMEIO_LIMITED_DEVELOPER_TOKEN, made by hand). `missing`: why there is none.
   */
  async developer(which: 'every' | 'limited'): Promise<{ token: string } | { missing: string }> {
    const { target } = this.fixtures
    if (target.settings.portalAPI === '1') return { token: (await this.devToken(which === 'every' ? SCOPES : LIMITED_DEVELOPER_SCOPES)).token }
    const given = target.optionalCreds('developer').values[which === 'every' ? 'token' : 'limitedToken'] ?? ''
    const variable = which === 'every' ? 'FRAMEIO_DEVELOPER_TOKEN' : 'FRAMEIO_LIMITED_DEVELOPER_TOKEN'
    return given ? { token: given } : { missing: `the target gives no developer token ${which === 'every' ? 'with every scope' : 'with every scope but team.read and asset.read'} (${variable}), and has no portal JSON API to make one` }
  }

  /** Deletes one of `role`'s developer tokens. */
  async deleteDevToken(id: string, role = 'user'): Promise<void> {
    const answer = await this.transport.send('DELETE', `${this.fixtures.target.baseURL}/developer/api/tokens/${id}`, { headers: basicUser(this.fixtures.target.creds(role)) })
    if (answer.status !== 204) throw new Error(precondition('FIO-DEVTOKEN-DELETE', `DELETE /developer/api/tokens/{id} must delete it (got ${answer.status})`))
  }

  /** An OAuth access (and refresh) token of the confidential app for `scope`, through the pages. */
  oauth(scope: string): Promise<Tokens> {
    return this.flow.grant(this.flow.client('confidential'), { scope })
  }
}
