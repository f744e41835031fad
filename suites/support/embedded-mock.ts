import { closeMocks, serveMocks } from '../../mocks/adapters/node-server.ts'
import { resolveTarget, TEST_PORT_BASE } from './targets.ts'

/**
 * Playwright global setup for the embedded target (`mock`, the default): serves every API's mock, with its
 * `/__mock` control surface, inside the runner process. Unlike a `webServer` there is no child process and
 * no readiness polling (Playwright polls at 100, 250, 500 ms, then every second): the ports listen before the
 * first worker starts. Returns the teardown.
 */
export default async function startEmbeddedMock(): Promise<(() => Promise<void>) | undefined> {
  const apis = resolveTarget().filter((a) => a.embedded && !a.skip)
  if (apis.length === 0) return undefined
  const running = await serveMocks({ apis: apis.map((a) => a.api), portBase: TEST_PORT_BASE, control: true, cors: true })
  return () => closeMocks(running)
}
