import type { Creation } from '../../harness/index.ts'

/**
 * What the suite creates on a real Exceptionless, for the run's cleanup: project keys, made through either
 * route. Each one a 2xx answer hands out is deleted at the end with the same credential that made it — including
 * a key a defective server creates where the test expected a refusal. Nothing else is touched.
 */
const created: Creation[] = [
  {
    what: 'project key',
    method: 'POST',
    path: /^\/api\/v2\/(?:projects\/[^/]+\/)?tokens\/?$/,
    removal: (body, { headers }) => {
      const id = (body as { id?: unknown } | undefined)?.id
      return typeof id === 'string' && headers.authorization ? { path: `/api/v2/tokens/${id}`, headers: { authorization: headers.authorization } } : undefined
    },
  },
]
export default created
