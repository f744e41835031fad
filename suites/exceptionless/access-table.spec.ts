import { declareAccessTests } from '../../harness/index.ts'
import { exceptionlessAccess, exceptionlessContext } from './access.ts'

// Every operation × every kind and place of credential (suites/exceptionless/access.ts), one test per credential kind.
declareAccessTests(exceptionlessAccess, exceptionlessContext)
