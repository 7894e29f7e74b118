import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../http/create-app.ts';
import { requestTraceContext } from './http-tracing.ts';
import { injectTraceHeaders } from './trace-context.ts';
import { startTracing, type Tracing } from './tracing.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

describe('tracing with an OTLP endpoint', () => {
  const bodies: string[] = [];
  let collector: Server;
  let tracing: Tracing;
  let app: App;
  let bound: App;

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
    // The gateway's way: the context is never entered, calls inject from the request's span.
    bound = await createApp({ logger: false, tracing: { enterContext: false } });
    bound.get('/v1/bound', (request) => {
      const headers: Record<string, string> = {};
      injectTraceHeaders(headers, requestTraceContext(request));
      return { traceparent: headers['traceparent'] };
    });
    await bound.ready();
  });
  afterAll(async () => {
    await Promise.all([app.close(), bound.close()]);
    await new Promise((resolve) => collector.close(resolve));
  });

  it('records and exports the server span of a request, with its route and status', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/things/42?x=1',
      headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    });
    expect(response.statusCode).toBe(200);
    const boundResponse = await bound.inject({
      method: 'GET',
      url: '/v1/bound',
      headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
    });
    const injected = boundResponse.json<{ traceparent: string }>().traceparent;
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
    // Without entering the context: the exported span is the caller's child, and the
    // traceparent handed on names it as the parent.
    const boundSpan = spans.find((candidate) => candidate.name === 'GET /v1/bound');
    expect(boundSpan?.traceId).toBe(TRACE_ID);
    expect(boundSpan?.parentSpanId).toBe('00f067aa0ba902b7');
    expect(injected).toBe(`00-${TRACE_ID}-${boundSpan?.spanId}-01`);
  });
});
