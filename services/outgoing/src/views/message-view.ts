import { formatLocal } from '@screenmagic/hours-window';
import type { HistoryEntry } from '../domain/delivered-entry.ts';
import type { MessageRow } from '../db/message.table.ts';
import type {
  HistoryEntryView,
  MessageSummary,
  MessageView,
  Recipient,
} from '../schemas/message.ts';

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

/** `scheduledFor` in the customer's zone (the zone the message was last scheduled in). */
function localOf(row: Pick<MessageRow, 'scheduled_for' | 'time_zone'>): string | null {
  return row.scheduled_for === null ? null : formatLocal(row.scheduled_for, row.time_zone);
}

export function recipientView(row: MessageRow): Recipient {
  return {
    messageId: row.id,
    customerId: row.customer_id,
    name: row.customer_name,
    status: row.status,
    scheduledFor: iso(row.scheduled_for),
    scheduledForLocal: localOf(row),
    attempts: row.attempts,
    lastAttemptAt: iso(row.last_attempt_at),
    deliveredAt: iso(row.delivered_at),
  };
}

/** A message as `GET /v1/messages/{id}` shows it; `text` is the broadcast's for its recipients. */
export function messageView(
  row: MessageRow,
  broadcastText: string | null,
  history: readonly HistoryEntry[],
): MessageView {
  const pending = row.status === 'scheduled' || row.status === 'sending';
  return {
    messageId: row.id,
    id: row.id,
    kind: row.kind,
    broadcastId: row.broadcast_id,
    orderId: row.order_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    text: row.text ?? broadcastText ?? '',
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    scheduledFor: iso(row.scheduled_for),
    scheduledForLocal: localOf(row),
    timeZone: row.time_zone,
    nextAttemptAt: pending ? iso(row.due_at) : null,
    lastAttemptAt: iso(row.last_attempt_at),
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
    finishedAt: iso(row.finished_at),
    expiresAt: iso(row.expires_at),
    category: row.category,
    inboundMessageId: row.inbound_message_id,
    statusReason: row.status_reason,
    history: history.map((entry) => historyEntryView(entry, row.time_zone)),
  };
}

/** A history entry; `scheduledForLocal` in the customer's zone as the message knows it. */
export function historyEntryView(entry: HistoryEntry, timeZone: string): HistoryEntryView {
  return {
    at: entry.at.toISOString(),
    event: entry.event,
    reason: entry.reason,
    ...(entry.scheduled_for === null
      ? {}
      : {
          scheduledFor: entry.scheduled_for.toISOString(),
          scheduledForLocal: formatLocal(entry.scheduled_for, timeZone),
        }),
    ...(entry.detail === null || entry.detail === '' ? {} : { detail: entry.detail }),
  };
}

/** A message as `GET /v1/messages` lists it. */
export function messageSummaryView(row: MessageRow): MessageSummary {
  return {
    messageId: row.id,
    kind: row.kind,
    broadcastId: row.broadcast_id,
    orderId: row.order_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    status: row.status,
    statusReason: row.status_reason,
    attempts: row.attempts,
    scheduledFor: iso(row.scheduled_for),
    scheduledForLocal: localOf(row),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
  };
}
