/**
 * The local webhook sink for the drain benchmark: answers every POST 200 — at once, or
 * after `delayMs` like a real receiver doing some work — and counts requests and distinct
 * message ids. `GET /stats`, `POST /reset?delayMs=n`. Listens on 127.0.0.1:$PORT only.
 */
import { createServer } from 'node:http';

let requests = 0;
let seen = new Set<string>();
let delayMs = 0;
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST' && request.url?.startsWith('/hook')) {
      requests++;
      const body = Buffer.concat(chunks).toString('utf8');
      const id = /"messageId":"([^"]+)"/.exec(body)?.[1];
      if (id) seen.add(id);
      if (delayMs > 0)
        setTimeout(() => response.writeHead(200, { 'content-length': '0' }).end(), delayMs);
      else response.writeHead(200, { 'content-length': '0' }).end();
    } else if (request.url === '/stats') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ requests, unique: seen.size }));
    } else if (request.url?.startsWith('/reset')) {
      delayMs = Number(new URL(request.url, 'http://sink').searchParams.get('delayMs') ?? 0);
      requests = 0;
      seen = new Set();
      response.writeHead(200).end('{}');
    } else {
      response.writeHead(404).end();
    }
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('sink ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
