// zod/mini, tree-shakable: see mocks/dadi/fixtures.ts.
import * as z from 'zod/mini'
import { MockError } from '../core/errors.ts'

const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID (26 Crockford base32 characters)'))
const nonEmpty = () => z.string().check(z.minLength(1))

/**
 * An account and its user: `state` is what GoToSocial's `validateUser` and TokenCheck look at (e-mail confirmed,
 * approved, disabled, account suspended); `notifications` is how many to seed for it (newest an hour before
 * `seededAt`, one hour apart, from the other active accounts).
 */
const Account = z.strictObject({
  id: Ulid,
  username: z.string().check(z.regex(/^[a-z0-9_]{1,64}$/, 'lower-case letters, digits and _')),
  email: z.email(),
  password: z.string().check(z.minLength(8)),
  display_name: z.string(),
  note: z.string(),
  role: z.enum(['admin', 'moderator', 'user']),
  state: z.enum(['active', 'disabled', 'unconfirmed', 'unapproved', 'suspended']),
  created_at: z.iso.datetime(),
  notifications: z.int().check(z.minimum(0), z.maximum(10_000)),
  /**
   * An access token (scope `read`, of the first app) issued before the account reached its state — what a disabled
   * or suspended user may still hold; no request can mint one for such an account (GTS-AUTH-USER-STATE).
   */
  token: z.optional(z.string().check(z.regex(/^[A-Z0-9_-]{48}$/, 'a GoToSocial token (48 characters of A-Z, 0-9, _ and -)'))),
})

/** An application registered before start-up, as POST /api/v1/apps stores it (`redirect_uris` newline-separated). */
const App = z.strictObject({
  id: Ulid,
  client_id: Ulid,
  client_secret: z.uuid(),
  name: nonEmpty(),
  website: z.optional(z.string()),
  redirect_uris: nonEmpty(),
  scopes: nonEmpty(),
})

export const GtsFixtures = z
  .strictObject({
    instance: z.strictObject({ title: nonEmpty(), description: z.string(), contact: nonEmpty(), seededAt: z.iso.datetime() }),
    accounts: z.array(Account).check(z.minLength(2)),
    apps: z.array(App),
  })
  .check(
    z.superRefine((f, ctx) => {
      const names = new Set(f.accounts.map((a) => a.username))
      if (!names.has(f.instance.contact)) ctx.addIssue({ code: 'custom', path: ['instance', 'contact'], message: 'not a seeded account' })
      const emails = f.accounts.map((a) => a.email)
      emails.forEach((e, i) => emails.indexOf(e) !== i && ctx.addIssue({ code: 'custom', path: ['accounts', i, 'email'], message: 'appears twice' }))
      if (f.accounts.filter((a) => a.state === 'active').length < 2) ctx.addIssue({ code: 'custom', path: ['accounts'], message: 'at least two active accounts (one sends the other notifications)' })
      if (f.accounts.some((a) => a.token) && !f.apps.length) ctx.addIssue({ code: 'custom', path: ['apps'], message: 'a seeded token needs an app to belong to' })
    }),
  )

export type GtsFixtures = z.infer<typeof GtsFixtures>
export type SeededAccount = GtsFixtures['accounts'][number]

export function parseGtsFixtures(input: unknown): GtsFixtures {
  const result = GtsFixtures.safeParse(input)
  if (!result.success) throw new MockError(`GoToSocial fixtures are invalid: ${z.prettifyError(result.error)}`)
  return result.data
}
