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
 * `onResponse` hooks (the completion log line). Attributes are set only on a recording span
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
      // The completion log line (and later onResponse hooks) run inside it too.
      context.with(active, done);
    });
  },
  { name: 'http-tracing', fastify: '5.x' },
);
