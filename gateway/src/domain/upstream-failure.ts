/** How the gateway answers when it could not relay a service's response. */
export interface UpstreamFailure {
  readonly status: 502 | 503 | 504;
  readonly code: 'UPSTREAM_UNAVAILABLE' | 'BAD_GATEWAY';
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

/** `code` of the error the forwarder raises when a service stays silent too long. */
export const UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT';
/** `code` of the error the forwarder raises when a service's answer cannot be relayed. */
export const UPSTREAM_BAD_RESPONSE = 'UPSTREAM_BAD_RESPONSE';

/** Seconds a client should wait before retrying a request a service could not serve. */
export const UPSTREAM_RETRY_AFTER_SECONDS = 5;

/**
 * Classifies a forwarding error: a service that stayed silent for the timeout is 504, one
 * whose answer cannot be relayed (e.g. an invalid header) is 502, and anything else — a
 * refused, reset or failed connection — is 503. Never a 500.
 */
export function classifyUpstreamFailure(
  service: string,
  error: unknown,
  timeoutMs: number,
): UpstreamFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === UPSTREAM_TIMEOUT) {
    return {
      status: 504,
      code: 'UPSTREAM_UNAVAILABLE',
      message: `The ${service} service did not answer within ${timeoutMs} ms; retry later`,
      retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
    };
  }
  if (code === UPSTREAM_BAD_RESPONSE) {
    return {
      status: 502,
      code: 'BAD_GATEWAY',
      message: `The ${service} service sent a response that cannot be relayed`,
    };
  }
  return {
    status: 503,
    code: 'UPSTREAM_UNAVAILABLE',
    message: `The ${service} service is unavailable; retry later`,
    retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
  };
}
