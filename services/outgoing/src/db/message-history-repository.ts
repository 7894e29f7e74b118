import { currentTraceparent, databaseEventId } from '@screenmagic/service-kit';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { MessageEventRow } from './message-event.table.ts';
import {
  type HistoryEntry,
  historyWithDelivery,
  ROW_DERIVED_EVENT,
} from '../domain/delivered-entry.ts';
import type { HistoryEvent } from '../domain/message-history.ts';
import type { MessageRow } from './message.table.ts';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';

/** Which messages an entry is recorded for. */
export type HistorySelection =
  /** These messages (the caller changed them in this transaction). */
  | { readonly ids: readonly string[] }
  /** Every message of the broadcast (its acceptance). */
  | { readonly broadcastId: string }
  /**
   * The broadcast's messages now in `status` that have no `event` entry yet: those this
   * transaction just moved there (a final status is reached once).
   */
  | { readonly broadcastId: string; readonly newlyIn: MessageStatus; readonly event: HistoryEvent };

export interface HistoryCopy {
  /**
   * The event; `from-status` (acceptance) derives it from the status: `sending` and
   * `scheduled` start as `scheduled`, `unreachable` and `suppressed` as themselves.
   */
  readonly event: HistoryEvent | 'from-status';
  /**
   * Where the entry's detail comes from: the row's `status_detail` (default), its
   * `last_error` (a failed delivery), or this text.
   */
  readonly detail?: 'status_detail' | 'last_error' | { readonly text: string };
}

/** Rows per statement when recording for a list of ids. */
const IDS_PER_STATEMENT = 1_000;

/**
 * Records history entries (SPEC §5) by copying each message's state into `message_event`
 * with one `INSERT … SELECT`, in the caller's transaction, right after the caller changed
 * the rows: `at` is the row's `updated_at`, `reason` its `status_reason` (for `deferred`,
 * its `deferred_reason`), `scheduledFor` its `scheduled_for` for `scheduled` and
 * `rescheduled` and its `due_at` (the retry) for `deferred`. So every writer keeps the
 * rule "set status, status_reason and updated_at together", and a broadcast to 100,000
 * customers records its history in one statement, without the rows passing through Node.
 */
export class MessageHistory {
  readonly #events: boolean;

  /**
   * @param options.events true when `EVENTS_WEBHOOK_URL` is set: each entry that is a
   *   status change is also written to the outbox (SPEC §7) by the same kind of statement.
   */
  constructor(options: { events: boolean }) {
    this.#events = options.events;
  }

  /**
   * Records `copy` for the selected messages. Returns how many entries were written: none
   * for `delivered`, whose entry is the row's (`domain/delivered-entry`) — its status event
   * still goes to the outbox.
   */
  async record(
    trx: Transaction<Database>,
    selection: HistorySelection,
    copy: HistoryCopy,
  ): Promise<number> {
    if ('ids' in selection) {
      let written = 0;
      for (let i = 0; i < selection.ids.length; i += IDS_PER_STATEMENT) {
        const ids = selection.ids.slice(i, i + IDS_PER_STATEMENT);
        written += await this.#copy(trx, sql`m.id IN (${sql.join(ids)})`, copy);
      }
      return written;
    }
    if ('newlyIn' in selection) {
      return this.#copy(
        trx,
        sql`m.broadcast_id = ${selection.broadcastId} AND m.status = ${selection.newlyIn}
          AND NOT EXISTS (SELECT 1 FROM message_event e
                          WHERE e.message_id = m.id AND e.event = ${selection.event})`,
        copy,
      );
    }
    return this.#copy(trx, sql`m.broadcast_id = ${selection.broadcastId}`, copy);
  }

  async #copy(
    trx: Transaction<Database>,
    where: RawBuilder<unknown>,
    copy: HistoryCopy,
  ): Promise<number> {
    const event =
      copy.event === 'from-status'
        ? sql`CASE m.status WHEN 'sending' THEN 'scheduled' ELSE m.status END`
        : sql`${copy.event}`;
    const reason =
      copy.event === 'deferred'
        ? sql`COALESCE(m.deferred_reason, m.status_reason, 'IN_WINDOW')`
        : sql`COALESCE(m.status_reason, 'IN_WINDOW')`;
    const scheduledFor =
      copy.event === 'deferred'
        ? sql`m.due_at`
        : copy.event === 'scheduled' || copy.event === 'rescheduled' || copy.event === 'from-status'
          ? sql`m.scheduled_for`
          : sql`NULL`;
    const source = copy.detail ?? 'status_detail';
    const detail =
      source === 'status_detail'
        ? sql`m.status_detail`
        : source === 'last_error'
          ? sql`m.last_error`
          : sql`${source.text}`;
    // The events first: a `newlyIn` selection no longer matches once the entries exist.
    if (this.#events && copy.event !== 'deferred') await this.#publish(trx, where, event, reason);
    if (copy.event === ROW_DERIVED_EVENT) return 0;
    const result = await sql`
      INSERT INTO message_event (message_id, at, event, reason, scheduled_for, detail)
      SELECT m.id, m.updated_at, ${event}, ${reason}, ${scheduledFor}, ${detail}
      FROM message m WHERE ${where}`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  }

  /**
   * The status events (SPEC §7) of the same change, into the outbox: `message.<event>`
   * with `{messageId, broadcastId | orderId | inboundMessageId, customerId, status,
   * scheduledFor?, reason}` (nulls are dropped when sent). `inboundMessageId` is an added
   * field (SPEC §7 allows them): a reply (`kind: "reply"`) has neither a broadcast nor an
   * order, and the text it answers is what ties it to anything, as in its delivery payload.
   * A message accepted as `sending` (delivered at once) gets no `message.scheduled`. Each
   * event's POST continues the message's trace, as its delivery does: the one stored with
   * it (its broadcast's, for a broadcast's recipients — the request that created it), else
   * the trace of the request making this change. Not the active trace first: a
   * dispatcher's batch may run in the context of whatever woke it (a request for another
   * broadcast, the test clock's run-due), not the message's.
   */
  async #publish(
    trx: Transaction<Database>,
    where: RawBuilder<unknown>,
    event: RawBuilder<unknown>,
    reason: RawBuilder<unknown>,
  ): Promise<void> {
    const instant = (column: RawBuilder<unknown>) =>
      sql`CONCAT(LEFT(DATE_FORMAT(${column}, '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')`;
    const active = currentTraceparent() ?? null;
    await sql`
      INSERT INTO event_outbox (event_id, type, stream, occurred_at, data, due_at, trace_parent)
      SELECT ${databaseEventId}, CONCAT('message.', ${event}), m.id, m.updated_at,
        JSON_OBJECT('messageId', m.id, 'broadcastId', m.broadcast_id, 'orderId', m.order_id,
          'inboundMessageId', m.inbound_message_id, 'customerId', m.customer_id, 'status', m.status,
          'scheduledFor', CASE WHEN m.status IN ('scheduled', 'sending')
                               THEN ${instant(sql`m.scheduled_for`)} END,
          'reason', ${reason}),
        UTC_TIMESTAMP(3),
        COALESCE(m.trace_parent,
          (SELECT b.trace_parent FROM broadcast b WHERE b.id = m.broadcast_id), ${active})
      FROM message m WHERE ${where}
        AND NOT (${event} = 'scheduled' AND m.status = 'sending')`.execute(trx);
  }
}

/** A message's history, oldest first: its stored entries and, once delivered, its row's. */
export async function listHistory(
  db: Kysely<Database>,
  message: MessageRow,
): Promise<Array<MessageEventRow | HistoryEntry>> {
  const stored = await db
    .selectFrom('message_event')
    .selectAll()
    .where('message_id', '=', message.id)
    .orderBy('id')
    .execute();
  return historyWithDelivery(stored, message);
}
