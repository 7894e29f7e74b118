import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * Fastify's request log lines, with its "incoming request" line written a moment later:
 * Fastify writes it as soon as the request's logger is made, before any `onRequest` hook,
 * so before the request's trace is known (the tracing hook continues the caller's
 * `traceparent` or starts a trace there) — the line had no `traceId`, unlike every other
 * line of the request. Here Fastify's call writes nothing and {@link writeIncoming}
 * writes the same line from the `onRequest` hook that follows the tracing one
 * (`createApp`), inside the request's trace. The other lines are Fastify's own.
 */
export class RequestLogController extends LogController {
  /** Fastify's call, before the trace is known: the line is written by {@link writeIncoming}. */
  override incomingRequest(): void {}

  /** Fastify's "incoming request" line (unless request logging is disabled), unchanged. */
  writeIncoming(request: FastifyRequest, reply: FastifyReply): void {
    super.incomingRequest(request, reply);
  }
}
