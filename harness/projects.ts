import type { PlaywrightTestProject } from '@playwright/test'
import { implementedApis } from '../mocks/apis.ts'
import type { ResolvedApiTarget } from './targets.ts'

/** What a project tells its tests: the target, and the profile each API runs under in it. */
export interface ProjectMetadata {
  target: string
  profiles: Record<string, string>
}

/**
 * The Playwright projects of a run. A real target is one project (each API at the profile it names). The
 * embedded mock serves every profile, so it runs once per profile slot: the first project has every API at its
 * default profile, the second every API that has a second profile at that one (the others are left out of it),
 * and so on. A worker stays within one project (see docs/decisions/per-test-sessions.md), so two slots cost one
 * worker restart.
 */
export function projectsFor(target: string, apis: readonly ResolvedApiTarget[]): PlaywrightTestProject[] {
  const slots = Math.max(1, ...apis.map((a) => a.profiles.length))
  return Array.from({ length: slots }, (_, slot) => {
    const running = apis.filter((a) => a.profiles[slot] !== undefined)
    const profiles = Object.fromEntries(running.map((a) => [a.api, a.profiles[slot]!]))
    const metadata: ProjectMetadata = { target, profiles }
    return {
      name: slot === 0 ? target : `${target} ${Object.values(profiles).join(' ')}`,
      testDir: 'suites',
      // An API without this slot, or not selected for the run (AUTHCONFORM_APIS), is not loaded at all.
      testIgnore: implementedApis().filter((api) => running.every((a) => a.api !== api)).map((api) => `**/suites/${api}/**`),
      metadata,
    }
  })
}

/** The profile of `api` in a project (its metadata), or undefined outside one of ours. */
export function profileIn(metadata: unknown, api: string): string | undefined {
  return (metadata as Partial<ProjectMetadata> | undefined)?.profiles?.[api]
}
