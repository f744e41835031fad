import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import { jwtKey } from '../core/jwt.ts'
import { dadiAdmin } from './admin.ts'
import { dadi3App } from './app3.ts'
import { dadi6App } from './app6.ts'
import { collectionsFor } from './collections.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseDadiFixtures, type DadiFixtures } from './fixtures.ts'
import { dadiMutants, type DadiMutant } from './mutants.ts'
import { createDadiState, DADI_PROFILES, type DadiPrepared, type DadiProfile } from './state.ts'

/**
 * A stateful DADI API for its documented auth surface, as either release line answers it: `POST /token`,
 * `GET /api/collections`, a collection and a document by id (`/{version}/{database}/{collection}[/{id}]` in 1.x–3.x,
 * `/{property}/{collection}[/{id}]` in 4.x–6.x).
 */
export function createDadi({ clock, fixtures, mutants, profile, prepared }: InstanceContext<DadiFixtures, DadiMutant, DadiPrepared, DadiProfile>): MockInstance {
  const state = createDadiState(fixtures, profile, clock, mutants, prepared.tokenKey, collectionsFor(fixtures, profile))
  const app = profile === 'dadi@3' ? dadi3App(state) : dadi6App(state)
  return {
    fetch: (request) => app.fetch(request),
    purgeExpired: () => void state.tokens.purgeExpired(),
    admin: (action, args) => dadiAdmin(state, action, args),
    preload(count) {
      const client = fixtures.clients[0]!
      for (let i = 0; i < count; i++) state.tokens.upsert(crypto.randomUUID(), client, fixtures.tokenTtl)
    },
  }
}

export const dadi: MockDefinition<DadiFixtures, DadiMutant, DadiPrepared, DadiProfile> = {
  name: 'dadi',
  title: 'DADI API',
  profiles: DADI_PROFILES,
  profileNotes: {
    'dadi@3': 'DADI API 1.x–3.x (3.2.2): UUID tokens, {"statusCode":401} bodies, `Bearer, error=…` challenges, 401 + realm for a missing permission',
    'dadi@6': 'DADI API 4.x–6.x (6.1.0): HS256 JWTs with permissions, 401 API-0005 / 403 API-0006 without challenges, /{property}/{collection} URLs',
  },
  parseFixtures: parseDadiFixtures,
  defaultFixtures,
  // 4.x+ signs its tokens with `auth.tokenKey`: one random key per host.
  prepare: async () => ({ tokenKey: await jwtKey() }),
  create: createDadi,
  mutants: dadiMutants,
  errorMediaTypes: ['application/json'],
  async obtainToken(call, origin, f) {
    const { clientId, secret } = f.clients[0]!
    const response = await call(new Request(`${origin}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, secret }) }))
    return ((await response.json()) as { accessToken: string }).accessToken
  },
  describe: (f) => [
    `POST /token {"clientId","secret"} — tokens live ${f.tokenTtl} s; --profile dadi@6 for the 4.x–6.x line`,
    ...f.clients.map((c) => `client ${c.clientId} / ${c.secret}${c.permissions ? ` (only ${c.permissions.collections.map((p) => p.path).join(', ')})` : ' (all collections)'}`),
  ],
}
