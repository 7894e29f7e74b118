import {
  Agent,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { requestTraceHeaders } from '@screenmagic/service-kit/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  classifyUpstreamFailure,
  UPSTREAM_BAD_RESPONSE,
  UPSTREAM_TIMEOUT,
} from '../domain/upstream-failure.ts';
import { clientResponseHeaders, upstreamRequestHeaders } from './headers.ts';

export interface ForwarderOptions {
  readonly service: string;
  readonly origin: URL;
  /** Connections kept open to the service. */
  readonly connections: number;
  /** No byte from the service for this long (connecting included): 504. */
  readonly timeoutMs: number;
}

/** Relays one routed request (what @fastify/http-proxy calls as its `handler`). */
export interface Forwarder {
  (request: FastifyRequest, reply: FastifyReply, destination: string): void;
  /** Closes the idle keep-alive connections (on shutdown). */
  close(): void;
}

/**
 * Relays requests to one service over keep-alive connections and streams each answer back
 * unchanged: status, body, and headers less the hop-by-hop ones, plus the gateway's own
 * (request id, rate-limit counters). It writes the response itself (`reply.hijack()`):
 * Fastify's hooks still run around it (auth, rate limit, request id before; the access
 * log after) but not its reply-serialization path, which @fastify/reply-from would add
 * (see docs/decisions.md for the measurement). Failures are answered in the error
 * envelope: 503 when the service cannot be reached, 504 when it stays silent for
 * `timeoutMs`, 502 when its answer cannot be relayed; once the answer has started, a
 * failure can only cut the connection.
 */
export function createForwarder(options: ForwarderOptions): Forwarder {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.connections,
    maxFreeSockets: options.connections,
    // Idle sockets close before the services' 72 s keep-alive would close them under a request.
    timeout: 30_000,
  });
  const { host, hostname } = options.origin;
  const port = options.origin.port || '80';

  const forward = (request: FastifyRequest, reply: FastifyReply, destination: string): void => {
    reply.hijack();
    const response = reply.raw;
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const queryAt = request.url.indexOf('?');
    const headers = upstreamRequestHeaders(request.headers, {
      host,
      requestId: request.id,
      bodyLength:
        body?.length ?? (request.method === 'GET' || request.method === 'HEAD' ? undefined : 0),
    });
    // The service continues the gateway's span (the client's traceparent is its parent).
    requestTraceHeaders(request, headers);
    const upstream = httpRequest({
      hostname,
      port,
      method: request.method,
      path: queryAt === -1 ? destination : destination + request.url.slice(queryAt),
      headers,
      agent,
      timeout: options.timeoutMs,
    });

    const fail = (error: unknown): void => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const failure = classifyUpstreamFailure(options.service, error, options.timeoutMs);
      request.log.warn(
        { err: error, service: options.service, status: failure.status },
        failure.message,
      );
      const payload = JSON.stringify({
        error: { code: failure.code, message: failure.message, details: [] },
        requestId: request.id,
      });
      const headers: OutgoingHttpHeaders = {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
      };
      if (failure.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(failure.retryAfterSeconds);
      response.writeHead(failure.status, headers);
      response.end(payload);
    };

    upstream.on('timeout', () => upstream.destroy(coded(UPSTREAM_TIMEOUT, 'no answer in time')));
    upstream.on('error', fail);
    upstream.on('response', (answer: IncomingMessage) => {
      try {
        response.writeHead(
          answer.statusCode ?? 502,
          clientResponseHeaders(answer.headers, reply.getHeaders() as OutgoingHttpHeaders),
        );
      } catch (error) {
        answer.resume();
        fail(coded(UPSTREAM_BAD_RESPONSE, (error as Error).message));
        return;
      }
      answer.on('error', () => response.destroy());
      answer.pipe(response);
    });
    // The client went away: stop waiting for the service.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  };
  return Object.assign(forward, { close: () => agent.destroy() });
}

function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
