import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../http/create-app.ts';
import { inChildTrace } from './trace-context.ts';
import { startTracing, type Tracing } from './tracing.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

interface ExportedSpan {
  traceId: string;
  name: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

describe('tracing with an OTLP endpoint', () => {
  const bodies: string[] = [];
  let collector: Server;
  let tracing: Tracing;
  let app: App;
  /** A relaying component's app (the gateway's `context: false`): with an exporter it records too. */
  let relay: App;

  beforeAll(async () => {
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    tracing = await startTracing('test', {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    });
    app = await createApp({ logger: false });
    app.get('/v1/things/:id', () => ({ ok: true }));
    await app.ready();
    relay = await createApp({ logger: false, tracing: { context: false } });
    relay.get('/v1/relayed/:id', () => ({ ok: true }));
    await relay.ready();
  });
  afterAll(async () => {
    await app.close();
    await relay.close();
    await new Promise((resolve) => collector.close(resolve));
  });

  it('records and exports the server span of a request, with its route and status', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/things/42?x=1',
      headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    });
    expect(response.statusCode).toBe(200);
    const relayed = await relay.inject({
      method: 'GET',
      url: '/v1/relayed/7',
      headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    });
    expect(relayed.statusCode).toBe(200);
    // Work that only hands the trace on records its span too when spans are exported.
    const handedOn = await inChildTrace(
      'deliver message',
      { parent: `00-${TRACE_ID}-00f067aa0ba902b7-01`, attributes: { channel: 'test' } },
      (traceparent) => Promise.resolve(traceparent),
    );
    await tracing.shutdown(); // flushes the batch
    const spans = bodies.flatMap((body) =>
      (
        JSON.parse(body) as {
          resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }>;
        }
      ).resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
    );
    const span = spans.find((candidate) => candidate.name === 'GET /v1/things/:id');
    expect(span?.traceId).toBe(TRACE_ID);
    const attributes = Object.fromEntries(
      (span?.attributes ?? []).map(({ key, value }) => [key, Object.values(value)[0]]),
    );
    expect(attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/v1/things/:id',
      'url.path': '/v1/things/42',
    });
    expect(Number(attributes['http.response.status_code'])).toBe(200);
    const delivery = spans.find((candidate) => candidate.name === 'deliver message') as
      (ExportedSpan & { spanId: string }) | undefined;
    expect(delivery?.traceId).toBe(TRACE_ID);
    expect(handedOn).toBe(`00-${TRACE_ID}-${delivery?.spanId}-01`);
    // A relaying component records its server span when spans are exported.
    expect(spans.find((candidate) => candidate.name === 'GET /v1/relayed/:id')?.traceId).toBe(
      TRACE_ID,
    );
  });
});
