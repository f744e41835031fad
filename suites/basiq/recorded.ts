import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The responses basiq-swagger's live Go tests recorded from the real service (basiqio/basiq-swagger@2814f92b
 * test/**∕responses/*.json; the shared reference keeps them in basiq-swagger-test-fixtures/), copied as data into
 * openapi/upstream/basiq.recorded.json (the mock's unit tests read the same file): the
 * suite compares the target's answers with them field by field, the correlationId (fresh each time) aside.
 */
export const RECORDED: Recorded = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'openapi', 'upstream', 'basiq.recorded.json'), 'utf8'))

/** The recordings' shapes, as the suite reads them. */
interface ErrorItem {
  type: string
  code: string
  title: string
  detail?: string
  source?: unknown
}
type List = { type: 'list'; correlationId: string; data: ErrorItem[] }
export interface Recorded {
  postToken: { access_token: string; expires_in: number; token_type: string }
  postTokenBadRequest: List
  postTokenNotFound: List
  getInstitutionsUnauthorized: List
  createUserBadRequest: List
  getUserForbidden: List
}
