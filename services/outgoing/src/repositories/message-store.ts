import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MessageRow, NewMessageRow } from '../db/message.table.ts';
import { UNSENT_STATUSES, type MessageStatus } from '../domain/message-status.ts';

/** Rows per INSERT statement: the measured sweet spot (README, "Benchmarks"). */
export const INSERT_CHUNK = 1_000;

/** Multi-row inserts, {@link INSERT_CHUNK} rows a statement, in the caller's transaction. */
export async function insertMessages(
  trx: Transaction<Database>,
  rows: readonly NewMessageRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('message')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

export async function insertMessage(db: Kysely<Database>, row: NewMessageRow): Promise<void> {
  await db.insertInto('message').values(row).execute();
}

export async function findMessage(db: Kysely<Database>, id: string): Promise<MessageRow | null> {
  return (
    (await db.selectFrom('message').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function findOrderConfirmation(
  db: Kysely<Database>,
  orderId: string,
): Promise<MessageRow | null> {
  return (
    (await db
      .selectFrom('message')
      .selectAll()
      .where('kind', '=', 'order-confirmation')
      .where('order_id', '=', orderId)
      .executeTakeFirst()) ?? null
  );
}

/** A page of a broadcast's messages by id (keyset), optionally of one status. */
export async function listBroadcastMessages(
  db: Kysely<Database>,
  broadcastId: string,
  page: { afterId: string | null; limit: number; status: MessageStatus | undefined },
): Promise<MessageRow[]> {
  let query = db.selectFrom('message').selectAll().where('broadcast_id', '=', broadcastId);
  if (page.status !== undefined) query = query.where('status', '=', page.status);
  if (page.afterId !== null) query = query.where('id', '>', page.afterId);
  return query.orderBy('id').limit(page.limit).execute();
}

/**
 * Cancels a broadcast's messages that are not yet sent and not held by a dispatcher right
 * now (a claimed message is mid-delivery; if its delivery fails, the dispatcher sees the
 * broadcast cancelled and cancels it then). Returns how many were cancelled.
 */
export async function cancelUnsentMessages(
  trx: Transaction<Database>,
  broadcastId: string,
  at: Date,
): Promise<number> {
  const result = await trx
    .updateTable('message')
    .set({ status: 'cancelled', due_at: null, finished_at: at, updated_at: at })
    .where('broadcast_id', '=', broadcastId)
    .where('status', 'in', UNSENT_STATUSES)
    .where('locked_by', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
