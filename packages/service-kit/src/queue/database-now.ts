import { type RawBuilder, sql } from 'kysely';

/**
 * The database server's current UTC time with milliseconds, for leases: every replica
 * measures them on this one clock (never its own, never the injected test clock).
 */
export function databaseNow(): RawBuilder<Date> {
  return sql<Date>`UTC_TIMESTAMP(3)`;
}
