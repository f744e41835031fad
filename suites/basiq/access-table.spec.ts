import { declareAccessTests } from '../../harness/index.ts'
import { basiqAccess, basiqContext } from './access.ts'

// Every operation × every kind of credential (suites/basiq/access.ts), one test per credential kind.
declareAccessTests(basiqAccess, basiqContext)
