import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorDetail } from '../errors.ts';
import { isDatabaseUnavailable, isDeadlock } from '../db/database-errors.ts';
import { PROBLEM_JSON, problemMembers, type ProblemMembers, wantsProblemJson } from './problem.ts';
import { boundErrorText } from './echo.ts';
import { describeValidationErrors } from './validation.ts';

/** The `error` member of the envelope: a code, a message and extra members (e.g. `nextOpening`). */
export interface ErrorPayload {
  readonly code: string;
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
  readonly [extra: string]: unknown;
}

/** The envelope: RFC 9457's members, then `error` and `requestId` (what clients read first). */
export interface ErrorBody extends ProblemMembers {
  error: ErrorPayload & { details: readonly ErrorDetail[] };
  requestId: string;
}

/**
 * Sends the error envelope, as `application/problem+json` when the client's Accept asks
 * for it, else `application/json`. Also used by hooks that answer before a route runs.
 */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: ErrorPayload,
  retryAfterSeconds?: number,
): FastifyReply {
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  const message = boundErrorText(body.message);
  const payload: ErrorBody = {
    ...problemMembers(status, body.code, message),
    error: { ...body, message, details: (body.details ?? []).map(boundDetail) },
    requestId: String(request.id),
  };
  const type = wantsProblemJson(request.headers.accept) ? PROBLEM_JSON : 'application/json';
  return reply.code(status).type(`${type}; charset=utf-8`).send(payload);
}

/** A detail's texts bounded (boundErrorText): where the input is quoted, it is repeated. */
function boundDetail(detail: ErrorDetail): ErrorDetail {
  const bounded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    bounded[key] = typeof value === 'string' ? boundErrorText(value) : value;
  }
  return bounded as unknown as ErrorDetail;
}

/** Maps anything thrown to the envelope; never leaks a stack or a 5xx message. */
export function toErrorResponse(error: unknown): {
  status: number;
  body: ErrorPayload;
  retryAfterSeconds?: number;
  log: boolean;
} {
  if (error instanceof AppError) {
    return {
      status: error.statusCode,
      body: { code: error.code, message: error.message, details: error.details, ...error.extra },
      ...(error.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: error.retryAfterSeconds }),
      log: error.statusCode >= 500,
    };
  }
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  if (fastifyError.validation) {
    const details = describeValidationErrors(
      fastifyError.validation as never,
      fastifyError.validationContext,
    );
    const where =
      fastifyError.validationContext === 'body' ? 'request body' : fastifyError.validationContext;
    const first = details[0];
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: first ? `Invalid ${where}: ${first.field} ${first.message}` : `Invalid ${where}`,
        details,
      },
      log: false,
    };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is larger than 1 MiB' },
        log: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      // No parser for the type: a route without a body schema sent a body that is not
      // JSON (routes with one answer this before parsing: media-type.ts).
      return {
        status: 415,
        body: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Content-Type must be application/json',
          details: [{ field: 'content-type', in: 'headers', message: 'must be application/json' }],
        },
        log: false,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Request body is empty; a JSON object is required',
          details: [{ field: 'body', message: 'is required' }],
        },
        log: false,
      };
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Request body is not valid JSON',
        details: [{ field: 'body', message: 'is not valid JSON' }],
      },
      log: false,
    };
  }
  if (isDeadlock(error)) {
    // A transaction InnoDB rolled back to break a deadlock: nothing was written, and the
    // same request a moment later succeeds — a 503 to retry, not a 500.
    return {
      status: 503,
      body: { code: 'DATABASE_BUSY', message: 'The database was busy; retry' },
      retryAfterSeconds: 1,
      log: true,
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; retry later' },
      retryAfterSeconds: 5,
      log: true,
    };
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      status,
      body: {
        code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
        message: fastifyError.message ?? 'Bad request',
      },
      log: false,
    };
  }
  return {
    status: 500,
    body: {
      code: 'INTERNAL_ERROR',
      message: 'Internal error; the request id identifies it in the logs',
    },
    log: true,
  };
}

/** The one error handler and 404 handler every app (services and gateway) uses. */
export const errorHandlerPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const response = toErrorResponse(error);
      if (response.log) request.log.error({ err: error }, 'request failed');
      return sendError(request, reply, response.status, response.body, response.retryAfterSeconds);
    });
    app.setNotFoundHandler((request, reply) =>
      sendError(request, reply, 404, {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      }),
    );
  },
  { name: 'error-handler', fastify: '5.x' },
);
