import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, QueueName } from './database.ts';

/** A row this worker has claimed. */
export interface ClaimedItem {
  readonly orderId: string;
  /** Attempts including this one. */
  readonly attempts: number;
  /** The traceparent of the request that placed the order, if it was traced. */
  readonly traceParent: string | null;
}

/**
 * Claims up to `limit` rows of `queue` due at `now` (the clock's time, not the
 * database's) that nobody holds: `SELECT … FOR UPDATE SKIP LOCKED`, then stamps them
 * `locked_by = workerId, locked_at = now, attempts + 1`. Replicas claiming at the same
 * moment skip each other's rows instead of waiting for them.
 */
export async function claimDue(
  trx: Transaction<Database>,
  queue: QueueName,
  options: { readonly now: Date; readonly workerId: string; readonly limit: number },
): Promise<ClaimedItem[]> {
  const rows = await trx
    .selectFrom(queue)
    .select(['order_id', 'attempts', 'trace_parent'])
    .where('locked_by', 'is', null)
    .where('due_at', '<=', options.now)
    .orderBy('due_at')
    .limit(options.limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.order_id);
  await trx
    .updateTable(queue)
    .set({
      locked_by: options.workerId,
      locked_at: options.now,
      attempts: sql<number>`attempts + 1`,
    })
    .where('order_id', 'in', ids)
    .execute();
  return rows.map((row) => ({
    orderId: row.order_id,
    attempts: Number(row.attempts) + 1,
    traceParent: row.trace_parent,
  }));
}

/**
 * Releases claims taken before `olderThan`: their worker died or hung. Whatever it did
 * before dying is safe to repeat (the outgoing service is idempotent on orderId, and
 * only the current holder may complete a row). Returns how many were released.
 */
export async function releaseStaleClaims(
  db: Kysely<Database>,
  queue: QueueName,
  olderThan: Date,
): Promise<number> {
  const result = await db
    .updateTable(queue)
    .set({ locked_by: null, locked_at: null })
    .where('locked_at', '<', olderThan)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Unlocks rows this worker holds and makes them due again at `dueAt` (a failed attempt's
 * back-off). Rows another worker took over meanwhile are left alone.
 */
export async function rescheduleClaimed(
  db: Kysely<Database>,
  queue: QueueName,
  workerId: string,
  items: readonly { readonly orderId: string; readonly dueAt: Date; readonly error: string }[],
): Promise<void> {
  for (const item of items) {
    await db
      .updateTable(queue)
      .set({
        locked_by: null,
        locked_at: null,
        due_at: item.dueAt,
        last_error: item.error.slice(0, 500),
      })
      .where('order_id', '=', item.orderId)
      .where('locked_by', '=', workerId)
      .execute();
  }
}

/**
 * Deletes the rows among `orderIds` that this worker still holds, locking them first,
 * and returns their ids: only those may be completed (a row whose claim went stale and
 * was taken by another worker is that worker's to complete).
 */
export async function takeClaimed(
  trx: Transaction<Database>,
  queue: QueueName,
  workerId: string,
  orderIds: readonly string[],
): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const held = await trx
    .selectFrom(queue)
    .select('order_id')
    .where('order_id', 'in', orderIds)
    .where('locked_by', '=', workerId)
    .forUpdate()
    .execute();
  const ids = held.map((row) => row.order_id);
  if (ids.length > 0) await trx.deleteFrom(queue).where('order_id', 'in', ids).execute();
  return ids;
}
