/**
 * Errors that mean "the database cannot be reached right now" (as opposed to a bad
 * query): the request gets a 503 with Retry-After and the caller tries again later.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'POOL_CLOSED',
  'POOL_CONNECTION_TIMEOUT',
  'ER_BAD_DB_ERROR',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, fatal, errors } = error as { code?: unknown; fatal?: unknown; errors?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (fatal === true) return true;
  // An AggregateError from a dual-stack connect (both ::1 and 127.0.0.1 refused).
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /connection is in closed state|Pool is closed|database is not ready/i.test(message)
  );
}
