import type { Creation } from '../../harness/index.ts'

/**
 * What the suite creates on a real Basiq, for the run's cleanup: users (POST /users) and auth links
 * (POST /users/{id}/auth_link). Each one a 2xx answer hands out is deleted at the end with the credential that
 * made it — a user with DELETE /users/{id}, a link with DELETE /users/{id}/auth_link — and nothing else.
 */
const removeWith = (path: string, headers: Record<string, string>) => (headers.authorization ? { path, headers: { authorization: headers.authorization, 'basiq-version': headers['basiq-version'] ?? '3.0' } } : undefined)

const created: Creation[] = [
  {
    what: 'user',
    method: 'POST',
    path: /^\/users\/?$/,
    removal: (body, { headers }) => {
      const id = (body as { id?: unknown } | undefined)?.id
      return typeof id === 'string' ? removeWith(`/users/${encodeURIComponent(id)}`, headers) : undefined
    },
  },
  {
    what: 'auth link',
    method: 'POST',
    path: /^\/users\/[^/]+\/auth_link\/?$/,
    removal: (body, { headers }) => {
      const userId = (body as { userId?: unknown } | undefined)?.userId
      return typeof userId === 'string' ? removeWith(`/users/${encodeURIComponent(userId)}/auth_link`, headers) : undefined
    },
  },
]
export default created
