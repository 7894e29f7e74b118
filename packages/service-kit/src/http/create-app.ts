import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import { internalAuthPlugin } from '../auth/internal-auth.ts';
import { httpMetricsPlugin } from '../metrics/http-metrics.ts';
import { registerMetricsRoute } from '../metrics/metrics-endpoint.ts';
import { type HttpTracingOptions, httpTracingPlugin } from '../tracing/http-tracing.ts';
import { clientErrorHandler } from './client-error.ts';
import { errorHandlerPlugin } from './error-handler.ts';
import { INSTANCE_ID_ENV } from './instance-id.ts';
import { parseJsonBody } from './json-body.ts';
import { mediaTypePlugin } from './media-type.ts';
import { strictQueryPlugin } from './strict-query.ts';
import { componentOptions } from './openapi-components.ts';
import { healthPlugin } from './readiness.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.ts';
import { RequestLogController } from './request-log-controller.ts';
import { validatorCompiler } from './validation.ts';

/** A Fastify instance whose route schemas are TypeBox: `request.body` is typed from them. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Request bodies above this are refused with 413 (SPEC: 1 MiB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface CreateAppOptions {
  /** A pino logger (production) or `false` (tests). */
  readonly logger: Logger | false;
  readonly openapi?: {
    readonly title: string;
    readonly description?: string;
    readonly version?: string;
  };
  readonly bodyLimit?: number;
  /**
   * Answered by `/healthz` in the `x-stack-instance` header; defaults to
   * `STACK_INSTANCE_ID`, which `pnpm start` sets for each component it starts.
   */
  readonly instanceId?: string;
  /**
   * `INTERNAL_TOKEN`: every `/internal/*` route then asks for it (401 otherwise).
   * Undefined leaves them open, with a warning at start when the app has any.
   */
  readonly internalToken?: string | undefined;
  /** How requests are traced (`context: false` for a component that only relays them). */
  readonly tracing?: HttpTracingOptions;
  readonly metrics?: {
    /** Serve `GET /metrics` on this app's port (default true; the gateway serves it apart). */
    readonly route?: boolean;
    /** Count and time requests (default true; off only to measure what it costs). */
    readonly recordRequests?: boolean;
  };
}

/**
 * The Fastify instance every component starts from: request ids (`x-request-id` in and
 * out, on every log line), strict body and query-string validation, 415 for a body of a type the route does
 * not take, the error envelope (also for bodies
 * with a forbidden key and for what Node's HTTP parser refuses, such as oversized
 * headers: 431), `/healthz` and
 * `/readyz`, the service token on `/internal/*` (see internalAuthPlugin), Prometheus metrics
 * (`app.metrics`, `GET /metrics`), a trace span per request when tracing is started, and
 * OpenAPI generated from the route schemas at `GET /openapi.json`.
 */
export async function createApp(options: CreateAppOptions): Promise<App> {
  // Widened on purpose: Fastify would otherwise infer pino's `Logger` and clash with App.
  const loggerInstance: FastifyBaseLogger | undefined = options.logger || undefined;
  const logController = new RequestLogController({ requestIdLogLabel: 'requestId' });
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    genReqId: requestIdFor,
    logController,
    bodyLimit: options.bodyLimit ?? BODY_LIMIT_BYTES,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // JSON is the only body the API speaks; Fastify would otherwise accept text/plain too.
  app.removeContentTypeParser('text/plain');
  // Fastify's parser calls a `__proto__` key "invalid JSON"; this one names the key.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // A route that takes no body (a DELETE, `POST …/retry`) ignores an empty one sent with a
    // JSON Content-Type, as many clients send on every request; a route with a body
    // schema still answers that its body is required.
    if ((body as string).length === 0 && request.routeOptions.schema?.body === undefined) {
      done(null, undefined);
      return;
    }
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  await app.register(httpTracingPlugin, options.tracing ?? {});
  // After the tracing hook: the request's trace is known (its context entered, or its id on
  // the request's logger), so "incoming request" carries its traceId like the other lines.
  if (loggerInstance) {
    app.addHook('onRequest', (request, reply, done) => {
      logController.writeIncoming(request, reply);
      done();
    });
  }
  await app.register(httpMetricsPlugin, {
    recordRequests: options.metrics?.recordRequests ?? true,
  });
  await app.register(errorHandlerPlugin);
  await app.register(mediaTypePlugin);
  await app.register(strictQueryPlugin);
  await app.register(healthPlugin, {
    instanceId: options.instanceId ?? process.env[INSTANCE_ID_ENV],
  });
  await app.register(internalAuthPlugin, { token: options.internalToken });
  if (options.metrics?.route ?? true) registerMetricsRoute(app);
  if (options.openapi) {
    await app.register(fastifySwagger, {
      ...componentOptions,
      openapi: {
        openapi: '3.1.0',
        info: {
          title: options.openapi.title,
          version: options.openapi.version ?? '1.0.0',
          ...(options.openapi.description ? { description: options.openapi.description } : {}),
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        },
        security: [{ bearer: [] }],
      },
    });
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  }
  return app;
}
