import httpProxy from '@fastify/http-proxy';
import rateLimit from '@fastify/rate-limit';
import {
  AppError,
  BODY_LIMIT_BYTES,
  sendError,
  type ServiceName,
} from '@screenmagic/service-kit/core';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { ROUTE_TABLE } from '../domain/route-table.ts';
import { classifyUpstreamFailure } from '../domain/upstream-failure.ts';
import { registerApiKeyAuth } from '../plugins/api-key-auth.ts';

export interface ProxyRoutesOptions {
  readonly config: GatewayConfig;
  /** The gateway's logger, for the access log (the context itself logs at warn). */
  readonly accessLog: FastifyBaseLogger;
}

const SERVICES: readonly ServiceName[] = ['customer', 'outgoing', 'incoming'];

/**
 * The public API: every path in ROUTE_TABLE is proxied to the service that owns it, behind
 * the API key and the per-key rate limit. Registered as its own (encapsulated) plugin so
 * that auth, rate limiting and the raw body parser apply to proxied routes only, not to
 * `/healthz`, `/readyz`, `/openapi.json`, `/docs` or `/test/clock`.
 */
export async function proxyRoutes(
  app: FastifyInstance,
  options: ProxyRoutesOptions,
): Promise<void> {
  const { config } = options;
  registerApiKeyAuth(app, config.apiKeys);

  // One access-log line per proxied request (this context is registered with logLevel
  // 'warn', which silences Fastify's two per-request lines): the request log is the only
  // logging on the hot path, and one line halves its cost (see gateway/README.md).
  const accessLog = options.accessLog;
  app.addHook('onResponse', (request, reply, done) => {
    accessLog.info(
      {
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

  for (const service of SERVICES) {
    await app.register(httpProxy, {
      upstream: config.serviceUrls[service].origin,
      routes: [...ROUTE_TABLE[service]],
      proxyPayloads: false,
      disableRequestLogging: true,
      // Node's http client with a keep-alive agent, not undici: through reply-from it costs
      // about a third less CPU per request (measured, see docs/decisions.md).
      http: {
        agentOptions: {
          keepAlive: true,
          maxSockets: config.upstreamConnections,
          maxFreeSockets: config.upstreamConnections,
          // Idle connections are dropped before the services' 72 s keep-alive ends, so a
          // request never races the service closing the socket.
          timeout: 30_000,
        },
        requestOptions: {
          // No byte from the service for this long: 504 (it includes connecting).
          timeout: config.upstreamTimeoutMs,
          rejectUnauthorized: true,
        },
      },
      handler: (request, reply, destination, replyOptions) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) return reply.from(destination, replyOptions);
        return reply.from(destination, {
          ...replyOptions,
          body,
          contentType: request.headers['content-type'] ?? 'application/octet-stream',
        });
      },
      replyOptions: {
        rewriteRequestHeaders: (request, headers) => {
          // The id the gateway settled on (the caller's when acceptable), not the raw header.
          headers['x-request-id'] = request.id;
          delete headers.authorization;
          return headers;
        },
        // Upstream answers, 503s included, are relayed as they are; never retried here.
        retryDelay: () => null,
        onError: (reply, { error }) => {
          const failure = classifyUpstreamFailure(service, error, config.upstreamTimeoutMs);
          sendError(
            reply.request as FastifyRequest,
            reply as FastifyReply,
            failure.status,
            { code: failure.code, message: failure.message },
            failure.retryAfterSeconds,
          );
        },
      },
    });
  }
}
