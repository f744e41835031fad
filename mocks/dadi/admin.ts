import { MockError } from '../core/errors.ts'
import type { DadiClient } from './fixtures.ts'
import type { DadiState } from './state.ts'

/**
 * What a DADI operator changes out of band — in the client store (1.x–3.x) or through the ACL clients API (4.x–6.x):
 * - `revoke` `{clientId, collection}`: the client's grant of that collection (by name) is taken away;
 * - `grant` `{clientId, collection, database?, apiVersion?}`: the client may read that collection too;
 * - `delete-client` `{clientId}`: the client record is gone.
 * A record is replaced, never changed in place: tokens issued before keep what they hold (see state.ts).
 */
export function dadiAdmin(state: DadiState, action: string, args: Readonly<Record<string, unknown>>): unknown {
  const clientId = String(args.clientId ?? '')
  const client = state.clients.get(clientId)
  if (!client) throw new MockError(`[authconform] DADI operator action ${action}: no client "${clientId}"`, 400)
  const grants = client.permissions?.collections ?? []
  const replace = (collections: NonNullable<DadiClient['permissions']>['collections']) =>
    state.clients.set(clientId, { ...client, permissions: { collections, endpoints: client.permissions?.endpoints ?? [] } })
  switch (action) {
    case 'revoke':
      replace(grants.filter((p) => p.path !== args.collection))
      return { clientId, collections: state.clients.get(clientId)!.permissions!.collections.map((p) => p.path) }
    case 'grant': {
      const grant = { path: String(args.collection), ...(typeof args.database === 'string' ? { database: args.database } : {}), ...(typeof args.apiVersion === 'string' ? { apiVersion: args.apiVersion } : {}) }
      replace([...grants, grant])
      return { clientId, collections: state.clients.get(clientId)!.permissions!.collections.map((p) => p.path) }
    }
    case 'delete-client':
      state.clients.delete(clientId)
      return { clientId, deleted: true }
    default:
      throw new MockError(`[authconform] unknown DADI operator action "${action}" (revoke, grant, delete-client)`, 400)
  }
}
