import { z } from 'zod'
import { MockError } from '../core/errors.ts'

const Permission = z.object({ apiVersion: z.string().optional(), path: z.string().min(1) }).strict()

const Client = z
  .object({
    clientId: z.string().min(1),
    secret: z.string().min(1),
    accessType: z.enum(['user', 'admin']).default('user'),
    /** Absent: the client may read every collection (DADI's rule). Present: only those listed. */
    permissions: z.object({ collections: z.array(Permission).default([]), endpoints: z.array(Permission).default([]) }).strict().optional(),
  })
  .strict()

const Collection = z
  .object({
    version: z.string().min(1),
    database: z.string().min(1),
    name: z.string().min(1),
    documents: z.array(z.record(z.string(), z.unknown())),
  })
  .strict()

export const DadiFixtures = z
  .object({
    /** Seconds a token lives: DADI's `auth.tokenTtl`, 1800 by default. */
    tokenTtl: z.number().int().positive().default(1800),
    clients: z.array(Client).min(1),
    collections: z.array(Collection),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = f.clients.map((c) => c.clientId)
    const dup = ids.find((id, i) => ids.indexOf(id) !== i)
    if (dup) ctx.addIssue({ code: 'custom', path: ['clients'], message: `clientId "${dup}" appears twice` })
  })

export type DadiFixtures = z.infer<typeof DadiFixtures>
export type DadiClient = DadiFixtures['clients'][number]

export function parseDadiFixtures(input: unknown): DadiFixtures {
  const result = DadiFixtures.safeParse(input)
  if (!result.success) throw new MockError(`DADI fixtures are invalid: ${z.prettifyError(result.error)}`)
  return result.data
}
