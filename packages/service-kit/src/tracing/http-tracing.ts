import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { tracer } from './trace-context.ts';
import { tracingEnabled } from './tracing.ts';

const TRACE = Symbol('trace');
interface Traced {
  [TRACE]?: { readonly span: Span; readonly context: Context };
}

/** Probes and scrapes are not traced: a span every few seconds per pod says nothing. */
const UNTRACED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** The trace context of a request's server span (ROOT_CONTEXT when the request is not traced). */
export function requestTraceContext(request: FastifyRequest): Context {
  return (request as Traced)[TRACE]?.context ?? ROOT_CONTEXT;
}

/**
 * One SERVER span per request, the child of the caller's W3C `traceparent` (a new trace
 * when there is none), named `METHOD route-pattern`, ended when the response is. The span's
 * context is made active around the request's hooks and handler (entered again before the
 * handler, because reading the body runs in the socket's events, outside it), so that
 * ServiceClient calls propagate it and log lines carry its trace id. Registers nothing
 * when tracing is off (`OTEL_SDK_DISABLED=true`, or not started).
 */
export const httpTracingPlugin = fp(
  (app: FastifyInstance) => {
    if (!tracingEnabled()) return;
    app.addHook('onRequest', (request, _reply, done) => {
      const route = request.routeOptions.url;
      if (route !== undefined && UNTRACED_ROUTES.has(route)) return done();
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const span = tracer.startSpan(
        `${request.method} ${route ?? '(unmatched)'}`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': request.method,
            'http.route': route ?? '',
            'url.path': request.url.split('?', 1)[0] ?? '',
          },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      (request as Traced)[TRACE] = { span, context: active };
      context.with(active, done);
    });
    app.addHook('preHandler', (request, _reply, done) => {
      const traced = (request as Traced)[TRACE];
      if (traced === undefined) return done();
      context.with(traced.context, done);
    });
    app.addHook('onResponse', (request, reply, done) => {
      const traced = (request as Traced)[TRACE];
      if (traced === undefined) return done();
      traced.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) traced.span.setStatus({ code: SpanStatusCode.ERROR });
      traced.span.end();
      // The completion log line (and later onResponse hooks) run inside it too.
      context.with(traced.context, done);
    });
  },
  { name: 'http-tracing', fastify: '5.x' },
);
