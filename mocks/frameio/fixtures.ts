// zod/mini, tree-shakable: see mocks/dadi/fixtures.ts.
import * as z from 'zod/mini'
import { MockError } from '../core/errors.ts'

/** The 34 scopes of Frame.io's OAuth2 security scheme (developer.frame.io API reference; `v2-auth-summary.json`). */
export const SCOPES = [
  'account.read', 'action.create', 'action.delete', 'action.read', 'action.update', 'asset.create', 'asset.delete', 'asset.read', 'asset.update',
  'auditlog.read', 'comment.create', 'comment.delete', 'comment.read', 'comment.update', 'offline', 'presentation.create', 'presentation.delete',
  'presentation.read', 'presentation.update', 'project.create', 'project.delete', 'project.read', 'project.update', 'reviewlink.create',
  'reviewlink.delete', 'reviewlink.read', 'reviewlink.update', 'team.create', 'team.read', 'team.update', 'webhook.create', 'webhook.delete',
  'webhook.read', 'webhook.update',
] as const // prettier-ignore

const Uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID'))
const nonEmpty = () => z.string().check(z.minLength(1))
/** RFC 9700 §2.6: https, or http on a loopback address only; no fragment (RFC 6749 §3.1.2). */
const RedirectUri = z.string().check(z.regex(/^(https:\/\/[^\s#]+|http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?\/[^\s#]*)$/, 'https (or http on a loopback address) without a fragment'))

const Account = z.strictObject({ id: Uuid, name: nonEmpty() })
const User = z.strictObject({
  id: Uuid,
  /** The user's own account (the User record's `account_id`); `account_ids` are every account they may reach. */
  account_ids: z.array(Uuid).check(z.minLength(1)),
  email: z.email(),
  password: z.string().check(z.minLength(8)),
  name: nonEmpty(),
  timezone_value: z.string(),
  inserted_at: z.iso.datetime(),
})
const Team = z.strictObject({ id: Uuid, account_id: Uuid, name: nonEmpty() })
const Asset = z.strictObject({
  id: Uuid,
  account_id: Uuid,
  team_id: Uuid,
  project_id: Uuid,
  parent_asset_id: z.nullable(Uuid),
  type: z.enum(['file', 'folder']),
  name: nonEmpty(),
  filetype: z.optional(z.string()),
  filesize: z.optional(z.int()),
})
/** An OAuth app as the Developer Portal registers it: a name, one redirect URI, scopes, and "use PKCE" (then no secret). */
const Client = z.strictObject({
  client_id: nonEmpty(),
  name: nonEmpty(),
  client_secret: z.optional(nonEmpty()),
  redirect_uri: RedirectUri,
  scopes: z.array(z.enum(SCOPES)),
  pkce: z.boolean(),
})

export const FrameioFixtures = z
  .strictObject({ accounts: z.array(Account), users: z.array(User).check(z.minLength(1)), teams: z.array(Team), assets: z.array(Asset), clients: z.array(Client) })
  .check(
    z.superRefine((f, ctx) => {
      const accounts = new Set(f.accounts.map((a) => a.id))
      f.users.forEach((u, i) => u.account_ids.forEach((a) => accounts.has(a) || ctx.addIssue({ code: 'custom', path: ['users', i, 'account_ids'], message: `unknown account ${a}` })))
      f.teams.forEach((t, i) => accounts.has(t.account_id) || ctx.addIssue({ code: 'custom', path: ['teams', i, 'account_id'], message: 'unknown account' }))
      f.assets.forEach((a, i) => accounts.has(a.account_id) || ctx.addIssue({ code: 'custom', path: ['assets', i, 'account_id'], message: 'unknown account' }))
      f.clients.forEach((c, i) => {
        if (c.pkce === (c.client_secret !== undefined)) ctx.addIssue({ code: 'custom', path: ['clients', i], message: 'a PKCE app has no client_secret; any other app has one' })
      })
    }),
  )

export type FrameioFixtures = z.infer<typeof FrameioFixtures>
export type User = FrameioFixtures['users'][number]
export type Asset = FrameioFixtures['assets'][number]

export function parseFrameioFixtures(input: unknown): FrameioFixtures {
  const result = FrameioFixtures.safeParse(input)
  if (!result.success) throw new MockError(`Frame.io fixtures are invalid: ${z.prettifyError(result.error)}`)
  return result.data
}
