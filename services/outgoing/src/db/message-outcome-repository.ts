import { localDateOf } from '@screenmagic/hours-window';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { HistoryReason } from '../domain/message-history.ts';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';
import type { HistoryCopy, MessageHistory } from './message-history-repository.ts';
import { instantById } from './instant-by-id.ts';
import { finishHeld, heldBy, type MessageUpdate, releaseMessages } from './message-queue.ts';
import { changeRecorded, endedColumns, givingBackAttempt, idsAmong } from './recorded-change.ts';

/*
 * How a dispatcher ends its claims: every status change is written together with the
 * history entry that explains it (SPEC §5), in one transaction. `batch` is the claimed
 * batch (`dispatch_batch.id`) that holds the messages: only rows still pointing to it change.
 */

/** Some of the messages were no longer the batch's: the optimistic completion is undone. */
class TakenOver extends Error {}

/**
 * Finishes `batch`'s claims on `ids` with `set` and records `copy` in their history, in one
 * transaction. Usually every message is still the batch's (its lease is renewed while it
 * runs), so the completion is one `UPDATE … WHERE batch_id = :batch` and the history
 * insert — no locking read first. If that changed fewer rows (the lease had expired and
 * another dispatcher took some), the transaction is rolled back and done again the careful
 * way: the rows still held are locked first, and only those change and get an entry (a
 * claim taken over is the other dispatcher's to record).
 */
async function finishRecorded(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  ids: readonly string[],
  set: MessageUpdate,
  copy: HistoryCopy,
): Promise<number> {
  if (ids.length === 0) return 0;
  const apply = async (trx: Transaction<Database>, held: readonly string[]) => {
    if ((await finishHeld(trx, batch, held, set)) !== held.length) throw new TakenOver();
  };
  try {
    const finished = await changeRecorded(db, history, {
      lock: () => Promise.resolve([...ids]),
      apply,
      copy,
    });
    return finished.length;
  } catch (error) {
    if (!(error instanceof TakenOver)) throw error;
    const finished = await changeRecorded(db, history, {
      lock: (trx) => heldBy(trx, batch, ids),
      apply,
      copy,
    });
    return finished.length;
  }
}

/** Marks messages delivered at their own attempt instants (history: `delivered`). Returns how many. */
export function markDelivered(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  items: readonly { id: string; at: Date }[],
): Promise<number> {
  if (items.length === 0) return Promise.resolve(0);
  // Each message's own attempt instant (one expression, log2 n comparisons a row), written
  // once: the other instants copy the new `delivered_at` (a single-table UPDATE assigns
  // left to right; docs/decisions.md, "One instant expression per completion").
  const at = instantById(items);
  const deliveredAt = sql<Date>`delivered_at`;
  return finishRecorded(
    db,
    history,
    batch,
    items.map((item) => item.id),
    {
      status: 'delivered',
      status_reason: 'IN_WINDOW',
      status_detail: null,
      deferred_reason: null,
      due_at: null,
      delivered_at: at,
      finished_at: deliveredAt,
      last_attempt_at: deliveredAt,
      last_error: null,
      updated_at: deliveredAt,
    },
    { event: 'delivered' },
  );
}

/**
 * Ends messages without a delivery attempt (`cancelled`, `expired`, `unreachable`, `suppressed`) for
 * `reason`: the claim's attempt is given back; the history says why.
 */
export function finishWithoutAttempt(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  ids: readonly string[],
  outcome: {
    status: Extract<MessageStatus, 'cancelled' | 'expired' | 'unreachable' | 'suppressed'>;
    reason: HistoryReason;
    detail?: string | null;
    at: Date;
  },
): Promise<number> {
  return finishRecorded(
    db,
    history,
    batch,
    ids,
    givingBackAttempt(
      endedColumns({
        status: outcome.status,
        reason: outcome.reason,
        detail: outcome.detail ?? null,
        at: outcome.at,
      }),
    ),
    { event: outcome.status },
  );
}

/**
 * Moves messages to a new time (the next opening of their window), without counting an
 * attempt: `scheduled`, due at that time or at their expiry if earlier, in the customer's
 * current zone (and on that zone's day of it, what acceptance's cap counts); the history
 * says `rescheduled` and why.
 */
export function rescheduleMessages(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  ids: readonly string[],
  change: { at: Date; timeZone: string; now: Date; reason: HistoryReason; detail: string | null },
): Promise<number> {
  return finishRecorded(
    db,
    history,
    batch,
    ids,
    givingBackAttempt({
      status: 'scheduled',
      status_reason: change.reason,
      status_detail: change.detail,
      deferred_reason: null,
      scheduled_for: change.at,
      // The day the cap counts at acceptance moves with the message.
      local_day: localDateOf(change.at, change.timeZone),
      due_at: sql<Date>`CASE WHEN expires_at IS NOT NULL AND expires_at < ${change.at} THEN expires_at ELSE ${change.at} END`,
      time_zone: change.timeZone,
      updated_at: change.now,
    }),
    { event: 'rescheduled' },
  );
}

/**
 * After a failed attempt: due again at `retryAt` (still `sending`; history `deferred`,
 * DELIVERY_FAILED, with the error and the retry time), or `failed` for good.
 */
export function recordFailedAttempt(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  id: string,
  outcome: { retryAt: Date | null; error: string; at: Date },
): Promise<number> {
  const retry = outcome.retryAt !== null;
  const error = outcome.error.slice(0, 500);
  return finishRecorded(
    db,
    history,
    batch,
    [id],
    retry
      ? {
          status: 'sending',
          deferred_reason: 'DELIVERY_FAILED',
          due_at: outcome.retryAt,
          finished_at: null,
          last_attempt_at: outcome.at,
          last_error: error,
          updated_at: outcome.at,
        }
      : {
          ...endedColumns({
            status: 'failed',
            reason: 'DELIVERY_FAILED',
            detail: error,
            at: outcome.at,
          }),
          last_attempt_at: outcome.at,
          last_error: error,
        },
    { event: retry ? 'deferred' : 'failed', detail: 'last_error' },
  );
}

/**
 * Gives `batch`'s claims back untouched (still due as before, the attempt given back)
 * because they must wait for `reason` (the customer service cannot answer): the history
 * gets one `deferred` entry per wait — messages already waiting for the same reason get
 * none, however many polls the wait lasts.
 */
export function deferMessages(
  db: Kysely<Database>,
  history: MessageHistory,
  batch: string,
  ids: readonly string[],
  wait: { reason: HistoryReason; at: Date; detail: string },
): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      const held = await heldBy(trx, batch, ids);
      const fresh = await markDeferred(trx, held, wait);
      await history.record(
        trx,
        { ids: fresh },
        { event: 'deferred', detail: { text: wait.detail } },
      );
      return releaseMessages(trx, batch, held);
    });
}

/**
 * Sets `deferred_reason` on those of `ids` not already waiting for that reason (and
 * `updated_at`, the entry's instant). Returns those it set.
 */
export async function markDeferred(
  trx: Transaction<Database>,
  ids: readonly string[],
  wait: { reason: HistoryReason; at: Date },
): Promise<string[]> {
  const fresh = await idsAmong(
    trx,
    ids,
    (eb) => eb.or([eb('deferred_reason', 'is', null), eb('deferred_reason', '!=', wait.reason)]),
    { forUpdate: false },
  );
  if (fresh.length > 0) {
    await trx
      .updateTable('message')
      .set({ deferred_reason: wait.reason, updated_at: wait.at })
      .where('id', 'in', fresh)
      .execute();
  }
  return fresh;
}

/**
 * The rate cap held back messages that are due (SPEC §3 `DISPATCH_RATE_PER_SECOND`): gives
 * up to `limit` of them, in due order from `from` on, a `deferred` RATE_LIMITED entry —
 * only those not already waiting for the cap, so a wait of many polls is recorded once.
 * Returns the `due_at` of the last one marked (where the next call may start), or null.
 */
export function deferHeldByRate(
  db: Kysely<Database>,
  history: MessageHistory,
  wait: { now: Date; from: Date | null; limit: number },
): Promise<Date | null> {
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      let query = trx
        .selectFrom('message')
        .select(['id', 'due_at'])
        .where('due_at', '<=', wait.now)
        .where('batch_id', 'is', null)
        .where((eb) =>
          eb.or([eb('deferred_reason', 'is', null), eb('deferred_reason', '!=', 'RATE_LIMITED')]),
        );
      if (wait.from !== null) query = query.where('due_at', '>=', wait.from);
      const rows = await query
        .orderBy('due_at')
        .limit(wait.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      const ids = rows.map((row) => row.id);
      const fresh = await markDeferred(trx, ids, { reason: 'RATE_LIMITED', at: wait.now });
      await history.record(
        trx,
        { ids: fresh },
        {
          event: 'deferred',
          detail: { text: 'held back by DISPATCH_RATE_PER_SECOND: sent as the cap allows' },
        },
      );
      return rows.at(-1)?.due_at ?? null;
    });
}
