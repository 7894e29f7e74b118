import type { AddressInfo } from 'node:net';
import { type Logger, pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClient } from '../clients/service-client.ts';
import { type App, createApp } from '../http/create-app.ts';
import { loggerOptions } from '../logging.ts';
import { captureLogLines } from '../testing/log-lines.ts';
import { currentTraceparent, inSpan } from './trace-context.ts';
import { startTracing } from './tracing.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('tracing across HTTP (W3C traceparent)', () => {
  const { lines, sink } = captureLogLines();
  let front: App;
  let back: App;
  let client: ServiceClient;
  let logger: Logger;

  beforeAll(async () => {
    await startTracing('test', {});
    logger = pino(loggerOptions('test', 'info'), sink);
    back = await createApp({ logger });
    back.post('/internal/echo', (request) => {
      request.log.info('back handler');
      return { traceparent: request.headers['traceparent'] ?? null };
    });
    await back.listen({ port: 0, host: '127.0.0.1' });
    const { port } = back.server.address() as AddressInfo;
    client = new ServiceClient('back', new URL(`http://127.0.0.1:${port}`), { timeoutMs: 5_000 });
    front = await createApp({ logger });
    front.post('/v1/things', async (request) => {
      request.log.info('front handler');
      const answer = await client.call<{ traceparent: string | null }>('POST', '/internal/echo', {
        body: request.body,
      });
      return { downstream: answer.body.traceparent, here: currentTraceparent() ?? null };
    });
    await front.ready();
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([front.close(), back.close()]);
  });

  it("continues the caller's trace in this service and the next one", async () => {
    const response = await front.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { traceparent: CALLER, 'content-type': 'application/json' },
      payload: { n: 1 },
    });
    expect(response.statusCode).toBe(200);
    const { downstream, here } = response.json<{ downstream: string; here: string }>();
    const [, downstreamTrace, downstreamSpan] = TRACEPARENT.exec(downstream) ?? [];
    const [, hereTrace, hereSpan] = TRACEPARENT.exec(here) ?? [];
    expect(hereTrace).toBe(TRACE_ID);
    expect(downstreamTrace).toBe(TRACE_ID);
    // The call is its own (client) span, the child of the request's.
    expect(downstreamSpan).not.toBe(hereSpan);
    expect(hereSpan).not.toBe('00f067aa0ba902b7');
  });

  it('starts a trace when the request carries none', async () => {
    const response = await front.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { 'content-type': 'application/json' },
      payload: {},
    });
    const { downstream, here } = response.json<{ downstream: string; here: string }>();
    expect(TRACEPARENT.exec(here)?.[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(TRACEPARENT.exec(downstream)?.[1]).toBe(TRACEPARENT.exec(here)?.[1]);
  });

  it('puts the trace id on the log lines of the request, in both services', async () => {
    lines.length = 0;
    await front.inject({
      method: 'POST',
      url: '/v1/things',
      headers: { traceparent: CALLER, 'content-type': 'application/json' },
      payload: {},
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const messages = (msg: string) => lines.filter((line) => line['msg'] === msg);
    expect(messages('front handler')[0]?.['traceId']).toBe(TRACE_ID);
    expect(messages('back handler')[0]?.['traceId']).toBe(TRACE_ID);
    const completed = messages('request completed');
    expect(completed.length).toBeGreaterThanOrEqual(2);
    for (const line of completed) expect(line['traceId']).toBe(TRACE_ID);
  });

  it("puts the request's trace id on its incoming and completed lines alike, traced here or relayed", async () => {
    const relaying = await createApp({ logger, tracing: { context: false } });
    relaying.get('/v1/relayed', () => ({ ok: true }));
    try {
      for (const [app, traceparent] of [
        [front, CALLER],
        [front, undefined],
        [relaying, CALLER],
        [relaying, undefined],
      ] as const) {
        lines.length = 0;
        const response = await app.inject({
          method: app === front ? 'POST' : 'GET',
          url: app === front ? '/v1/things' : '/v1/relayed',
          headers: {
            ...(traceparent === undefined ? {} : { traceparent }),
            ...(app === front ? { 'content-type': 'application/json' } : {}),
          },
          ...(app === front ? { payload: {} } : {}),
        });
        const requestId = response.headers['x-request-id'];
        const own = (msg: string) =>
          lines.find((line) => line['msg'] === msg && line['requestId'] === requestId);
        const incoming = own('incoming request');
        const completed = own('request completed');
        expect(incoming, 'incoming request').toBeDefined();
        expect(completed?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
        expect(incoming?.['traceId']).toBe(completed?.['traceId']);
        if (traceparent !== undefined) expect(incoming?.['traceId']).toBe(TRACE_ID);
      }
    } finally {
      await relaying.close();
    }
  });

  it('continues a stored traceparent in work picked up later', async () => {
    const seen = await inSpan('deliver', { parent: CALLER }, () =>
      Promise.resolve(currentTraceparent()),
    );
    expect(TRACEPARENT.exec(seen ?? '')?.[1]).toBe(TRACE_ID);
  });

  it('does not trace probes', async () => {
    lines.length = 0;
    await front.inject({ method: 'GET', url: '/healthz', headers: { traceparent: CALLER } });
    expect(lines.find((line) => line['msg'] === 'request completed')?.['traceId']).toBeUndefined();
  });
});
