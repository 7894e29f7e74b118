/**
 * Errors that carry their HTTP meaning. Routes and domain code throw these; the shared
 * error handler turns them into the `{ error: { code, message, details }, requestId }`
 * envelope. Anything else that reaches the handler is a 500 whose text is hidden.
 */

/** One problem with the input, naming the field it is about. */
export interface ErrorDetail {
  /** Where the problem is, as a dotted path (`workingHours.weekly.mon[0].end`). */
  readonly field: string;
  readonly message: string;
  readonly [extra: string]: unknown;
}

export interface AppErrorOptions {
  readonly details?: readonly ErrorDetail[];
  /** Extra members of the `error` object (e.g. `nextOpening`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Seconds, sent as `Retry-After` (429, 503). */
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

export class AppError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: readonly ErrorDetail[];
  readonly extra: Readonly<Record<string, unknown>>;
  readonly retryAfterSeconds: number | undefined;

  constructor(statusCode: number, code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = options.details ?? [];
    this.extra = options.extra ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** 400: the input is malformed; `details` name the fields. */
export function validationFailed(message: string, details: readonly ErrorDetail[] = []): AppError {
  return new AppError(400, 'VALIDATION_FAILED', message, { details });
}

export function notFound(what: string, id: string): AppError {
  return new AppError(404, 'NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist`, {
    details: [{ field: 'id', message: 'not found', value: id }],
  });
}

/** 409: the request conflicts with what is stored. */
export function conflict(
  code: string,
  message: string,
  options: Omit<AppErrorOptions, 'retryAfterSeconds'> = {},
): AppError {
  return new AppError(409, code, message, options);
}

/** 422: well-formed, but impossible to carry out (e.g. an unknown customer). */
export function unprocessable(
  code: string,
  message: string,
  options: Omit<AppErrorOptions, 'retryAfterSeconds'> = {},
): AppError {
  return new AppError(422, code, message, options);
}

/** 503: a dependency (database, another service) is down; the client should retry. */
export function unavailable(code: string, message: string, cause?: unknown): AppError {
  return new AppError(503, code, message, { retryAfterSeconds: 5, cause });
}

/**
 * Another service could not answer: unreachable, too slow, failing (5xx) or refusing our
 * INTERNAL_TOKEN. Rendered as 503 DEPENDENCY_UNAVAILABLE with Retry-After; a caller fails
 * closed on it (nothing decided without the answer) and retries later.
 */
export class DependencyUnavailableError extends AppError {
  readonly service: string;

  constructor(service: string, message: string, cause?: unknown) {
    super(503, 'DEPENDENCY_UNAVAILABLE', message, { retryAfterSeconds: 5, cause });
    this.name = 'DependencyUnavailableError';
    this.service = service;
  }
}

/** 502: another service answered outside its contract (a bug on one side, not an outage). */
export function contractBroken(service: string, what: string, status: number): AppError {
  return new AppError(502, 'BAD_GATEWAY', `The ${service} service answered ${status} to ${what}`);
}

/** Coerces any thrown value to an Error (a rejected promise may carry anything). */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
