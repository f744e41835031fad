import { declareAccessTests } from '../../harness/index.ts'
import { frameioAccess, frameioContext } from './access.ts'

// The modelled /v2 operations and the portal × every kind of credential (suites/frameio/access.ts), one test per credential kind.
declareAccessTests(frameioAccess, frameioContext)
