import type { Creation } from '../../harness/index.ts'

/**
 * What the suite creates on a real Frame.io, for the run's cleanup: the folders it makes inside the target's own
 * folder (POST /v2/assets/{assetId}/children), each deleted at the end (DELETE /v2/assets/{id}), a folder a defective
 * server made where it should have refused included. Nothing else is touched. The deletion needs asset.delete, which
 * a token made to create (or to be refused) may lack: it is sent with the developer token of every scope the env
 * target gives (FRAMEIO_DEVELOPER_TOKEN), else with the token that made the folder.
 * The OAuth tokens the code flows obtain are not revoked here: they expire within the hour (accessTokenTtl).
 */
const created: Creation[] = [
  {
    what: 'folder',
    method: 'POST',
    path: /^\/v2\/assets\/[^/]+\/children\/?$/,
    removal: (body, { headers }) => {
      const id = (body as { id?: unknown } | undefined)?.id
      const every = process.env.FRAMEIO_DEVELOPER_TOKEN
      const authorization = every ? `Bearer ${every}` : headers.authorization
      return typeof id === 'string' && authorization ? { path: `/v2/assets/${encodeURIComponent(id)}`, headers: { authorization } } : undefined
    },
  },
]
export default created
