/**
 * The benchmark's practical limit: plain node:http, hello-world JSON, a trivial Authorization check.
 * `node --import tsx scripts/lib/bench/bare-server.ts <port>` — binds 127.0.0.1 only.
 * - GET /health → 200; any other GET needs `Authorization: Bearer <anything>` (401 otherwise).
 * - POST (any path) drains the body and answers a token, so "token issue" and the flow have a baseline too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

const HELLO = JSON.stringify({ hello: 'world' })
const TOKEN = JSON.stringify({ accessToken: 'bare-token', tokenType: 'Bearer', expiresIn: 1800 })

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'POST') {
    req.resume()
    req.once('end', () => send(res, 200, TOKEN))
    return
  }
  if (req.url === '/health') return send(res, 200, HELLO)
  const auth = req.headers.authorization
  if (auth === undefined || !auth.startsWith('Bearer ')) return send(res, 401, '{"error":"unauthorized"}')
  send(res, 200, HELLO)
}

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0) throw new Error('[authconform] bare-server: give a port')
createServer({ keepAliveTimeout: 10_000 }, handle).listen(port, '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
