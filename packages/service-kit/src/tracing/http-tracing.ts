import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LOG_TRACE_ID } from '../log-trace-id.ts';
import { type RelayedTrace, relayedTrace } from './propagating-tracer.ts';
import { tracer } from './trace-context.ts';
import { traceparentParser, tracingEnabled, tracingRecords } from './tracing.ts';

const TRACE = Symbol('trace');
const RELAYED = Symbol('relayedTrace');
declare module 'fastify' {
  interface FastifyRequest {
    /** The context of the request's server span; undefined when the request is not traced. */
    [TRACE]: Context | undefined;
    /** The request's trace when it is relayed without a span ({@link HttpTracingOptions.context} false). */
    [RELAYED]: RelayedTrace | undefined;
  }
}

export interface HttpTracingOptions {
  /**
   * Whether each request's span is made the active context around its hooks and handler
   * (default true), so that ServiceClient calls and log lines inside the handler find it.
   * A component that only relays requests (the gateway) sets false: with no exporter, the
   * request's trace is then carried on the request alone — ids, no span object, no context
   * entered, one hook — and {@link requestTraceHeaders} hands it to the next service. With
   * an exporter, spans are recorded and the context is used as with true.
   */
  readonly context?: boolean;
}

/** Probes and scrapes are not traced: a span every few seconds per pod says nothing. */
const UNTRACED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
const SERVER_SPAN = { kind: SpanKind.SERVER } as const;

/** The trace id of a request's server span; undefined when the request is not traced. */
export function requestTraceId(request: FastifyRequest): string | undefined {
  const relayed = request[RELAYED];
  if (relayed !== undefined) return relayed.traceId;
  const active = request[TRACE];
  return active === undefined ? undefined : trace.getSpanContext(active)?.traceId;
}

/**
 * Writes the request's span as `traceparent` (and the caller's `tracestate`) into
 * `headers`, for the service a relayed request goes to; nothing when it is not traced.
 */
export function requestTraceHeaders(
  request: FastifyRequest,
  headers: Record<string, unknown>,
): void {
  const relayed = request[RELAYED];
  if (relayed === undefined) {
    propagation.inject(requestTraceContext(request), headers);
    return;
  }
  headers['traceparent'] = relayed.traceparent;
  const state = request.headers.tracestate;
  if (state !== undefined) headers['tracestate'] = state;
}

/** Whether the request's logger writes info lines (no logger at all: Fastify's no-op one). */
function writesInfo(request: FastifyRequest): boolean {
  const log = request.log as { isLevelEnabled?: (level: string) => boolean };
  return log.isLevelEnabled?.('info') ?? false;
}

/** The trace context of a request's server span (ROOT_CONTEXT when the request is not traced). */
function requestTraceContext(request: FastifyRequest): Context {
  return request[TRACE] ?? ROOT_CONTEXT;
}

/**
 * One SERVER span per request, the child of the caller's W3C `traceparent` (a new trace
 * when there is none), named `METHOD route-pattern`, ended when the response is. The span's
 * context is made active around the request's hooks and handler (entered again before the
 * handler when reading the body ran outside it, in the socket's events), so that
 * ServiceClient calls propagate it and log lines carry its trace id, and around the
 * `onResponse` hooks when the request's logger writes the completion line (info). Attributes are set only on a recording span
 * (an exporter is configured). Registers nothing when tracing is off
 * (`OTEL_SDK_DISABLED=true`, or not started).
 */
export const httpTracingPlugin = fp(
  (app: FastifyInstance, options: HttpTracingOptions) => {
    if (!tracingEnabled()) return;
    const parse = traceparentParser();
    if (options.context === false && !tracingRecords() && parse !== undefined) {
      app.decorateRequest(RELAYED, undefined);
      app.addHook('onRequest', (request, _reply, done) => {
        const route = request.routeOptions.url;
        if (route !== undefined && UNTRACED_ROUTES.has(route)) return done();
        const relayed = relayedTrace(request.headers.traceparent, parse);
        request[RELAYED] = relayed;
        // Lines the request logs carry its trace id (the log mixin reads it from the logger).
        (request.log as unknown as Record<symbol, string>)[LOG_TRACE_ID] = relayed.traceId;
        done();
      });
      return;
    }
    app.decorateRequest(TRACE, undefined);
    app.addHook('onRequest', (request, _reply, done) => {
      const route = request.routeOptions.url;
      if (route !== undefined && UNTRACED_ROUTES.has(route)) return done();
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const span = tracer.startSpan(
        `${request.method} ${route ?? '(unmatched)'}`,
        SERVER_SPAN,
        parent,
      );
      if (span.isRecording()) {
        span.setAttributes({
          'http.request.method': request.method,
          'http.route': route ?? '',
          'url.path': request.url.split('?', 1)[0] ?? '',
        });
      }
      const active = trace.setSpan(parent, span);
      request[TRACE] = active;
      context.with(active, done);
    });
    app.addHook('preHandler', (request, _reply, done) => {
      const active = request[TRACE];
      if (active === undefined || context.active() === active) return done();
      context.with(active, done);
    });
    app.addHook('onResponse', (request, reply, done) => {
      const active = request[TRACE];
      if (active === undefined) return done();
      const span = trace.getSpan(active);
      if (span?.isRecording() === true) {
        span.setAttribute('http.response.status_code', reply.statusCode);
        if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span?.end();
      // Fastify's completion log line (written after these hooks, at info) runs inside the
      // span's context, for its trace id. A request whose logger would not write it (the
      // gateway's proxied routes log at warn and write their own access line, with
      // `requestTraceId`) skips entering the context once more.
      if (!writesInfo(request)) return done();
      context.with(active, done);
    });
  },
  { name: 'http-tracing', fastify: '5.x' },
);
