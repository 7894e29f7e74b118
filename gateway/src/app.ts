import {
  createApp,
  type App,
  type CreateAppOptions,
  type MetricsServer,
  SERVICE_NAMES,
  startMetricsServer,
} from '@screenmagic/service-kit/core';
import type { GatewayConfig } from './config.ts';
import { createServiceClients, type ServiceClients } from './clients/service-clients.ts';
import { consoleRoutes } from './routes/console.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { proxyRoutes } from './routes/proxy.ts';
import { testClockRoutes } from './routes/test-clock.ts';

export type { GatewayConfig } from './config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The port `GET /metrics` is served on once the gateway is ready (GATEWAY_METRICS_PORT). */
    metricsPort: () => number | undefined;
  }
}

/**
 * The gateway: the only public entry. Proxies the public API to the owning service behind
 * API keys, a per-key rate limit and the 1 MiB body limit; serves `/healthz`, `/readyz`
 * (every service ready), `/openapi.json` and `/docs` (the committed public document), and
 * the web console's static files at `/console/`, and
 * `POST /test/clock` under TEST_CLOCK=1 (behind the API key too). Its Prometheus metrics are
 * served on their own port (GATEWAY_METRICS_PORT), never on the public one.
 */
export async function buildApp(
  config: GatewayConfig,
  logger: CreateAppOptions['logger'],
): Promise<App> {
  const app = await createApp({
    logger,
    metrics: { route: false, recordRequests: config.requestMetrics },
    // The gateway only relays: its requests' traces ride on the request, not in a context.
    tracing: { context: false },
  });
  let metricsServer: MetricsServer | undefined;
  app.decorate('metricsPort', () => metricsServer?.port);
  // On ready, so that a metrics port already in use stops the start like the public port would.
  app.addHook('onReady', async () => {
    metricsServer = await startMetricsServer(app.metrics, {
      port: config.metricsPort,
      host: config.host,
    });
  });
  app.addHook('onClose', async () => {
    await metricsServer?.close();
  });
  if (config.apiKeys.length === 0) {
    app.log.warn(
      'GATEWAY_API_KEYS is not set: API key authentication is OFF and anyone can call the API. ' +
        'Set GATEWAY_API_KEYS (required with NODE_ENV=production).',
    );
  }

  const clients: ServiceClients = createServiceClients(config.serviceUrls, {
    timeoutMs: config.upstreamTimeoutMs,
    token: config.internalToken,
  });
  app.addHook('onClose', async () => {
    await Promise.all(Object.values(clients).map((client) => client.close()));
  });

  for (const service of SERVICE_NAMES) {
    app.readinessChecks.set(service, async () => {
      const response = await clients[service].call('GET', '/readyz', { timeoutMs: 2_000 });
      if (response.status !== 200) throw new Error(`answered ${response.status}`);
    });
  }

  await app.register(proxyRoutes, { config, accessLog: app.log, logLevel: 'warn' });
  await app.register(openApiRoutes, {});
  await app.register(consoleRoutes, { dir: config.consoleDir });
  if (config.testClock) {
    await app.register(testClockRoutes, {
      clients,
      apiKeys: config.apiKeys,
      timeoutMs: config.upstreamTimeoutMs,
    });
  }
  return app;
}
