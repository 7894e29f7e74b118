/**
 * The floor cost of one extra HTTP hop: a bare `node:http` proxy that pipes each request
 * to the upstream over keep-alive connections and pipes the answer back. No routing, no
 * auth, no limits, no logging. Run as its own process by the benchmark:
 *
 *   node bench/bare-proxy.ts <listen port> <upstream url>
 */
import { Agent, createServer, request } from 'node:http';

const [portArg, upstreamArg] = process.argv.slice(2);
const upstream = new URL(upstreamArg ?? 'http://127.0.0.1:3001');
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

const server = createServer((req, res) => {
  const forward = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(portArg ?? 0), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
