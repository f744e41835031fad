/**
 * The benchmark's practical limit: plain node:http answering with the very bytes the mock answered (status,
 * headers, body captured from it for this API), behind a trivial Authorization check — so a ratio measures
 * the mock's own work, not a smaller payload.
 * `node --import tsx bench/bare-server.ts <port> '<canned JSON>'` — binds 127.0.0.1 only. With `{ get, issue }`:
 * - GET /health → 200; any other GET needs `Authorization: Bearer <anything>` (401 otherwise) → the canned GET.
 * - POST (any path) drains the body → the canned token response.
 * With `{ walk }` (the sign-in walk's answers, one per step, keyed by `routeKey`: method, path, whether a query follows):
 * - GET /health → 200; a request drains its body and gets its step's canned answer (cookies, Location and page as the
 *   mock sent them), 401 where that step was sent with a Bearer token and this request has none, 404 for no step.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import { routeKey } from './walk.ts'

/** One response as the mock sent it (a repeated header, such as Set-Cookie, as a list). */
export interface Canned {
  status: number
  headers: Record<string, string | string[]>
  body: string
}

/** One step's answer in the walk's canned table; `bearer`: the step sends `Authorization: Bearer …`. */
export interface CannedStep extends Canned {
  bearer: boolean
}

export type CannedAnswers = { get: Canned; issue: Canned } | { walk: Record<string, CannedStep> }

type Prepared = [number, OutgoingHttpHeaders, string]

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0) throw new Error('[authconform] bare-server: give a port')
const canned = JSON.parse(process.argv[3] ?? 'null') as CannedAnswers | null
if (!canned) throw new Error('[authconform] bare-server: give the canned responses as JSON')

const prepared = (c: Canned): Prepared => [c.status, { ...c.headers, 'content-length': Buffer.byteLength(c.body) }, c.body]
const HEALTH = prepared({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' })
const REFUSED = prepared({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"statusCode":401}' })
const NOT_FOUND = prepared({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"statusCode":404}' })

function send(res: ServerResponse, [status, headers, body]: Prepared): void {
  res.writeHead(status, headers)
  res.end(body)
}

const isBearer = (req: IncomingMessage) => req.headers.authorization?.startsWith('Bearer ') === true

function tokenHandler(answers: { get: Canned; issue: Canned }): (req: IncomingMessage, res: ServerResponse) => void {
  const GET = prepared(answers.get)
  const ISSUE = prepared(answers.issue)
  return (req, res) => {
    if (req.method === 'POST') {
      req.resume()
      req.once('end', () => send(res, ISSUE))
      return
    }
    if (req.url === '/health') return send(res, HEALTH)
    if (!isBearer(req)) return send(res, REFUSED)
    send(res, GET)
  }
}

function walkHandler(steps: Record<string, CannedStep>): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = new Map(Object.entries(steps).map(([key, step]) => [key, { bearer: step.bearer, answer: prepared(step) }]))
  return (req, res) => {
    if (req.url === '/health') return send(res, HEALTH)
    const route = routes.get(routeKey(req.method ?? 'GET', req.url ?? '/'))
    const answer = !route ? NOT_FOUND : route.bearer && !isBearer(req) ? REFUSED : route.answer
    if (req.method === 'GET' || req.method === 'HEAD') return send(res, answer)
    req.resume()
    req.once('end', () => send(res, answer))
  }
}

createServer({ keepAliveTimeout: 10_000 }, 'walk' in canned ? walkHandler(canned.walk) : tokenHandler(canned)).listen(port, '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
