import httpProxy from '@fastify/http-proxy';
import rateLimit from '@fastify/rate-limit';
import {
  AppError,
  BODY_LIMIT_BYTES,
  requestTraceId,
  SERVICE_NAMES,
} from '@screenmagic/service-kit/core';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { ROUTE_TABLE } from '../domain/route-table.ts';
import { createForwarder } from '../forwarding/forward.ts';
import { registerApiKeyAuth } from '../auth/api-key-auth.ts';

export interface ProxyRoutesOptions {
  readonly config: GatewayConfig;
  /** The gateway's logger, for the access log (the context itself logs at warn). */
  readonly accessLog: FastifyBaseLogger;
}

/**
 * The public API: every path in ROUTE_TABLE is proxied to the service that owns it, behind
 * the API key and the per-key rate limit. Registered as its own (encapsulated) plugin so
 * that auth, rate limiting and the raw body parser apply to proxied routes only, not to
 * `/healthz`, `/readyz`, `/openapi.json` or `/docs` (`/test/clock` has its own key check).
 */
export async function proxyRoutes(
  app: FastifyInstance,
  options: ProxyRoutesOptions,
): Promise<void> {
  const { config } = options;
  registerApiKeyAuth(app, config.apiKeys);

  // One access-log line per proxied request (this context is registered with logLevel
  // 'warn', which silences Fastify's two per-request lines): the request log is the only
  // logging on the hot path, and one line halves its cost (see gateway/README.md). The trace
  // id is written from the request's span: the context is not entered again for this line.
  const accessLog = options.accessLog;
  app.addHook('onResponse', (request, reply, done) => {
    accessLog.info(
      {
        traceId: requestTraceId(request),
        requestId: request.id,
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
        client: request.clientId || undefined,
      },
      'request completed',
    );
    done();
  });

  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.clientId,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'RATE_LIMITED',
        `Rate limit of ${context.max} requests per minute exceeded; retry in ${context.after}`,
        { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1_000)) },
      ),
  });

  // Bodies are relayed as the bytes the client sent (the service validates them), buffered
  // so that the 1 MiB limit holds for chunked bodies too, and the service gets a length.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  for (const service of SERVICE_NAMES) {
    const forward = createForwarder({
      service,
      origin: config.serviceUrls[service],
      connections: config.upstreamConnections,
      timeoutMs: config.upstreamTimeoutMs,
    });
    app.addHook('onClose', (_instance, done) => {
      forward.close();
      done();
    });
    // @fastify/http-proxy routes the paths and refuses destinations that would climb out
    // of them; the forwarder relays the request.
    await app.register(httpProxy, {
      upstream: config.serviceUrls[service].origin,
      routes: [...ROUTE_TABLE[service]],
      proxyPayloads: false,
      disableRequestLogging: true,
      handler: (request, reply, destination) =>
        forward(request, reply as FastifyReply, destination),
    });
  }
}
