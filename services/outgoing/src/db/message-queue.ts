import { WorkQueue } from '@screenmagic/service-kit';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { MessageRow } from './message.table.ts';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';

/**
 * The message table as the kit's work queue: `due_at` is the queue, a claim leases the
 * row on the database's clock (README, "Leases"). Every write below changes only rows
 * the owner still holds.
 */
const queue = new WorkQueue<Database, 'message'>({ table: 'message', key: 'id' });

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
>;

/**
 * Claims up to `limit` messages due at `now` (the clock's time, never the database's)
 * and not held by anyone — or held under a lease that expired `leaseMs` ago (its
 * dispatcher died) — in due order, in the caller's READ COMMITTED transaction, and marks
 * them `sending`. `due_at` is left as it is, so a claim moves the queue index entry only
 * when the status changes (`scheduled` → `sending`; README, "Design note"). `attempts` in the result
 * is the new value.
 */
/** Whether a claim at `now` would find a message (one plain read: see WorkQueue.anyClaimable). */
export function anyDueMessages(
  db: Kysely<Database>,
  options: { now: Date; leaseMs: number },
): Promise<boolean> {
  return queue.anyClaimable(db, options);
}

export function claimDueMessages(
  trx: Transaction<Database>,
  options: { owner: string; now: Date; limit: number; leaseMs: number },
): Promise<ClaimedMessage[]> {
  return queue.claimIn(trx, {
    owner: options.owner,
    now: options.now,
    limit: options.limit,
    leaseMs: options.leaseMs,
    columns: [
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
    ],
    set: { status: 'sending', updated_at: options.now },
  });
}

/** Marks messages delivered at their own attempt instants. Returns how many. */
export function markDelivered(
  db: Kysely<Database>,
  owner: string,
  items: readonly { id: string; at: Date }[],
): Promise<number> {
  const [first] = items;
  if (first === undefined) return Promise.resolve(0);
  const sameInstant = items.every((item) => item.at.getTime() === first.at.getTime());
  const at = sameInstant
    ? sql<Date>`${first.at}`
    : sql<Date>`CASE id ${sql.join(
        items.map((item) => sql`WHEN ${item.id} THEN ${item.at}`),
        sql` `,
      )} END`;
  return queue.finish(
    db,
    owner,
    items.map((item) => item.id),
    {
      status: 'delivered',
      due_at: null,
      delivered_at: at,
      finished_at: at,
      last_attempt_at: at,
      last_error: null,
      updated_at: at,
    },
  );
}

/**
 * Ends messages without a delivery attempt (`cancelled`, `expired`, `unreachable`): the
 * claim's attempt is given back.
 */
export function finishWithoutAttempt(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
  status: Extract<MessageStatus, 'cancelled' | 'expired' | 'unreachable' | 'suppressed'>,
  at: Date,
): Promise<number> {
  return queue.finish(db, owner, ids, (eb) => ({
    status,
    attempts: eb('attempts', '-', 1),
    due_at: null,
    finished_at: at,
    updated_at: at,
  }));
}

/**
 * Moves messages to a new time (the next opening of their window), without counting an
 * attempt: `scheduled`, due at that time or at their expiry if earlier, in the customer's
 * current zone.
 */
export function rescheduleMessages(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
  change: { at: Date; timeZone: string; now: Date },
): Promise<number> {
  return queue.finish(db, owner, ids, (eb) => ({
    status: 'scheduled',
    scheduled_for: change.at,
    due_at: sql<Date>`CASE WHEN expires_at IS NOT NULL AND expires_at < ${change.at} THEN expires_at ELSE ${change.at} END`,
    time_zone: change.timeZone,
    attempts: eb('attempts', '-', 1),
    updated_at: change.now,
  }));
}

/**
 * Gives messages back to the queue untouched (still due as before), the claim's attempt
 * given back: the customer service could not answer, or the dispatcher is stopping
 * before it started them.
 */
export function releaseMessages(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
): Promise<number> {
  return queue.release(db, owner, ids);
}

/** After a failed attempt: due again at `retryAt` (still `sending`), or `failed` for good. */
export function recordFailedAttempt(
  db: Kysely<Database>,
  owner: string,
  id: string,
  outcome: { retryAt: Date | null; error: string; at: Date },
): Promise<number> {
  return queue.finish(db, owner, [id], {
    status: outcome.retryAt === null ? 'failed' : 'sending',
    due_at: outcome.retryAt,
    finished_at: outcome.retryAt === null ? outcome.at : null,
    last_attempt_at: outcome.at,
    last_error: outcome.error.slice(0, 500),
    updated_at: outcome.at,
  });
}

/** The heartbeat: renews this owner's leases on messages it still holds. */
export function renewClaims(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
): Promise<number> {
  return queue.renew(db, owner, ids);
}

/**
 * The stale-claim sweep: releases claims whose lease expired `leaseMs` ago on the
 * database's clock. Held messages are found among the queued ones (`due_at IS NOT
 * NULL`), so no index on the lock columns is needed (none is churned by every claim).
 */
export function releaseStaleLocks(db: Kysely<Database>, leaseMs: number): Promise<number> {
  return queue.releaseExpired(db, leaseMs);
}
