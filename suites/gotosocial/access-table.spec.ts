import { declareAccessTests } from '../../harness/index.ts'
import { gotosocialAccess, gotosocialContext } from './access.ts'

// The /api operations × every kind of credential (suites/gotosocial/access.ts), one test per credential kind.
declareAccessTests(gotosocialAccess, gotosocialContext)
