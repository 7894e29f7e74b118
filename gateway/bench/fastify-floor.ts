/**
 * The floor cost of the gateway's framework: a bare Fastify app with @fastify/http-proxy
 * (same http agent as the gateway), no logging, no auth, no rate limit, no request ids.
 * The benchmark runs it beside the gateway to separate what the framework costs from
 * what the gateway's own features cost:
 *
 *   node bench/fastify-floor.ts <listen port> <upstream url>
 */
import httpProxy from '@fastify/http-proxy';
import Fastify from 'fastify';

const [portArg, upstreamArg] = process.argv.slice(2);
const app = Fastify({ logger: false });
await app.register(httpProxy, {
  upstream: upstreamArg ?? 'http://127.0.0.1:3001',
  routes: ['/v1/customers', '/v1/customers/*'],
  http: { agentOptions: { keepAlive: true, maxSockets: 128 } },
  disableRequestLogging: true,
  replyOptions: { retryDelay: () => null },
});
await app.listen({ port: Number(portArg ?? 0), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
