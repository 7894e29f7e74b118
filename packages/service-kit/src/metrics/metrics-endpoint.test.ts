import { Counter, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MetricsServer, startMetricsServer } from './metrics-endpoint.ts';

describe('startMetricsServer', () => {
  const registry = new Registry();
  let server: MetricsServer;
  beforeAll(async () => {
    new Counter({ name: 'widgets_total', help: 'widgets', registers: [registry] }).inc(2);
    server = await startMetricsServer(registry, { port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('serves the registry at GET /metrics on its own port', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('widgets_total 2');
  });

  it('answers 404 for any other path or method', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect(
      (await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST' })).status,
    ).toBe(404);
  });
});
