import type { InstanceContext, MockDefinition, MockInstance } from '../core/definition.ts'
import defaultFixtures from './fixtures.json' with { type: 'json' }
import { parseGtsFixtures, type GtsFixtures } from './fixtures.ts'
import { gtsToken } from './ids.ts'
import { gtsMutants, type GtsMutant } from './mutants.ts'
import { obtainGtsToken } from './obtain-token.ts'
import { GTS_PROFILES, type GtsProfile } from './profiles.ts'
import { gotosocialFetch } from './server.ts'
import { createGtsState } from './state.ts'
import { OOB } from './urls.ts'

/**
 * A stateful GoToSocial for the Mastodon client API's auth surface: app registration, the browser steps (sign-in,
 * authorize and out-of-band pages with a 120-second session cookie), the token and revocation endpoints, and the
 * first calls a client makes (instance, nodeinfo, verify_credentials, notifications, posting). Two profiles:
 * v0.18 (the seed's docs, scopes not enforced) and v0.19+ (scopes enforced). See README.md.
 */
export function createGotosocial({ clock, fixtures, mutants, profile }: InstanceContext<GtsFixtures, GtsMutant, undefined, GtsProfile>): MockInstance {
  const state = createGtsState(fixtures, profile, clock, mutants)
  return {
    fetch: gotosocialFetch(state),
    purgeExpired() {
      for (const store of [state.oauth.codes, state.oauth.accessTokens, state.sessions, state.codeIssuedAt]) store.purgeExpired()
    },
    preload(count) {
      const app = [...state.apps.values()][0]!
      const user = fixtures.accounts.find((a) => a.state === 'active' && a.role === 'user')!
      for (let i = 0; i < count; i++) state.oauth.accessTokens.upsert(gtsToken(), { grantId: `preload-${i}`, clientId: app.clientId, userId: user.id, scopes: ['read'], generation: '' })
    },
  }
}

export const gotosocial: MockDefinition<GtsFixtures, GtsMutant, undefined, GtsProfile> = {
  name: 'gotosocial',
  title: 'GoToSocial',
  profiles: GTS_PROFILES,
  profileNotes: {
    'gotosocial@0.18': 'GoToSocial v0.18.0–v0.18.3 (the seed docs): token scopes stored, not enforced; no /oauth/revoke; redirect URIs matched by host',
    'gotosocial@0.19': 'GoToSocial v0.19.0 and later (checked at 57cb4fe): scopes enforced, capped by the app; exact redirect URIs; /oauth/revoke',
  },
  parseFixtures: parseGtsFixtures,
  defaultFixtures,
  create: createGotosocial,
  mutants: gtsMutants,
  // API errors are JSON, the browser gets HTML error pages, and gin answers 405 in plain text.
  errorMediaTypes: ['application/json', 'text/html', 'text/plain'],
  obtainToken: obtainGtsToken,
  describe: (f) => {
    const oob = f.apps.find((a) => a.redirect_uris === OOB)
    return [
      'Every request needs a User-Agent (418 without). POST /api/v1/apps {"client_name","redirect_uris","scopes"}; POST /oauth/token; GET /api/v1/accounts/verify_credentials',
      ...(oob ? [`In a browser: /oauth/authorize?client_id=${oob.client_id}&redirect_uri=${OOB}&response_type=code&scope=read+write → sign in → Allow → copy the code`] : []),
      ...f.accounts.map((a) => `${a.role === 'admin' ? 'admin' : 'user'} ${a.email} / ${a.password}${a.state === 'active' ? '' : ` (${a.state})`}${a.token ? `; token from before: ${a.token}` : ''}`),
      ...f.apps.map((a) => `app ${a.client_id} / ${a.client_secret} → ${a.redirect_uris} (${a.scopes})`),
    ]
  },
}
