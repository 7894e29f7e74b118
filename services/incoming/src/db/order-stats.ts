import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';

/**
 * Pending orders: a range of the `(status, seq)` index read alone — as many entries as
 * orders wait, never the confirmed history.
 */
export function pendingOrdersQuery(db: Kysely<Database>) {
  return db
    .selectFrom('customer_order')
    .select(sql<string>`COUNT(*)`.as('count'))
    .where('status', '=', 'pending');
}

/**
 * Pending orders whose promised processing time (`processing_at`, the opening they were
 * promised) is at or before `now` and that are still waiting: a range of
 * `pending_order_processing_at`.
 */
export function overduePendingQuery(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('pending_order')
    .select(sql<string>`COUNT(*)`.as('count'))
    .where('processing_at', '<=', now);
}

export async function countOrderBacklog(
  db: Kysely<Database>,
  now: Date,
): Promise<{ pending: number; overdue: number }> {
  const [pending, overdue] = await Promise.all([
    pendingOrdersQuery(db).executeTakeFirst(),
    overduePendingQuery(db, now).executeTakeFirst(),
  ]);
  return { pending: Number(pending?.count ?? 0), overdue: Number(overdue?.count ?? 0) };
}
