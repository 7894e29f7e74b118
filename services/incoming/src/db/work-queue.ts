import { WorkQueue } from '@screenmagic/service-kit';
import type { Kysely, Transaction } from 'kysely';
import type { Database, QueueName } from './database.ts';

/**
 * The two queues as the kit's work queues: claims leased on the database's clock,
 * renewed by the worker's heartbeat, completed or rescheduled only by their holder.
 */
const queues: { readonly [Q in QueueName]: WorkQueue<Database, Q> } = {
  pending_order: new WorkQueue({ table: 'pending_order', key: 'order_id' }),
  confirmation_outbox: new WorkQueue({ table: 'confirmation_outbox', key: 'order_id' }),
};

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
 * database's) that nobody holds, stamping them `locked_by = workerId`, `locked_at` = the
 * database's now, `attempts + 1`. Replicas claiming at the same moment skip each other's
 * rows instead of waiting for them (`FOR UPDATE SKIP LOCKED`).
 */
export async function claimDue(
  db: Kysely<Database>,
  queue: QueueName,
  options: { readonly now: Date; readonly workerId: string; readonly limit: number },
): Promise<ClaimedItem[]> {
  const rows = await (queues[queue] as WorkQueue<Database, QueueName>).claim(db, {
    owner: options.workerId,
    now: options.now,
    limit: options.limit,
    columns: ['order_id', 'trace_parent'],
  });
  return rows.map((row) => ({
    orderId: row.order_id,
    attempts: row.attempts,
    traceParent: row.trace_parent,
  }));
}

/** The heartbeat: renews the leases `workerId` still holds on `orderIds`. */
export function renewClaims(
  db: Kysely<Database>,
  queue: QueueName,
  workerId: string,
  orderIds: readonly string[],
): Promise<number> {
  return queues[queue].renew(db, workerId, orderIds);
}

/**
 * Releases claims whose lease expired `leaseMs` ago on the database's clock: their
 * worker died or hung. Whatever it did before dying is safe to repeat (the outgoing
 * service is idempotent on orderId, and only the current holder may complete a row).
 * Returns how many were released.
 */
export function releaseStaleClaims(
  db: Kysely<Database>,
  queue: QueueName,
  leaseMs: number,
): Promise<number> {
  return queues[queue].releaseExpired(db, leaseMs);
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
  const table = queues[queue] as WorkQueue<Database, QueueName>;
  for (const item of items) {
    await table.finish(db, workerId, [item.orderId], {
      due_at: item.dueAt,
      last_error: item.error.slice(0, 500),
    });
  }
}

/**
 * Deletes the rows among `orderIds` that this worker still holds, locking them first,
 * and returns their ids: only those may be completed (a row whose claim expired and was
 * taken by another worker is that worker's to complete).
 */
export function takeClaimed(
  trx: Transaction<Database>,
  queue: QueueName,
  workerId: string,
  orderIds: readonly string[],
): Promise<string[]> {
  return queues[queue].remove(trx, workerId, orderIds);
}
