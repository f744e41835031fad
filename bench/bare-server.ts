/**
 * The benchmark's practical limit: plain node:http answering with the very bytes the mock answered (status,
 * headers, body captured from it for this API), behind a trivial Authorization check — so a ratio measures
 * the mock's own work, not a smaller payload.
 * `node --import tsx bench/bare-server.ts <port> '<canned JSON>'` — binds 127.0.0.1 only.
 * - GET /health → 200; any other GET needs `Authorization: Bearer <anything>` (401 otherwise) → the canned GET.
 * - POST (any path) drains the body → the canned token response.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'

/** One response as the mock sent it. */
export interface Canned {
  status: number
  headers: Record<string, string>
  body: string
}

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0) throw new Error('[authconform] bare-server: give a port')
const canned = JSON.parse(process.argv[3] ?? 'null') as { get: Canned; issue: Canned } | null
if (!canned) throw new Error('[authconform] bare-server: give the canned responses as JSON')

const prepared = (c: Canned): [number, OutgoingHttpHeaders, string] => [c.status, { ...c.headers, 'content-length': Buffer.byteLength(c.body) }, c.body]
const GET = prepared(canned.get)
const ISSUE = prepared(canned.issue)
const HEALTH = prepared({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' })
const REFUSED = prepared({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"statusCode":401}' })

function send(res: ServerResponse, [status, headers, body]: [number, OutgoingHttpHeaders, string]): void {
  res.writeHead(status, headers)
  res.end(body)
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'POST') {
    req.resume()
    req.once('end', () => send(res, ISSUE))
    return
  }
  if (req.url === '/health') return send(res, HEALTH)
  const auth = req.headers.authorization
  if (auth === undefined || !auth.startsWith('Bearer ')) return send(res, REFUSED)
  send(res, GET)
}

createServer({ keepAliveTimeout: 10_000 }, handle).listen(port, '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
