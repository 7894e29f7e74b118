import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@screenmagic/service-kit/core';
import { rawHttpRequest } from '@screenmagic/service-kit/testing/net';
import { buildApp } from '../src/app.ts';
import { readGatewayConfig } from '../src/config.ts';
import {
  closedPortUrl,
  INTERNAL_TOKEN,
  startFakeService,
  type FakeService,
} from './fake-services.ts';

const KEY = 'test-key-aaaaaaaaaaaaaaaa';
const OTHER_KEY = 'test-key-bbbbbbbbbbbbbbbb';
const auth = { authorization: `Bearer ${KEY}` };

let customer: FakeService;
let outgoing: FakeService;
let incoming: FakeService;
let gateway: App;

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CUSTOMER_SERVICE_URL: customer.url.href,
    OUTGOING_SERVICE_URL: outgoing.url.href,
    INCOMING_SERVICE_URL: incoming.url.href,
    GATEWAY_API_KEYS: `${KEY},${OTHER_KEY}`,
    TEST_CLOCK: '1',
    INTERNAL_TOKEN,
    GATEWAY_METRICS_PORT: '0',
    ...overrides,
  };
}

async function gatewayWith(overrides: Record<string, string>): Promise<App> {
  const app = await buildApp(readGatewayConfig(env(overrides)), false);
  await app.ready();
  return app;
}

beforeAll(async () => {
  customer = await startFakeService('customer', [
    '/v1/customers',
    '/addcustomer',
    '/v1/business-calendar',
  ]);
  outgoing = await startFakeService('outgoing', ['/v1/broadcasts', '/outgoings', '/v1/messages']);
  incoming = await startFakeService('incoming', ['/v1/orders', '/incomings']);
  gateway = await gatewayWith({});
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([customer, outgoing, incoming].map((service) => service?.app.close()));
});

describe('routing', () => {
  it.each([
    ['POST', '/addcustomer', 'customer'],
    ['POST', '/v1/customers', 'customer'],
    ['GET', '/v1/customers/cus_1/windows?from=2026-01-01T00:00:00Z', 'customer'],
    ['GET', '/v1/business-calendar', 'customer'],
    ['POST', '/outgoings', 'outgoing'],
    ['DELETE', '/v1/broadcasts/brd_1', 'outgoing'],
    ['GET', '/v1/messages/msg_1', 'outgoing'],
    ['POST', '/incomings', 'incoming'],
    ['GET', '/v1/orders?status=pending', 'incoming'],
  ])('sends %s %s to the %s service, path and query unchanged', async (method, url, service) => {
    const response = await gateway.inject({
      method: method as 'GET',
      url,
      headers: auth,
      ...(method === 'POST' ? { payload: { name: 'x' } } : {}),
    });
    expect(response.statusCode).toBe(method === 'POST' ? 201 : 200);
    expect(response.json()).toMatchObject({ service, method, url });
  });

  it('relays the JSON body byte for byte and does not pass the API key on', async () => {
    const payload = '{"name":"Ann","workingHours":{"start":"09:00","end":"17:00"},"extra":"10"}';
    const response = await gateway.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...auth, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      body: JSON.parse(payload) as unknown,
      authorization: null,
    });
  });

  it('relays the service’s status and headers, adding the request id and rate-limit counters', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/customers/headers',
      headers: auth,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['location']).toBe('/v1/customers/cus_9');
    expect(response.headers['x-upstream']).toBe('kept');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
    expect(Number(response.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    expect(response.json()).toEqual({ ok: true });
  });

  it('cuts the connection when a service dies mid-answer, and keeps serving', async () => {
    const listening = await gatewayWith({});
    try {
      await listening.listen({ port: 0, host: '127.0.0.1' });
      const address = listening.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const url = `http://127.0.0.1:${port}/v1/customers`;
      await expect(
        fetch(`${url}/broken`, { headers: auth }).then((response) => response.text()),
      ).rejects.toThrow();
      const next = await fetch(`${url}/cus_1`, { headers: auth });
      expect(next.status).toBe(200);
    } finally {
      await listening.close();
    }
  });

  it('relays upstream error envelopes unchanged', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/customers/conflict',
      headers: auth,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: { code: 'SOME_CONFLICT', message: 'upstream says no' },
    });
  });

  it('never proxies /internal/*', async () => {
    for (const url of ['/internal/secret', '/internal/test/clock', '/internal/customers/lookup']) {
      const response = await gateway.inject({ method: 'POST', url, headers: auth, payload: {} });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(customer.seen.some((request) => request.url.startsWith('/internal/secret'))).toBe(false);
  });

  it('never reaches an internal route through dot segments', async () => {
    for (const url of [
      '/v1/customers/%2e%2e/%2e%2e/internal/secret',
      '/v1/customers/../../internal/secret',
    ]) {
      const response = await gateway.inject({ method: 'POST', url, headers: auth, payload: {} });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.json()).toHaveProperty('error.code');
    }
    expect(customer.seen.some((request) => request.url.includes('internal/secret'))).toBe(false);
  });

  it('answers 404 in the envelope for an unknown route', async () => {
    const response = await gateway.inject({ method: 'GET', url: '/v2/anything', headers: auth });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(response.json<{ requestId: string }>().requestId).toBe(response.headers['x-request-id']);
  });
});

describe('request ids', () => {
  it('keeps the caller’s id, passes it upstream and returns it', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/customers/cus_1',
      headers: { ...auth, 'x-request-id': 'trace-123' },
    });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.json()).toMatchObject({ requestId: 'trace-123' });
  });

  it('replaces an unacceptable id with a generated one, upstream too', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/customers/cus_1',
      headers: { ...auth, 'x-request-id': 'bad id with spaces' },
    });
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json()).toMatchObject({ requestId: id });
  });

  it('returns the id on errors the gateway answers itself', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/customers',
      headers: { 'x-request-id': 'r-401' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('r-401');
    expect(response.json()).toMatchObject({ requestId: 'r-401' });
  });
});

describe('API keys', () => {
  it('answers 401 UNAUTHORIZED with WWW-Authenticate without a key', async () => {
    const response = await gateway.inject({ method: 'POST', url: '/addcustomer', payload: {} });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', details: [] } });
  });

  it('answers 401 for a wrong key or another scheme', async () => {
    for (const authorization of [
      `Bearer ${KEY}x`,
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      'Bearer ',
    ]) {
      const response = await gateway.inject({
        method: 'GET',
        url: '/v1/orders',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('accepts every configured key', async () => {
    const response = await gateway.inject({
      method: 'GET',
      url: '/v1/orders',
      headers: { authorization: `Bearer ${OTHER_KEY}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it('needs no key for health, readiness, the API description and the docs', async () => {
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs', '/docs/json']) {
      const response = await gateway.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(400);
    }
  });

  it('lets everyone in when no keys are configured (outside production)', async () => {
    const open = await gatewayWith({ GATEWAY_API_KEYS: '' });
    try {
      const response = await open.inject({ method: 'GET', url: '/v1/customers/cus_1' });
      expect(response.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the per-key limit, per key', async () => {
    const limited = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const call = (key: string) =>
        limited.inject({
          method: 'GET',
          url: '/v1/customers/cus_1',
          headers: { authorization: `Bearer ${key}` },
        });
      for (let i = 0; i < 3; i++) expect((await call(KEY)).statusCode).toBe(200);
      const refused = await call(KEY);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(refused.json<{ requestId: string }>().requestId).toBe(refused.headers['x-request-id']);
      expect((await call(OTHER_KEY)).statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const before = customer.seen.length;
    const response = await gateway.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(customer.seen.length).toBe(before);
  });

  it('answers 413 to a body over 1 MiB on a route that documents no body (as openapi.json says)', async () => {
    const before = customer.seen.length;
    const response = await gateway.inject({
      method: 'DELETE',
      url: '/v1/customers/cus_1',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(customer.seen.length).toBe(before);
  });

  it('answers 413 for a chunked body that grows past 1 MiB, without forwarding it', async () => {
    const listening = await gatewayWith({});
    try {
      await listening.listen({ port: 0, host: '127.0.0.1' });
      const address = listening.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const before = customer.seen.length;
      const { status, body } = await new Promise<{ status: number; body: string }>(
        (resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/v1/customers',
              headers: {
                ...auth,
                'content-type': 'application/json',
                'transfer-encoding': 'chunked',
              },
            },
            (res) => {
              let text = '';
              res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            },
          );
          req.on('error', reject);
          const chunk = 'x'.repeat(64 * 1024);
          req.write('{"name":"');
          for (let i = 0; i < 20; i++) req.write(chunk);
          req.end('"}');
        },
      );
      expect(status).toBe(413);
      expect(JSON.parse(body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      expect(customer.seen.length).toBe(before);
    } finally {
      await listening.close();
    }
  });

  it('answers 431 HEADERS_TOO_LARGE in the error envelope for headers over the limit', async () => {
    const listening = await gatewayWith({});
    try {
      await listening.listen({ port: 0, host: '127.0.0.1' });
      const address = listening.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const before = customer.seen.length;
      const answer = await rawHttpRequest(
        port,
        `GET /v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n` +
          `Cookie: ${'c'.repeat(17 * 1024)}\r\n\r\n`,
      );
      expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      expect(JSON.parse(answer.body)).toEqual({
        type: 'tag:screenmagic,2026:HEADERS_TOO_LARGE',
        title: 'Request Header Fields Too Large',
        status: 431,
        detail: expect.any(String),
        error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String), details: [] },
        requestId: answer.headers['x-request-id'],
      });
      expect(customer.seen.length).toBe(before);
    } finally {
      await listening.close();
    }
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const padding = 1024 * 1024 - '{"name":""}'.length;
    const response = await gateway.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"name":"${'x'.repeat(padding)}"}`,
    });
    expect(response.statusCode).toBe(201);
  });
});

describe('upstream failures', () => {
  it('answers 503 UPSTREAM_UNAVAILABLE with Retry-After, fast, when a service is down', async () => {
    // A timeout far above the bound: "fast" means it did not wait for the timeout, with a
    // margin no busy machine eats up.
    const down = await gatewayWith({
      OUTGOING_SERVICE_URL: (await closedPortUrl()).href,
      UPSTREAM_TIMEOUT_MS: '60000',
    });
    try {
      const started = performance.now();
      const response = await down.inject({
        method: 'POST',
        url: '/outgoings',
        headers: auth,
        payload: { message: 'hi' },
      });
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
      expect(response.body).not.toContain('at ');
    } finally {
      await down.close();
    }
  });

  it('answers 504 UPSTREAM_UNAVAILABLE when a service is slower than UPSTREAM_TIMEOUT_MS', async () => {
    const impatient = await gatewayWith({ UPSTREAM_TIMEOUT_MS: '200' });
    try {
      const started = performance.now();
      const response = await impatient.inject({
        method: 'GET',
        url: '/v1/customers/slow/4000',
        headers: auth,
      });
      const elapsed = performance.now() - started;
      expect(response.statusCode).toBe(504);
      expect(response.json()).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
      // It waited for the timeout, not for the upstream (4 s: a margin no busy machine eats).
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(3_000);
    } finally {
      await impatient.close();
    }
  });
});

describe('readiness', () => {
  it('is ready when every service is', async () => {
    const response = await gateway.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      checks: { customer: 'ok', outgoing: 'ok', incoming: 'ok' },
    });
  });

  it('answers 503 naming the service that is not ready', async () => {
    incoming.ready = false;
    try {
      const response = await gateway.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      const checks = response.json<{ checks: Record<string, string> }>().checks;
      expect(checks['customer']).toBe('ok');
      expect(checks['incoming']).not.toBe('ok');
    } finally {
      incoming.ready = true;
    }
  });
});

describe('API description', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'),
  ) as unknown;

  it('serves the committed openapi.json as it is', async () => {
    const response = await gateway.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toEqual(committed);
  });

  it('serves the Swagger UI page and its document at /docs', async () => {
    const page = await gateway.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const json = await gateway.inject({ method: 'GET', url: '/docs/json' });
    expect(json.json()).toEqual(committed);
  });

  it('serves it while a service is down', async () => {
    const down = await gatewayWith({ INCOMING_SERVICE_URL: (await closedPortUrl()).href });
    try {
      const response = await down.inject({ method: 'GET', url: '/openapi.json' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toHaveProperty(['paths', '/v1/orders']);
    } finally {
      await down.close();
    }
  });
});

describe('test clock', () => {
  it('sets every clock, then runs due work on incoming and then outgoing', async () => {
    const marks = [customer, outgoing, incoming].map((service) => service.seen.length);
    const response = await gateway.inject({
      method: 'POST',
      url: '/test/clock',
      headers: auth,
      payload: { now: '2026-11-30T09:00:00+05:30' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      now: '2026-11-30T03:30:00.000Z',
      ran: { incoming: { incomingWork: 1 }, outgoing: { outgoingWork: 1 } },
    });
    const calls = [customer, outgoing, incoming].map((service, index) =>
      service.seen.slice(marks[index]).map((request) => request.url),
    );
    expect(calls[0]).toEqual(['/internal/test/clock']);
    expect(calls[1]).toEqual(['/internal/test/clock', '/internal/test/run-due']);
    expect(calls[2]).toEqual(['/internal/test/clock', '/internal/test/run-due']);
    const internalCalls = [customer, outgoing, incoming].flatMap((service, index) =>
      service.seen.slice(marks[index]),
    );
    expect(internalCalls.map((request) => request.headers['authorization'])).toEqual(
      internalCalls.map(() => `Bearer ${INTERNAL_TOKEN}`),
    );
  });

  it('asks for an API key when keys are set, like every other route', async () => {
    const marks = [customer, outgoing, incoming].map((service) => service.seen.length);
    const payload = { now: '2026-11-30T09:00:00Z' };
    const missing = await gateway.inject({ method: 'POST', url: '/test/clock', payload });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({
      error: { code: 'UNAUTHORIZED' },
      requestId: expect.any(String),
    });
    const wrong = await gateway.inject({
      method: 'POST',
      url: '/test/clock',
      headers: { authorization: 'Bearer not-a-key-0000000000' },
      payload,
    });
    expect(wrong.statusCode).toBe(401);
    // Refused before any service's clock moved.
    expect([customer, outgoing, incoming].map((service) => service.seen.length)).toEqual(marks);
  });

  it('stays open without API keys (authentication off)', async () => {
    const open = await gatewayWith({ GATEWAY_API_KEYS: '' });
    try {
      const response = await open.inject({
        method: 'POST',
        url: '/test/clock',
        payload: { now: '2026-11-30T09:00:00Z' },
      });
      expect(response.statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('answers 503 naming the services when its INTERNAL_TOKEN is not theirs', async () => {
    const stranger = await gatewayWith({ INTERNAL_TOKEN: 'another-internal-token-000' });
    try {
      const response = await stranger.inject({
        method: 'POST',
        url: '/test/clock',
        headers: auth,
        payload: { now: '2026-11-30T09:00:00Z' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
    } finally {
      await stranger.close();
    }
  });

  it('answers 400 for a body without a valid instant', async () => {
    for (const payload of [{}, { now: 'tomorrow' }, { now: '2026-11-30T09:00:00Z', extra: 1 }]) {
      const response = await gateway.inject({
        method: 'POST',
        url: '/test/clock',
        headers: auth,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('answers 400 naming now and the accepted range for an instant outside it', async () => {
    const marks = [customer, outgoing, incoming].map((service) => service.seen.length);
    const response = await gateway.inject({
      method: 'POST',
      url: '/test/clock',
      headers: auth,
      payload: { now: '9999-12-31T23:59:59Z' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      {
        field: 'now',
        message:
          '"9999-12-31T23:59:59Z" is out of range: must be from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z',
      },
    ]);
    expect([customer, outgoing, incoming].map((service) => service.seen.length)).toEqual(marks);
  });

  it('answers 503 when a service cannot set its clock', async () => {
    const down = await gatewayWith({ CUSTOMER_SERVICE_URL: (await closedPortUrl()).href });
    try {
      const response = await down.inject({
        method: 'POST',
        url: '/test/clock',
        headers: auth,
        payload: { now: '2026-11-30T09:00:00Z' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        error: { code: 'UPSTREAM_UNAVAILABLE', details: [{ field: 'customer' }] },
      });
    } finally {
      await down.close();
    }
  });

  it('does not exist without TEST_CLOCK', async () => {
    const plain = await gatewayWith({ TEST_CLOCK: '0' });
    try {
      const response = await plain.inject({
        method: 'POST',
        url: '/test/clock',
        headers: auth,
        payload: { now: '2026-11-30T09:00:00Z' },
      });
      expect(response.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
