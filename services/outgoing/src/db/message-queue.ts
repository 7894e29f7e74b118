import { newId } from '@screenmagic/service-kit';
import {
  type ExpressionBuilder,
  type Kysely,
  sql,
  type Transaction,
  type UpdateObject,
} from 'kysely';
import type { Database } from './database.ts';
import type { MessageRow } from './message.table.ts';
import { idsAmong } from './recorded-change.ts';

/*
 * The message table as a work queue with one lease per claimed batch (README, "Leases";
 * docs/decisions.md, "One lease per batch"). `due_at` is the queue; a claim inserts one
 * `dispatch_batch` row (owner, lease expiry on the database's clock) and points the
 * messages it takes to it (`batch_id`); the heartbeat renews that one row. A batch whose
 * lease expired is dead for good (a renewal never revives it), so its messages may be
 * claimed by anyone; every completion changes only rows that still point to the caller's
 * batch.
 */

/** A message a dispatcher holds: the row as it was when claimed. */
export type ClaimedMessage = Pick<
  MessageRow,
  | 'id'
  | 'kind'
  | 'broadcast_id'
  | 'order_id'
  | 'customer_id'
  | 'text'
  | 'hold_to_window'
  | 'expires_at'
  | 'attempts'
  | 'trace_parent'
  | 'category'
  | 'inbound_message_id'
  | 'due_at'
  | 'scheduled_for'
>;

/** A claim's messages and the batch (its lease) that holds them; `batch` is null when none was due. */
export interface ClaimedBatch {
  readonly batch: string | null;
  readonly messages: ClaimedMessage[];
}

/** What a completion sets on the messages it ends (a value object or an `eb` factory). */
export type MessageUpdate =
  | UpdateObject<Database, 'message'>
  | ((eb: ExpressionBuilder<Database, 'message'>) => UpdateObject<Database, 'message'>);

/** `UTC_TIMESTAMP(3)` moved by `ms`: lease instants are the database server's. */
function databaseNowPlus(ms: number) {
  return sql<Date>`UTC_TIMESTAMP(3) + INTERVAL ${Math.round(ms) * 1000} MICROSECOND`;
}

/** Batches whose lease has expired: dead for good, their messages anyone's to claim. */
const deadBatches = (db: Kysely<Database>) =>
  db
    .selectFrom('dispatch_batch')
    .select('id')
    .where('expires_at', '<', sql<Date>`UTC_TIMESTAMP(3)`);

/**
 * Whether a claim at `now` would find a message: one plain read outside any transaction,
 * taking no lock (an idle poll costs one statement; README, "An idle dispatcher").
 */
export async function anyDueMessages(
  db: Kysely<Database>,
  options: { now: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom('message')
    .select('id')
    .where('due_at', '<=', options.now)
    .where((eb) => eb.or([eb('batch_id', 'is', null), eb('batch_id', 'in', deadBatches(db))]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims up to `limit` messages due at `now` (the clock's time, never the database's)
 * that no live batch holds, in due order, in the caller's READ COMMITTED transaction:
 * `SELECT … FOR UPDATE SKIP LOCKED` (rows other claimers are taking right now are
 * skipped), then one `dispatch_batch` row leased for `leaseMs` of the database's clock,
 * and the messages marked `sending`, `attempts + 1`, pointing to it. `due_at` is left as
 * it is (README, "Design note"). The dead batches are read first, in a statement of
 * their own: a batch dead then stays dead, so taking its messages is safe, while a batch
 * committed meanwhile by another claimer is never mistaken for a dead one.
 */
export async function claimDueMessages(
  trx: Transaction<Database>,
  options: { owner: string; now: Date; limit: number; leaseMs: number },
): Promise<ClaimedBatch> {
  if (options.limit <= 0) return { batch: null, messages: [] };
  const dead = (await deadBatches(trx).execute()).map((row) => row.id);
  const rows = await trx
    .selectFrom('message')
    .select([
      'id',
      'kind',
      'broadcast_id',
      'order_id',
      'customer_id',
      'text',
      'hold_to_window',
      'expires_at',
      'trace_parent',
      'category',
      'inbound_message_id',
      'due_at',
      'scheduled_for',
      'attempts',
    ])
    .where('due_at', '<=', options.now)
    .where((eb) =>
      dead.length === 0
        ? eb('batch_id', 'is', null)
        : eb.or([eb('batch_id', 'is', null), eb('batch_id', 'in', dead)]),
    )
    .orderBy('due_at')
    .limit(options.limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length === 0) return { batch: null, messages: [] };
  const batch = newId('bat');
  await trx
    .insertInto('dispatch_batch')
    .values({
      id: batch,
      owner: options.owner,
      expires_at: databaseNowPlus(options.leaseMs),
      created_at: sql<Date>`UTC_TIMESTAMP(3)`,
    })
    .execute();
  await trx
    .updateTable('message')
    .set((eb) => ({
      status: 'sending',
      updated_at: options.now,
      attempts: eb('attempts', '+', 1),
      batch_id: batch,
    }))
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  for (const row of rows) row.attempts = Number(row.attempts) + 1;
  return { batch, messages: rows };
}

/**
 * The heartbeat: extends `batch`'s lease to `leaseMs` from the database's now — only while
 * it is still alive (an expired batch may already have lost messages to another
 * dispatcher, and must stay dead). Returns whether it was renewed.
 */
export async function renewBatch(
  db: Kysely<Database>,
  batch: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('dispatch_batch')
    .set({ expires_at: databaseNowPlus(leaseMs) })
    .where('id', '=', batch)
    .where('expires_at', '>=', sql<Date>`UTC_TIMESTAMP(3)`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The batch is done: every message it claimed was finished or given back (or taken over),
 * so none points to it any more; its row goes.
 */
export async function closeBatch(db: Kysely<Database>, batch: string): Promise<void> {
  await db.deleteFrom('dispatch_batch').where('id', '=', batch).execute();
}

/**
 * Ends `batch`'s hold on those of `ids` that still point to it, with `set`. Returns how
 * many changed (every matched row changes: `batch_id` becomes NULL).
 */
export async function finishHeld(
  db: Kysely<Database>,
  batch: string,
  ids: readonly string[],
  set: MessageUpdate,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('message')
    .set(set)
    .set({ batch_id: null })
    .where('id', 'in', ids)
    .where('batch_id', '=', batch)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Gives messages back to the queue untouched (still due as before), the claim's attempt
 * given back: the customer service could not answer, or the dispatcher is stopping
 * before it started them. Only those `batch` still holds. Returns how many.
 */
export function releaseMessages(
  db: Kysely<Database>,
  batch: string,
  ids: readonly string[],
): Promise<number> {
  return finishHeld(db, batch, ids, (eb) => ({ attempts: eb('attempts', '-', 1) }));
}

/** The ids among `ids` that `batch` still holds, locked until the transaction ends. */
export function heldBy(
  trx: Transaction<Database>,
  batch: string,
  ids: readonly string[],
): Promise<string[]> {
  return idsAmong(trx, ids, (eb) => eb('batch_id', '=', batch), { forUpdate: true });
}

/**
 * The stale-claim sweep: gives back the messages of batches whose lease expired (their
 * dispatcher died or lost the database), then deletes those batches. Claims already take
 * such messages over at the next poll; the sweep reports them and keeps the batch table
 * small. Reads only the batch table when nothing expired; otherwise the held messages
 * are found among the queued ones (`due_at IS NOT NULL`: no index on `batch_id`, which
 * every claim and completion would move). Returns how many messages it released.
 */
export async function releaseStaleLocks(db: Kysely<Database>): Promise<number> {
  const dead = (await deadBatches(db).execute()).map((row) => row.id);
  if (dead.length === 0) return 0;
  const result = await db
    .updateTable('message')
    .set({ batch_id: null })
    .where('due_at', 'is not', null)
    .where('batch_id', 'in', dead)
    .executeTakeFirst();
  await db.deleteFrom('dispatch_batch').where('id', 'in', dead).execute();
  return Number(result.numUpdatedRows);
}
