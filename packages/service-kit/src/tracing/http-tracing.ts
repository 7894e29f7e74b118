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
import { tracer } from './trace-context.ts';
import { tracingEnabled } from './tracing.ts';

const TRACE = Symbol('trace');
declare module 'fastify' {
  interface FastifyRequest {
    /** The context of the request's server span; undefined when the request is not traced. */
    [TRACE]: Context | undefined;
  }
}

/** Probes and scrapes are not traced: a span every few seconds per pod says nothing. */
const UNTRACED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
const SERVER_SPAN = { kind: SpanKind.SERVER } as const;

/** The trace id of a request's server span; undefined when the request is not traced. */
export function requestTraceId(request: FastifyRequest): string | undefined {
  const active = request[TRACE];
  return active === undefined ? undefined : trace.getSpanContext(active)?.traceId;
}

/** Whether the request's logger writes info lines (no logger at all: Fastify's no-op one). */
function writesInfo(request: FastifyRequest): boolean {
  const log = request.log as { isLevelEnabled?: (level: string) => boolean };
  return log.isLevelEnabled?.('info') ?? false;
}

/** The trace context of a request's server span (ROOT_CONTEXT when the request is not traced). */
export function requestTraceContext(request: FastifyRequest): Context {
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
  (app: FastifyInstance) => {
    if (!tracingEnabled()) return;
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
