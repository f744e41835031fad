import { declareAccessTests } from '../../harness/index.ts'
import { dadiAccess, dadiContext } from './access.ts'

// Every operation × every kind of credential (suites/dadi/access.ts), one test per credential kind.
declareAccessTests(dadiAccess, dadiContext)
