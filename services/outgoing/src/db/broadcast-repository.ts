import type { Kysely, Transaction } from 'kysely';
import type { BroadcastRow, NewBroadcastRow } from './broadcast.table.ts';
import type { Database } from './database.ts';
import { statusCounts, type StatusCounts } from '../domain/message-status.ts';

export async function insertBroadcast(
  trx: Transaction<Database>,
  row: NewBroadcastRow,
): Promise<void> {
  await trx.insertInto('broadcast').values(row).execute();
}

export async function updateBroadcastSummary(
  trx: Transaction<Database>,
  id: string,
  summary: {
    recipientCount: number;
    sendingNow: number;
    scheduled: number;
    unreachable: number;
    suppressed: number;
  },
): Promise<void> {
  await trx
    .updateTable('broadcast')
    .set({
      recipient_count: summary.recipientCount,
      sending_now: summary.sendingNow,
      scheduled: summary.scheduled,
      unreachable: summary.unreachable,
      suppressed: summary.suppressed,
    })
    .where('id', '=', id)
    .execute();
}

export async function findBroadcast(
  db: Kysely<Database>,
  id: string,
): Promise<BroadcastRow | undefined> {
  return db.selectFrom('broadcast').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many of a broadcast's messages are in each status (every status present). */
export async function countMessagesByStatus(
  db: Kysely<Database>,
  broadcastId: string,
): Promise<StatusCounts> {
  const rows = await db
    .selectFrom('message')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('broadcast_id', '=', broadcastId)
    .groupBy('status')
    .execute();
  return statusCounts(rows.map((row) => ({ status: row.status, count: Number(row.count) })));
}

/** Marks the broadcast cancelled (first time only); the messages are cancelled separately. */
export async function markBroadcastCancelled(
  trx: Transaction<Database>,
  id: string,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('broadcast')
    .set({ cancelled_at: at })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .execute();
}

export interface BroadcastForDispatch {
  readonly message: string;
  readonly cancelled: boolean;
  /** The accepting request's traceparent: its deliveries continue that trace. */
  readonly traceParent: string | null;
}

/** The text and cancellation state of the broadcasts a batch of messages belongs to. */
export async function loadBroadcastsForDispatch(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, BroadcastForDispatch>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('broadcast')
    .select(['id', 'message', 'cancelled_at', 'trace_parent'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { message: row.message, cancelled: row.cancelled_at !== null, traceParent: row.trace_parent },
    ]),
  );
}

/** A page of broadcasts, newest first (ids are time-ordered ULIDs), keyset on id. */
export function listBroadcasts(
  db: Kysely<Database>,
  page: { beforeId: string | undefined; limit: number },
): Promise<BroadcastRow[]> {
  let query = db.selectFrom('broadcast').selectAll();
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

/** {@link countMessagesByStatus} for several broadcasts in one statement. */
export async function countMessagesByStatusOf(
  db: Kysely<Database>,
  broadcastIds: readonly string[],
): Promise<Map<string, StatusCounts>> {
  if (broadcastIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('message')
    .select(['broadcast_id', 'status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('broadcast_id', 'in', broadcastIds)
    .groupBy(['broadcast_id', 'status'])
    .execute();
  return new Map(
    broadcastIds.map((id) => [
      id,
      statusCounts(
        rows
          .filter((row) => row.broadcast_id === id)
          .map((row) => ({ status: row.status, count: Number(row.count) })),
      ),
    ]),
  );
}
