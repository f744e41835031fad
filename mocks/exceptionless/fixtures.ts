// zod/mini, tree-shakable: see mocks/dadi/fixtures.ts.
import * as z from 'zod/mini'
import { MockError } from '../core/errors.ts'

const ObjectId = z.string().check(z.regex(/^[a-f0-9]{24}$/, 'a 24-hex ObjectId'))
/** New keys are 40 characters of [A-Za-z0-9] (`GetNewToken()`); older ones are shorter (`TokenRouteConstraint` takes 24–40). */
const TokenId = z.string().check(z.regex(/^[a-zA-Z0-9-]{24,40}$/, 'a 24–40 character key (TokenRouteConstraint)'))
export const ROLES = ['client', 'user', 'global', 'source-maps:write'] as const
const nonEmpty = () => z.string().check(z.minLength(1))

const Organization = z.strictObject({ id: ObjectId, name: nonEmpty() })
const Project = z.strictObject({
  id: ObjectId,
  organization_id: ObjectId,
  name: nonEmpty(),
  configuration: z.strictObject({ version: z.int().check(z.nonnegative()), settings: z.record(z.string(), z.string()) }),
})
const User = z.strictObject({
  id: ObjectId,
  email: z.email(),
  password: z.string().check(z.minLength(6), z.maxLength(100)),
  full_name: z.string(),
  /** AuthorizationRoles; a user with none gets client + user (IdentityUtils). */
  roles: z.array(z.enum(ROLES)),
  organization_ids: z.array(ObjectId),
  is_active: z._default(z.boolean(), true),
})
const ApiKey = z.strictObject({
  id: TokenId,
  organization_id: ObjectId,
  project_id: ObjectId,
  scopes: z.array(z.enum(ROLES)),
  is_disabled: z._default(z.boolean(), false),
  notes: z.optional(z.string()),
})

export const ExceptionlessFixtures = z
  .strictObject({
    organizations: z.array(Organization).check(z.minLength(1)),
    projects: z.array(Project).check(z.minLength(1)),
    users: z.array(User).check(z.minLength(1)),
    apiKeys: z.array(ApiKey),
    /** `ApiThrottleLimit`: requests per caller and quarter hour (3,500 by default). */
    apiThrottleLimit: z._default(z.int().check(z.positive()), 3500),
  })
  .check(
    z.superRefine((f, ctx) => {
      const orgs = new Set(f.organizations.map((o) => o.id))
      f.projects.forEach((p, i) => orgs.has(p.organization_id) || ctx.addIssue({ code: 'custom', path: ['projects', i, 'organization_id'], message: 'unknown organization' }))
      f.users.forEach((u, i) => u.organization_ids.forEach((o) => orgs.has(o) || ctx.addIssue({ code: 'custom', path: ['users', i, 'organization_ids'], message: `unknown organization ${o}` })))
      const projects = new Set(f.projects.map((p) => p.id))
      f.apiKeys.forEach((k, i) => projects.has(k.project_id) || ctx.addIssue({ code: 'custom', path: ['apiKeys', i, 'project_id'], message: 'unknown project' }))
    }),
  )

export type ExceptionlessFixtures = z.infer<typeof ExceptionlessFixtures>
export type User = ExceptionlessFixtures['users'][number]
export type Project = ExceptionlessFixtures['projects'][number]

export function parseExceptionlessFixtures(input: unknown): ExceptionlessFixtures {
  const result = ExceptionlessFixtures.safeParse(input)
  if (!result.success) throw new MockError(`Exceptionless fixtures are invalid: ${z.prettifyError(result.error)}`)
  return result.data
}
