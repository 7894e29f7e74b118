import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` on the app's own port (the services): the registry in Prometheus's text
 * format. Open like `/healthz`: no API key, no internal token (scrapers sit inside the
 * cluster, and the gateway never routes `/metrics`).
 */
export function registerMetricsRoute(app: FastifyInstance): void {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const text = await app.metrics.metrics();
    return reply.type(app.metrics.contentType).send(text);
  });
}

/** A listener that serves one registry at `GET /metrics`, apart from the public port. */
export interface MetricsServer {
  /** The port it listens on (the one asked for, or the one given for port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `registry` at `GET /metrics` on its own port (the gateway's GATEWAY_METRICS_PORT):
 * a bare node:http listener, so the public port never answers `/metrics` and no hook of
 * the public app (API key, rate limit) runs for a scrape. Anything else is 404.
 */
export async function startMetricsServer(
  registry: Registry,
  options: { port: number; host: string },
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found: this port serves GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`metrics collection failed: ${(error as Error).message}\n`);
      },
    );
  });
  // Scrapes are short: idle keep-alive connections must not hold up a graceful shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
