import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { MessageStatus } from '@screenmagic/service-kit/contracts';
import type { Category } from '../domain/recipient-planner.ts';
import type { HistoryReason } from '../domain/message-history.ts';
import type { MessageKind } from '../domain/message-status.ts';

/**
 * One delivery: a broadcast recipient or an order confirmation. `due_at` is the queue:
 * the instant a dispatcher should next pick the message up (its scheduled time, a retry's
 * time, or its expiry, whichever comes first), NULL once final. A claim points the row to
 * its batch (`batch_id`: the `dispatch_batch` row that holds the lease) and leaves `due_at`.
 */
export interface MessageTable {
  id: string;
  kind: MessageKind;
  broadcast_id: string | null;
  order_id: string | null;
  customer_id: string;
  /** The customer's name at acceptance (recipient lists). */
  customer_name: string;
  /** The customer's zone, for `scheduledForLocal`; refreshed when the dispatcher reschedules. */
  time_zone: string;
  /** Order confirmations carry their text; broadcast recipients use the broadcast's. */
  text: string | null;
  /** 1: only inside the delivery window; 0: at once (a reply to a customer who just wrote). */
  hold_to_window: number;
  status: MessageStatus;
  scheduled_for: Date | null;
  due_at: Date | null;
  expires_at: Date | null;
  attempts: number;
  last_attempt_at: Date | null;
  last_error: string | null;
  delivered_at: Date | null;
  finished_at: Date | null;
  /** The claimed batch holding the message (`dispatch_batch.id`); NULL when nobody holds it. */
  batch_id: string | null;
  created_at: Date;
  updated_at: Date;
  /** Order updates: the n-th correction of the order (0 for everything else). */
  revision: ColumnType<number, number | undefined, number>;
  /** Order confirmations: the traceparent of the request that created it (broadcast messages use the broadcast's). */
  trace_parent: ColumnType<string | null, string | null | undefined, string | null>;
  /** marketing: needs consent, counts against the cap; broadcasts carry their own. */
  category: ColumnType<Category, Category | undefined, Category>;
  /** The customer-local date of `scheduled_for` (`YYYY-MM-DD`), what the cap counts. */
  local_day: ColumnType<string | null, string | null | undefined, string | null>;
  /** A reply: the inbound message it answers. */
  inbound_message_id: ColumnType<string | null, string | null | undefined, never>;
  /** Why the message has its status (the newest history entry's reason); NULL before history existed. */
  status_reason: ColumnType<
    HistoryReason | null,
    HistoryReason | null | undefined,
    HistoryReason | null
  >;
  /** The closure, error or request behind `status_reason`, if any. */
  status_detail: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why the message is waiting now (recorded once per wait); NULL when it is not held back. */
  deferred_reason: ColumnType<
    HistoryReason | null,
    HistoryReason | null | undefined,
    HistoryReason | null
  >;
}

export type MessageRow = Selectable<MessageTable>;
export type NewMessageRow = Insertable<MessageTable>;
