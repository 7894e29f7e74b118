import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../http/create-app.ts';

describe('HTTP metrics', () => {
  let app: App;

  beforeAll(async () => {
    app = await createApp({ logger: false });
    app.get('/things/:id', () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('counts requests by route pattern, never by raw URL, and times them', async () => {
    for (const id of ['a', 'b', 'c']) await app.inject({ method: 'GET', url: `/things/${id}` });
    await app.inject({ method: 'GET', url: '/nowhere/at/all' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toContain('http_requests_total{method="GET",route="/things/:id",status="200"} 3');
    expect(text).toContain('http_requests_total{method="GET",route="(unmatched)",status="404"} 1');
    expect(text).not.toMatch(/route="\/things\/[abc]"/);
    expect(text).not.toContain('/nowhere');
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/things/:id",status="200"} 3',
    );
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",method="GET"/);
  });

  it("serves prom-client's process and Node.js metrics without credentials", async () => {
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('adds what a service registers to the same registry', async () => {
    const { Gauge } = await import('prom-client');
    new Gauge({ name: 'test_things', help: 'things', registers: [app.metrics] }).set(7);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain('test_things 7');
  });
});

describe('createApp without the metrics route (the gateway serves it on its own port)', () => {
  it('answers 404 for /metrics and still keeps a registry', async () => {
    const app = await createApp({ logger: false, metrics: { route: false } });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      expect(await app.metrics.metrics()).toContain('http_requests_total');
    } finally {
      await app.close();
    }
  });
});
