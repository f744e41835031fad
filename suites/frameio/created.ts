import type { Creation } from '../../harness/index.ts'

/**
 * What the suite creates on a real Frame.io, for the run's cleanup: the folders it makes inside the target's own
 * folder (POST /v2/assets/{assetId}/children), each deleted at the end with the token that made it (DELETE
 * /v2/assets/{id}), a folder a defective server made where it should have refused included. Nothing else is touched.
 * The OAuth tokens the code flows obtain are not revoked here: they expire within the hour (accessTokenTtl).
 */
const created: Creation[] = [
  {
    what: 'folder',
    method: 'POST',
    path: /^\/v2\/assets\/[^/]+\/children\/?$/,
    removal: (body, { headers }) => {
      const id = (body as { id?: unknown } | undefined)?.id
      return typeof id === 'string' && headers.authorization ? { path: `/v2/assets/${encodeURIComponent(id)}`, headers: { authorization: headers.authorization } } : undefined
    },
  },
]
export default created
