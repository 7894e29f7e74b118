/** How the gateway answers when it could not get a response from a service. */
export interface UpstreamFailure {
  readonly status: 502 | 503 | 504;
  readonly code: 'UPSTREAM_UNAVAILABLE' | 'BAD_GATEWAY';
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

const TIMEOUT_CODES = new Set([
  'FST_REPLY_FROM_GATEWAY_TIMEOUT',
  'FST_REPLY_FROM_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Seconds a client should wait before retrying a request an upstream could not serve. */
export const UPSTREAM_RETRY_AFTER_SECONDS = 5;

/**
 * Classifies a proxying error (from @fastify/reply-from, wrapping undici's): a service that
 * did not answer in time is 504, one that could not be reached (refused, reset, connect
 * timeout) is 503, one that sent an unusable response is 502. Never a 500.
 */
export function classifyUpstreamFailure(
  service: string,
  error: unknown,
  timeoutMs: number,
): UpstreamFailure {
  const codes = errorCodes(error);
  if (codes.some((code) => TIMEOUT_CODES.has(code))) {
    return {
      status: 504,
      code: 'UPSTREAM_UNAVAILABLE',
      message: `The ${service} service did not answer within ${timeoutMs} ms; retry later`,
      retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
    };
  }
  if (codes.includes('FST_REPLY_FROM_BAD_GATEWAY')) {
    return {
      status: 502,
      code: 'BAD_GATEWAY',
      message: `The ${service} service sent an invalid response`,
    };
  }
  return {
    status: 503,
    code: 'UPSTREAM_UNAVAILABLE',
    message: `The ${service} service is unavailable; retry later`,
    retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
  };
}

/** The `code`s of an error and its chain of causes. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}
