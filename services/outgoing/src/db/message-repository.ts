import { sql, type Kysely, type Transaction } from 'kysely';
import { format } from 'mysql2';
import type { Database } from './database.ts';
import type { MessageRow, NewMessageRow } from './message.table.ts';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';
import { UNSENT_STATUSES } from '../domain/message-status.ts';
import type { MessageHistory } from './message-history-repository.ts';
import { endedColumns } from './recorded-change.ts';

/** Rows per INSERT statement: the measured sweet spot (README, "Benchmarks"). */
export const INSERT_CHUNK = 1_000;

/** The columns a new message row is written with, in statement order. */
const INSERT_COLUMNS = [
  'id',
  'kind',
  'broadcast_id',
  'order_id',
  'customer_id',
  'customer_name',
  'time_zone',
  'text',
  'hold_to_window',
  'status',
  'status_reason',
  'status_detail',
  'scheduled_for',
  'due_at',
  'expires_at',
  'attempts',
  'created_at',
  'updated_at',
  'category',
  'local_day',
] as const satisfies readonly (keyof NewMessageRow)[];

/**
 * The text of one multi-row `INSERT` (at most {@link INSERT_CHUNK} rows), escaped by
 * mysql2 exactly as a parameterized query would be, instants as UTC `DATETIME(3)`
 * literals. Built as text, not through the query builder (whose per-value nodes made a
 * 100,000-recipient broadcast about a third slower, measured), and separately from its
 * execution, so the caller can build the next statement while the database runs this one.
 */
export function messageInsertStatement(rows: readonly NewMessageRow[]): string {
  // Most rows share a handful of instants: each is formatted once.
  const instants = new Map<number, { toSqlString: () => string }>();
  type Literal = string | number | null | { toSqlString: () => string };
  const value = (v: string | number | Date | null | undefined): Literal => {
    if (!(v instanceof Date)) return v ?? null;
    let literal = instants.get(v.getTime());
    if (literal === undefined) {
      const text = format('?', [v], false, 'Z');
      literal = { toSqlString: () => text };
      instants.set(v.getTime(), literal);
    }
    return literal;
  };
  const values = rows.map((row) => INSERT_COLUMNS.map((column) => value(row[column])));
  return format(
    `INSERT INTO message (${INSERT_COLUMNS.join(', ')}) VALUES ?`,
    [values],
    false,
    'Z',
  );
}

/** Runs a statement built by {@link messageInsertStatement} in the caller's transaction. */
export async function executeMessageInsert(
  trx: Transaction<Database>,
  statement: string,
): Promise<void> {
  await sql.raw(statement).execute(trx);
}

/**
 * Inserts one message and its first history entry (`from-status`) together, in one
 * transaction. A duplicate key (a concurrent request for the same order or inbound
 * message) is thrown as the driver's error, for the caller's `insertOnce` or retry.
 */
export async function insertRecorded(
  db: Kysely<Database>,
  history: MessageHistory,
  row: NewMessageRow,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('message').values(row).execute();
    await history.record(trx, { ids: [row.id] }, { event: 'from-status' });
  });
}

export async function findMessage(
  db: Kysely<Database>,
  id: string,
): Promise<MessageRow | undefined> {
  return db.selectFrom('message').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrderConfirmation(
  db: Kysely<Database>,
  orderId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('message')
    .selectAll()
    .where('kind', '=', 'order-confirmation')
    .where('order_id', '=', orderId)
    .executeTakeFirst();
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
    .set(
      endedColumns({
        status: 'cancelled',
        reason: 'CANCELLED',
        detail: 'the broadcast was cancelled',
        at,
      }),
    )
    .where('broadcast_id', '=', broadcastId)
    .where('status', 'in', UNSENT_STATUSES)
    .where('batch_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The reply already created for an inbound message, if any. */
export async function findReply(
  db: Kysely<Database>,
  inboundMessageId: string,
): Promise<MessageRow | undefined> {
  return await db
    .selectFrom('message')
    .selectAll()
    .where('kind', '=', 'reply')
    .where('inbound_message_id', '=', inboundMessageId)
    .executeTakeFirst();
}

/** What `GET /v1/messages` filters on; all optional. */
export interface MessageFilter {
  readonly status?: MessageStatus | undefined;
  readonly broadcastId?: string | undefined;
  readonly customerId?: string | undefined;
}

/**
 * A page of messages, newest first (keyset on the time-ordered id). By customer it reads
 * `idx_message_customer` (the re-planner's), by broadcast `idx_message_broadcast_status`; by status alone it
 * walks the primary key from the newest (the status index is deliberately not there:
 * every dispatch would move its entries).
 */
export function listMessages(
  db: Kysely<Database>,
  filter: MessageFilter,
  page: { beforeId: string | undefined; limit: number },
): Promise<MessageRow[]> {
  let query = db.selectFrom('message').selectAll();
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.broadcastId !== undefined)
    query = query.where('broadcast_id', '=', filter.broadcastId);
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}
