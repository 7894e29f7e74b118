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

/**
 * A unique or primary key already holds the value (MySQL/MariaDB errno 1062). With
 * `key`, only a violation of that index (its name appears in the server's message).
 */
export function isDuplicateKey(error: unknown, key?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ER_DUP_ENTRY') return false;
  return key === undefined || (typeof message === 'string' && message.includes(key));
}

/** InnoDB chose this transaction as a deadlock victim (errno 1213): safe to retry. */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ER_LOCK_DEADLOCK';
}
