/** A unique or primary key already holds the value (MySQL/MariaDB errno 1062). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ER_DUP_ENTRY';
}

/** InnoDB chose this transaction as a deadlock victim (errno 1213): safe to retry. */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ER_LOCK_DEADLOCK';
}
