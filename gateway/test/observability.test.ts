import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type App, createLogger, startTracing } from '@screenmagic/service-kit/core';
import { captureLogLines } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { readGatewayConfig } from '../src/config.ts';
import { startFakeService, type FakeService } from './fake-services.ts';

const KEY = 'test-key-observability-aaaa';
const auth = { authorization: `Bearer ${KEY}` };
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER = `00-${TRACE_ID}-b7ad6b7169203331-01`;

let customer: FakeService;
let outgoing: FakeService;
let incoming: FakeService;
let gateway: App;
let publicUrl: string;
let metricsUrl: string;

/** The gateway in front of the three fake services. */
function config() {
  return readGatewayConfig({
    CUSTOMER_SERVICE_URL: customer.url.href,
    OUTGOING_SERVICE_URL: outgoing.url.href,
    INCOMING_SERVICE_URL: incoming.url.href,
    GATEWAY_API_KEYS: KEY,
    GATEWAY_METRICS_PORT: '0',
    HOST: '127.0.0.1',
  });
}

beforeAll(async () => {
  await startTracing('gateway', {});
  customer = await startFakeService('customer', ['/v1/customers']);
  outgoing = await startFakeService('outgoing', ['/v1/broadcasts']);
  incoming = await startFakeService('incoming', ['/v1/orders']);
  gateway = await buildApp(config(), false);
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  publicUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  metricsUrl = `http://127.0.0.1:${gateway.metricsPort()}/metrics`;
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([customer, outgoing, incoming].map((service) => service?.app.close()));
});

describe('gateway metrics', () => {
  it('are served on the metrics port, without an API key', async () => {
    expect(gateway.metricsPort()).not.toBe((gateway.server.address() as AddressInfo).port);
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('are never answered on the public port, nor forwarded to a service', async () => {
    const before = [customer, outgoing, incoming].map((service) => service.seen.length);
    for (const headers of [{}, auth]) {
      const response = await fetch(`${publicUrl}/metrics`, { headers });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('http_requests_total');
    }
    expect([customer, outgoing, incoming].map((service) => service.seen.length)).toEqual(before);
  });

  it('count proxied requests by route pattern and status', async () => {
    for (const id of ['cus_1', 'cus_2']) {
      const response = await fetch(`${publicUrl}/v1/customers/${id}`, { headers: auth });
      expect(response.status).toBe(200);
    }
    expect((await fetch(`${publicUrl}/v1/customers/cus_3`)).status).toBe(401);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toContain(
      'http_requests_total{method="GET",route="/v1/customers/*",status="200"} 2',
    );
    expect(text).toContain(
      'http_requests_total{method="GET",route="/v1/customers/*",status="401"} 1',
    );
    expect(text).not.toContain('cus_1');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/v1\/customers\/\*",status="200"\} 2/,
    );
  });
});

describe('gateway tracing', () => {
  it("continues the client's traceparent and hands its own span to the service", async () => {
    const response = await fetch(`${publicUrl}/v1/broadcasts`, {
      method: 'POST',
      headers: { ...auth, traceparent: CALLER, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(201);
    const forwarded = outgoing.seen.at(-1)?.headers['traceparent'];
    expect(forwarded).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    // The gateway's span, not the client's: the service's span is the gateway span's child.
    expect(forwarded).not.toBe(CALLER);
  });

  it('starts a trace when the client sends none', async () => {
    await fetch(`${publicUrl}/v1/orders`, { headers: auth });
    expect(incoming.seen.at(-1)?.headers['traceparent']).toMatch(
      /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/,
    );
  });

  it('keeps an unsampled caller unsampled and relays its tracestate', async () => {
    const unsampled = `00-${TRACE_ID}-b7ad6b7169203331-00`;
    await fetch(`${publicUrl}/v1/orders`, {
      headers: { ...auth, traceparent: unsampled, tracestate: 'vendor=abc' },
    });
    const seen = incoming.seen.at(-1)?.headers;
    expect(seen?.['traceparent']).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    expect(seen?.['traceparent']).not.toBe(unsampled);
    expect(seen?.['tracestate']).toBe('vendor=abc');
  });

  it("starts a new trace when the caller's traceparent is invalid", async () => {
    await fetch(`${publicUrl}/v1/orders`, {
      headers: { ...auth, traceparent: `00-${'0'.repeat(32)}-b7ad6b7169203331-01` },
    });
    const forwarded = String(incoming.seen.at(-1)?.headers['traceparent']);
    expect(forwarded).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(forwarded).not.toContain('0'.repeat(32));
  });

  it('puts the trace id on a line logged while relaying (a service that cannot be reached)', async () => {
    const { lines, sink } = captureLogLines();
    // The outgoing service's address, with nothing listening on it.
    const down = await startFakeService('outgoing', ['/v1/broadcasts']);
    const downUrl = down.url.href;
    await down.app.close();
    const logged = await buildApp(
      readGatewayConfig({
        CUSTOMER_SERVICE_URL: customer.url.href,
        OUTGOING_SERVICE_URL: downUrl,
        INCOMING_SERVICE_URL: incoming.url.href,
        GATEWAY_API_KEYS: KEY,
        GATEWAY_METRICS_PORT: '0',
        HOST: '127.0.0.1',
      }),
      createLogger('gateway', 'info', sink),
    );
    try {
      await logged.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(logged.server.address() as AddressInfo).port}`;
      const response = await fetch(`${url}/v1/broadcasts`, {
        method: 'POST',
        headers: { ...auth, traceparent: CALLER, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(503);
      // The forwarder's warning (the request's logger), outside any trace context.
      const warned = () => lines.find((line) => line['level'] === 40 && 'requestId' in line);
      await expect.poll(() => warned()?.['status']).toBe(503);
      expect(warned()?.['traceId']).toBe(TRACE_ID);
    } finally {
      await logged.close();
    }
  });
});

describe('the access log', () => {
  it("carries the request's trace id, once, on the one line per proxied request", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const raw: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line === '') continue;
          raw.push(line);
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    const logged = await buildApp(config(), createLogger('gateway', 'info', sink));
    try {
      await logged.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(logged.server.address() as AddressInfo).port}`;
      await fetch(`${url}/v1/customers/cus_1`, { headers: { ...auth, traceparent: CALLER } });
      await fetch(`${url}/v1/orders`, { headers: auth });
      await expect
        .poll(() => lines.filter((line) => line['msg'] === 'request completed').length)
        .toBe(2);
      const [continued, started] = lines.filter((line) => line['msg'] === 'request completed');
      expect(continued?.['traceId']).toBe(TRACE_ID);
      expect(started?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
      expect(started?.['traceId']).toBe(
        /^00-([0-9a-f]{32})-/.exec(String(incoming.seen.at(-1)?.headers['traceparent']))?.[1],
      );
      for (const line of raw.filter((text) => text.includes('request completed')))
        expect(line.match(/"traceId"/g)).toHaveLength(1);
    } finally {
      await logged.close();
    }
  });
});
