import { type Kysely, sql } from 'kysely';
import type { ProcessingAtChange } from './customer-order.table.ts';
import type { Database } from './database.ts';
import type { OrderEvents } from './order-event-repository.ts';

/** A pending order as the re-planner reads it. */
export interface PendingRow {
  readonly order_id: string;
  readonly processing_at: Date;
  readonly placed_at: Date;
  readonly processing_at_history: string | null;
}

/**
 * One page of pending orders no worker holds, in primary-key order after `afterId`
 * (every page costs the same, however far the walk is).
 */
export async function pendingPage(
  db: Kysely<Database>,
  afterId: string | null,
  limit: number,
): Promise<PendingRow[]> {
  let query = db
    .selectFrom('pending_order as p')
    .innerJoin('customer_order as o', 'o.order_id', 'p.order_id')
    .select(['p.order_id', 'p.processing_at', 'o.placed_at', 'o.processing_at_history'])
    .where('p.locked_by', 'is', null)
    .where('o.status', '=', 'pending')
    .orderBy('p.order_id')
    .limit(limit);
  if (afterId !== null) query = query.where('p.order_id', '>', afterId);
  return query.execute();
}

/**
 * Moves a pending order to `to` in one transaction: the queue row (only if still
 * unclaimed and still at `from`: a worker that took it confirms it itself), the order's
 * `processing_at` and its history, and the correction for the customer — queued, or, if
 * one is already waiting, its `revision` raised so that it is (re)sent with the new time:
 * re-planned twice before the customer is told, they are told once. Returns false when
 * the order was no longer there to move.
 */
export async function moveOrder(
  db: Kysely<Database>,
  move: {
    readonly row: PendingRow;
    readonly to: Date;
    readonly at: Date;
    readonly reason: ProcessingAtChange['reason'];
  },
  events: OrderEvents,
): Promise<boolean> {
  const { row, to, at } = move;
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('pending_order')
      .set({ processing_at: to, due_at: to })
      .where('order_id', '=', row.order_id)
      .where('locked_by', 'is', null)
      .where('processing_at', '=', row.processing_at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    const history = readHistory(row);
    history.push({
      processingAt: to.toISOString(),
      changedAt: at.toISOString(),
      reason: move.reason,
    });
    await trx
      .updateTable('customer_order')
      .set({ processing_at: to, processing_at_history: JSON.stringify(history), updated_at: at })
      .where('order_id', '=', row.order_id)
      .execute();
    await events.record(trx, [row.order_id], { type: 'order.replanned' });
    await sql`INSERT INTO order_update_outbox (order_id, due_at, attempts, revision)
      VALUES (${row.order_id}, ${at}, 0, 1)
      ON DUPLICATE KEY UPDATE revision = revision + 1, due_at = LEAST(due_at, VALUES(due_at))`.execute(
      trx,
    );
    return true;
  });
}

/** The history so far; before the first move, the time announced when the order was placed. */
function readHistory(row: PendingRow): ProcessingAtChange[] {
  if (row.processing_at_history !== null) {
    return JSON.parse(row.processing_at_history) as ProcessingAtChange[];
  }
  return [
    {
      processingAt: row.processing_at.toISOString(),
      changedAt: row.placed_at.toISOString(),
      reason: 'PLACED',
    },
  ];
}
