// zod/mini: zod's checks, tree-shakable, so the mock's bundle stays small (docs/decisions/bundled-mock.md).
import * as z from 'zod/mini'
import { MockError } from '../core/errors.ts'

const nonEmpty = () => z.string().check(z.minLength(1))

/** A collection a restricted client may read: `path` is its name; 4.x–6.x also match `database` (1.x–3.x never do). */
const Permission = z.strictObject({ apiVersion: z.optional(z.string()), database: z.optional(nonEmpty()), path: nonEmpty() })

const Client = z.strictObject({
  clientId: nonEmpty(),
  secret: nonEmpty(),
  /** 4.x–6.x: `superUser` is an admin that may also create admins (client.js:307-329). */
  accessType: z._default(z.enum(['user', 'admin', 'superUser']), 'user'),
  /** 6.x: a client may log in with its e-mail in place of its clientId. */
  email: z.optional(z.email()),
  /** 5.x–6.x: a record whose secret was stored before secrets were hashed must be upgraded before it gets a token. */
  legacySecret: z.optional(z.boolean()),
  /** Absent: the client may read every collection (DADI's rule). Present: only those listed. */
  permissions: z.optional(z.strictObject({ collections: z._default(z.array(Permission), []), endpoints: z._default(z.array(Permission), []) })),
})

const Collection = z.strictObject({
  version: nonEmpty(),
  database: nonEmpty(),
  name: nonEmpty(),
  /** `settings.authenticate`: true (every method needs a token), false (none does), or the methods that do. */
  authenticate: z._default(z.union([z.boolean(), z.array(nonEmpty())]), true),
  /** `settings.cache`: the deployment's response cache keeps this collection's answers. */
  cache: z._default(z.boolean(), false),
  documents: z.array(z.record(z.string(), z.unknown())),
})

export const DadiFixtures = z
  .strictObject({
    /** Seconds a token lives: DADI's `auth.tokenTtl`, 1800 by default. */
    tokenTtl: z._default(z.int().check(z.positive()), 1800),
    clients: z.array(Client).check(z.minLength(1)),
    collections: z.array(Collection),
  })
  .check(
    z.superRefine((f, ctx) => {
      const ids = f.clients.map((c) => c.clientId)
      const dup = ids.find((id, i) => ids.indexOf(id) !== i)
      if (dup) ctx.addIssue({ code: 'custom', path: ['clients'], message: `clientId "${dup}" appears twice` })
    }),
  )

export type DadiFixtures = z.infer<typeof DadiFixtures>
export type DadiClient = DadiFixtures['clients'][number]

export function parseDadiFixtures(input: unknown): DadiFixtures {
  const result = DadiFixtures.safeParse(input)
  if (!result.success) throw new MockError(`DADI fixtures are invalid: ${z.prettifyError(result.error)}`)
  return result.data
}
