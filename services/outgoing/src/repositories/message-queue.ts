import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { MessageRow } from '../db/message.table.ts';
import type { MessageStatus } from '../domain/message-status.ts';

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
>;

/**
 * Claims up to `limit` messages due at `now` (the clock's time, never the database's)
 * and not held by anyone: `SELECT … FOR UPDATE SKIP LOCKED` in due order, then, in the
 * same transaction, marks them `sending`, `attempts + 1`, `locked_by = owner`,
 * `locked_at` = the server's real time (leases are measured in real time, even under a
 * test clock). Rows another dispatcher is claiming right now are skipped (SKIP LOCKED),
 * rows it holds are filtered out (`locked_by`), so no message is held by two dispatchers
 * at once. `due_at` is left as it is: a claim touches no secondary index, which halves
 * the index work per delivery (README, "Design note"). `attempts` in the result is the
 * new value.
 */
export async function claimDueMessages(
  trx: Transaction<Database>,
  options: { owner: string; now: Date; limit: number },
): Promise<ClaimedMessage[]> {
  if (options.limit <= 0) return [];
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
      'attempts',
      'trace_parent',
    ])
    .where('due_at', '<=', options.now)
    .where('locked_by', 'is', null)
    .orderBy('due_at')
    .limit(options.limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  await trx
    .updateTable('message')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      locked_by: options.owner,
      locked_at: sql<Date>`UTC_TIMESTAMP(3)`,
      updated_at: options.now,
    }))
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => ({ ...row, attempts: row.attempts + 1 }));
}

/**
 * Marks messages delivered at their own attempt instants; only those this owner still
 * holds. Returns how many.
 */
export async function markDelivered(
  db: Kysely<Database>,
  owner: string,
  items: readonly { id: string; at: Date }[],
): Promise<number> {
  const [first] = items;
  if (first === undefined) return 0;
  const sameInstant = items.every((item) => item.at.getTime() === first.at.getTime());
  const at = sameInstant
    ? sql<Date>`${first.at}`
    : sql<Date>`CASE id ${sql.join(
        items.map((item) => sql`WHEN ${item.id} THEN ${item.at}`),
        sql` `,
      )} END`;
  const result = await db
    .updateTable('message')
    .set({
      status: 'delivered',
      due_at: null,
      delivered_at: at,
      finished_at: at,
      last_attempt_at: at,
      last_error: null,
      locked_by: null,
      locked_at: null,
      updated_at: at,
    })
    .where(
      'id',
      'in',
      items.map((item) => item.id),
    )
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Ends messages without a delivery attempt (`cancelled`, `expired`, `unreachable`): the
 * claim's attempt is given back. Only those this owner holds.
 */
export async function finishWithoutAttempt(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
  status: Extract<MessageStatus, 'cancelled' | 'expired' | 'unreachable'>,
  at: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('message')
    .set((eb) => ({
      status,
      attempts: eb('attempts', '-', 1),
      due_at: null,
      finished_at: at,
      locked_by: null,
      locked_at: null,
      updated_at: at,
    }))
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Moves messages to a new time (the next opening of their window), without counting an
 * attempt: `scheduled`, due at that time or at their expiry if earlier, in the customer's
 * current zone.
 */
export async function rescheduleMessages(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
  change: { at: Date; timeZone: string; now: Date },
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('message')
    .set((eb) => ({
      status: 'scheduled',
      scheduled_for: change.at,
      due_at: sql<Date>`CASE WHEN expires_at IS NOT NULL AND expires_at < ${change.at} THEN expires_at ELSE ${change.at} END`,
      time_zone: change.timeZone,
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_at: null,
      updated_at: change.now,
    }))
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Gives messages back to the queue untouched (still due as before), the claim's attempt
 * given back: the customer service could not answer, or the dispatcher is stopping
 * before it started them.
 */
export async function releaseMessages(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('message')
    .set((eb) => ({
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_at: null,
    }))
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** After a failed attempt: due again at `retryAt` (still `sending`), or `failed` for good. */
export async function recordFailedAttempt(
  db: Kysely<Database>,
  owner: string,
  id: string,
  outcome: { retryAt: Date | null; error: string; at: Date },
): Promise<number> {
  const result = await db
    .updateTable('message')
    .set({
      status: outcome.retryAt === null ? 'failed' : 'sending',
      due_at: outcome.retryAt,
      finished_at: outcome.retryAt === null ? outcome.at : null,
      last_attempt_at: outcome.at,
      last_error: outcome.error.slice(0, 500),
      locked_by: null,
      locked_at: null,
      updated_at: outcome.at,
    })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Renews this owner's claims on messages it still holds (a batch delivering to a slow
 * receiver must not look dead to the other replicas' stale-claim sweep).
 */
export async function renewClaims(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('message')
    .set({ locked_at: sql<Date>`UTC_TIMESTAMP(3)` })
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .execute();
}

/**
 * Releases claims older than `lockTimeoutMs` of real time (the server's clock): their
 * dispatcher died or hung. They are due again at once (`due_at` never changed); the
 * attempt the dead claim counted stays counted, since it may have reached the receiver.
 * Held messages are found among the queued ones (`due_at IS NOT NULL`), so no index on
 * the lock columns is needed (none is churned by every claim). Returns how many.
 */
export async function releaseStaleLocks(
  db: Kysely<Database>,
  lockTimeoutMs: number,
): Promise<number> {
  const result = await db
    .updateTable('message')
    .set({ locked_by: null, locked_at: null })
    .where('due_at', 'is not', null)
    .where('locked_by', 'is not', null)
    .where(
      'locked_at',
      '<',
      sql<Date>`UTC_TIMESTAMP(3) - INTERVAL ${lockTimeoutMs * 1000} MICROSECOND`,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
