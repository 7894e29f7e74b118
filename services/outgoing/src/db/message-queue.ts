import { WorkQueue } from '@screenmagic/service-kit';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { MessageRow } from './message.table.ts';
import { idsAmong } from './recorded-change.ts';

/**
 * The message table as the kit's work queue: `due_at` is the queue, a claim leases the
 * row on the database's clock (README, "Leases"). Every write below changes only rows
 * the owner still holds.
 */
export const messageQueue = new WorkQueue<Database, 'message'>({ table: 'message', key: 'id' });

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

/** Whether a claim at `now` would find a message (one plain read: see WorkQueue.anyClaimable). */
export function anyDueMessages(
  db: Kysely<Database>,
  options: { now: Date; leaseMs: number },
): Promise<boolean> {
  return messageQueue.anyClaimable(db, options);
}

/**
 * Claims up to `limit` messages due at `now` (the clock's time, never the database's)
 * and not held by anyone — or held under a lease that expired `leaseMs` ago (its
 * dispatcher died) — in due order, in the caller's READ COMMITTED transaction, and marks
 * them `sending`. `due_at` is left as it is, so a claim moves the queue index entry only
 * when the status changes (`scheduled` → `sending`; README, "Design note"). `attempts` in the result
 * is the new value.
 */
export function claimDueMessages(
  trx: Transaction<Database>,
  options: { owner: string; now: Date; limit: number; leaseMs: number },
): Promise<ClaimedMessage[]> {
  return messageQueue.claimIn(trx, {
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
      'due_at',
      'scheduled_for',
    ],
    set: { status: 'sending', updated_at: options.now },
  });
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
  return messageQueue.release(db, owner, ids);
}

/** The heartbeat: renews this owner's leases on messages it still holds. */
export function renewClaims(
  db: Kysely<Database>,
  owner: string,
  ids: readonly string[],
): Promise<number> {
  return messageQueue.renew(db, owner, ids);
}

/**
 * The stale-claim sweep: releases claims whose lease expired `leaseMs` ago on the
 * database's clock. Held messages are found among the queued ones (`due_at IS NOT
 * NULL`), so no index on the lock columns is needed (none is churned by every claim).
 */
export function releaseStaleLocks(db: Kysely<Database>, leaseMs: number): Promise<number> {
  return messageQueue.releaseExpired(db, leaseMs);
}

/** The ids among `ids` that `owner` still holds, locked until the transaction ends. */
export function heldBy(
  trx: Transaction<Database>,
  owner: string,
  ids: readonly string[],
): Promise<string[]> {
  return idsAmong(trx, ids, (eb) => eb('locked_by', '=', owner), { forUpdate: true });
}
