// zod/mini, tree-shakable: see mocks/dadi/fixtures.ts.
import * as z from 'zod/mini'
import { decodeBasic } from '../core/authorization.ts'
import { MockError } from '../core/errors.ts'

const nonEmpty = () => z.string().check(z.minLength(1))
const Id = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and "-" (a UUID, say)'))

/** A dashboard API key, as issued: base64 of `<id>:<secret>`, sent verbatim after `Basic `. */
const ApiKey = z.strictObject({
  name: nonEmpty(),
  key: z.string().check(z.refine((k) => decodeBasic(k) !== undefined, 'base64 of "<id>:<secret>"')),
  applicationId: Id,
  /** `disabled`: 403 "Your account has been disabled…"; `deleted`: 404 like an unknown key (recorded). */
  status: z.enum(['live', 'disabled', 'deleted']),
  /**
   * Token requests per window for a client using this key, where Basiq raised its application's limit on request
   * ("increase limits to enable high-traffic applications", api-rate-limiting.md); the default limit otherwise.
   * The seeded `low-limit` key carries a lowered one (10) instead: not a Basiq behaviour, a test fixture, so the
   * suite sees the limit reached in a dozen requests, not 1,501 (the mutant sweep runs that test once per mutant).
   */
  tokenRateLimit: z.optional(z.int().check(z.positive())),
})

const Step = z.strictObject({
  title: z.enum(['verify-credentials', 'retrieve-accounts', 'retrieve-transactions', 'retrieve-statements']),
  status: z.enum(['pending', 'in-progress', 'success', 'failed']),
})

const Job = z.strictObject({ id: Id, created: nonEmpty(), updated: nonEmpty(), institution: nonEmpty(), connection: Id, steps: z.array(Step) })

/** An account as Basiq lists it, without its links (the mock builds them from the request's origin). */
const Account = z.looseObject({ id: Id, institution: nonEmpty(), connection: Id })

const User = z.strictObject({
  id: Id,
  applicationId: Id,
  email: z.string(),
  mobile: z.string(),
  firstName: z._default(z.string(), ''),
  middleName: z._default(z.string(), ''),
  lastName: z._default(z.string(), ''),
  accounts: z._default(z.array(Account), []),
  jobs: z._default(z.array(Job), []),
})

const Institution = z.looseObject({ id: nonEmpty(), name: nonEmpty() })

export const BasiqFixtures = z
  .strictObject({
    /** Seconds a token lives ("Your token will expire after 60 minutes"). */
    tokenTtl: z._default(z.int().check(z.positive()), 3600),
    /** `basiq-version` values POST /token accepts; anything else is "no longer supported". */
    versions: z.array(nonEmpty()).check(z.minLength(1)),
    /** Token requests one client may make within the sliding window (api-rate-limiting.md: 1,500 per 5 minutes). */
    tokenRateLimit: z.strictObject({ requests: z.int().check(z.positive()), windowSeconds: z.int().check(z.positive()) }),
    apiKeys: z.array(ApiKey).check(z.minLength(1)),
    users: z.array(User),
    institutions: z.array(Institution),
  })
  .check(
    z.superRefine((f, ctx) => {
      const unique = (values: string[], path: string) => {
        const dup = values.find((v, i) => values.indexOf(v) !== i)
        if (dup) ctx.addIssue({ code: 'custom', path: [path], message: `"${dup}" appears twice` })
      }
      unique(f.apiKeys.map((k) => k.key), 'apiKeys')
      unique(f.users.map((u) => u.id), 'users')
      unique(
        f.users.flatMap((u) => u.jobs.map((j) => j.id)),
        'users',
      )
      if (!f.apiKeys.some((k) => k.status === 'live')) ctx.addIssue({ code: 'custom', path: ['apiKeys'], message: 'at least one live key' })
    }),
  )

export type BasiqFixtures = z.infer<typeof BasiqFixtures>
export type BasiqApiKey = BasiqFixtures['apiKeys'][number]
export type BasiqUserFixture = BasiqFixtures['users'][number]
export type BasiqJobFixture = BasiqUserFixture['jobs'][number]

export function parseBasiqFixtures(input: unknown): BasiqFixtures {
  const result = BasiqFixtures.safeParse(input)
  if (!result.success) throw new MockError(`Basiq fixtures are invalid: ${z.prettifyError(result.error)}`)
  return result.data
}

/** The first key with this status (the seeded live, disabled and deleted keys). */
export function keyWith(f: BasiqFixtures, status: BasiqApiKey['status']): BasiqApiKey | undefined {
  return f.apiKeys.find((k) => k.status === status)
}
