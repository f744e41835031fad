import { pathToFileURL } from 'node:url'
import { enableSourceMaps, ensureBundle } from './bundle.mjs'
import { compiled, specDocuments } from './evidence/spec-validator.ts'
import { resolveTarget, TEST_PORT_BASE } from './targets.ts'

/** The mock's node entry point as its bundle exports it (`mocks/adapters/node-server.ts`): the harness reaches the mock only through it. */
interface NodeServer {
  serveMocks(options: { apis: string[]; portBase: number; control: boolean; cors: boolean }): Promise<unknown[]>
  closeMocks(running: unknown[]): Promise<void>
}

/**
 * Playwright global setup, in the runner before any worker starts:
 * - compiles each API's OpenAPI documents for the spec validator, once per change of a document
 *   (docs/decisions/in-process-spec-validation.md), so no worker compiles schemas;
 * - for the embedded target (`mock`, the default), serves every API's mock with its `/__mock` control surface
 *   inside the runner process, from the same bundle `npm run mock` starts (docs/decisions/bundled-mock.md,
 *   per-test-sessions.md): the ports listen before the first worker starts.
 * Returns the teardown.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  const apis = resolveTarget().filter((a) => !a.skip)
  for (const { api } of apis) for (const d of specDocuments(api)) compiled(d.file, d.deviations)
  const embedded = apis.filter((a) => a.embedded)
  if (embedded.length === 0) return undefined
  const bundle = await ensureBundle('node-server', 'mocks/adapters/node-server.ts')
  enableSourceMaps()
  const { serveMocks, closeMocks } = (await import(pathToFileURL(bundle).href)) as NodeServer
  const running = await serveMocks({ apis: embedded.map((a) => a.api), portBase: TEST_PORT_BASE, control: true, cors: true })
  return () => closeMocks(running)
}
