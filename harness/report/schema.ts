import { z } from 'zod'
import { Requirement } from '../catalogue.ts'

/**
 * The report model, versioned and checked with zod when it is written and when it is read (merge, compare,
 * render): `conformance.json` is the one canonical file; HTML, Markdown and JUnit render it.
 */
export const REPORT_SCHEMA = 'authconform.report/2'

export const StatusSchema = z.enum(['passed', 'failed', 'blocked', 'waived', 'skipped', 'not-tested'])
export type Status = z.infer<typeof StatusSchema>

const Headers = z.record(z.string(), z.string())
export const ExchangeSchema = z.object({
  request: z.object({ method: z.string(), url: z.string(), headers: Headers, body: z.unknown().optional() }),
  response: z.object({ status: z.number(), headers: Headers, body: z.unknown().optional() }),
  diagnostics: z.array(z.object({ document: z.enum(['own', 'upstream']), code: z.string(), severity: z.enum(['error', 'info']), message: z.string(), declared: z.string().optional(), path: z.string().optional() })),
  echoes: z.array(z.object({ credential: z.string(), where: z.string() })).optional(),
  via: z.literal('page').optional(),
  /** Milliseconds from sending the request to reading the whole answer. */
  ms: z.number().optional(),
})

export const TestOutcomeSchema = z.object({
  title: z.string(),
  location: z.string(),
  status: z.enum(['passed', 'failed', 'blocked', 'skipped']),
  skipReason: z.string().optional(),
  blockedBy: z.array(z.string()).optional(),
  errors: z.array(z.string()).optional(),
  evidence: z.array(ExchangeSchema).optional(),
})

export const CellSchema = z.object({
  operation: z.string(),
  credential: z.string(),
  requirement: z.string().optional(),
  verdict: z.enum(['passed', 'failed', 'n/a']),
  expected: z.string().optional(),
  actual: z.string().optional(),
  reason: z.string().optional(),
  held: z.string().optional(),
})
const Named = z.object({ id: z.string(), title: z.string() })
export const AccessGridSchema = z.object({ operations: z.array(Named), credentials: z.array(Named), cells: z.array(CellSchema) })

export const RequirementReportSchema = Requirement.extend({
  status: StatusSchema,
  reason: z.string().optional(),
  tests: z.array(TestOutcomeSchema),
  exchangesChecked: z.number().optional(),
  waiver: z.object({ reason: z.string(), source: z.string().optional(), expires: z.string().optional(), was: z.enum(['failed', 'blocked']) }).optional(),
})

const Counts = z.object({ passed: z.number(), failed: z.number(), blocked: z.number(), waived: z.number(), skipped: z.number(), 'not-tested': z.number() })

export const ApiReportSchema = z.object({
  api: z.string(),
  title: z.string(),
  profile: z.string(),
  summary: Counts,
  requirements: z.array(RequirementReportSchema),
  unknownRequirementIds: z.array(z.string()),
  access: AccessGridSchema.optional(),
})

/** One thing to fix: the same symptom across requirements, with the requirements it fails or blocks. */
export const CauseSchema = z.object({
  symptom: z.string(),
  level: z.enum(['MUST', 'SHOULD', 'MAY', 'QUIRK']),
  requirements: z.array(z.object({ api: z.string(), profile: z.string(), id: z.string(), status: StatusSchema })),
  /** Where it was seen: an operation, an exchange (redacted). */
  where: z.array(z.string()),
})

/** What the run was: never a secret (base URLs, versions, hashes only). */
export const RunSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  harness: z.object({ version: z.string(), commit: z.string() }),
  node: z.string(),
  shard: z.object({ current: z.number(), total: z.number() }).optional(),
  /** Narrowed by a grep or a file: requirements it did not select are skipped, not untested. */
  filtered: z.boolean(),
  apis: z.array(z.object({ api: z.string(), profile: z.string(), baseURL: z.string(), documents: z.array(z.object({ file: z.string(), sha256: z.string() })) })),
})

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  tool: z.literal('authconform'),
  target: z.string(),
  run: RunSchema.optional(),
  summary: Counts,
  /** Failed or blocked requirements grouped by cause, the most urgent first (level, then how many it fails). */
  causes: z.array(CauseSchema),
  /** The levels whose failures fail the run (MUST and QUIRK unless the target says otherwise); the others warn. */
  failOn: z.array(z.enum(['MUST', 'SHOULD', 'MAY', 'QUIRK'])),
  apis: z.array(ApiReportSchema),
  staleWaivers: z.array(z.string()).optional(),
})
export type ConformanceReport = z.infer<typeof ReportSchema>
export type ApiReport = z.infer<typeof ApiReportSchema>
export type RequirementReport = z.infer<typeof RequirementReportSchema>
export type AccessGrid = z.infer<typeof AccessGridSchema>
export type Cause = z.infer<typeof CauseSchema>
export type Counts = z.infer<typeof Counts>
export type Level = RequirementReport['level']
export type TestOutcome = z.infer<typeof TestOutcomeSchema>

/** Parses a report (a file read back, a shard's part): throws naming what is wrong. */
export function parseReport(input: unknown, where = 'the report'): ConformanceReport {
  const parsed = ReportSchema.safeParse(input)
  if (!parsed.success) throw new Error(`[authconform] ${where} is not an ${REPORT_SCHEMA} report:\n${z.prettifyError(parsed.error)}`)
  return parsed.data
}
