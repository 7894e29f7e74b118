import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import type { Category } from '../domain/recipient-planner.ts';
import type { HistoryReason } from '../domain/message-history.ts';
import type { MessageKind } from '../domain/message-status.ts';
import type { NewMessageRow } from './message.table.ts';

/** The planned first state of a message: what a planner (or "at once") decided. */
export interface FirstState {
  readonly status: NewMessageRow['status'];
  readonly reason: HistoryReason;
  readonly reasonDetail: string | null;
  readonly scheduledFor: Date | null;
  readonly dueAt: Date | null;
}

/** What a new message is made of; the optional parts default as the comments say. */
export interface NewMessage {
  readonly id: string;
  readonly kind: MessageKind;
  readonly customer: Pick<CustomerRecord, 'id' | 'name' | 'timeZone'>;
  readonly plan: FirstState;
  /** `created_at` and `updated_at`. */
  readonly now: Date;
  /** Default null. */
  readonly broadcastId?: string | null;
  /** Default null. */
  readonly orderId?: string | null;
  /** Default null (a broadcast's messages use the broadcast's text). */
  readonly text?: string | null;
  /** Default true: only inside the delivery window. */
  readonly holdToWindow?: boolean;
  /** Default null. */
  readonly expiresAt?: Date | null;
  /** Default: the column's (transactional). */
  readonly category?: Category;
  /** Default: the column's (null). */
  readonly localDay?: string | null;
  /** Default: the column's (null). */
  readonly inboundMessageId?: string | null;
  /** Default: the column's (null). */
  readonly revision?: number;
  /** Default: the column's (null). */
  readonly traceParent?: string | null;
}

/**
 * The row a new message is inserted as — the one place that maps a planned message onto
 * the `message` columns, for broadcasts (many rows a statement), order confirmations,
 * order updates and replies alike. A message starts with no attempts.
 */
export function newMessageRow(message: NewMessage): NewMessageRow {
  const { plan, customer, now } = message;
  return {
    id: message.id,
    kind: message.kind,
    broadcast_id: message.broadcastId ?? null,
    order_id: message.orderId ?? null,
    inbound_message_id: message.inboundMessageId,
    customer_id: customer.id,
    customer_name: customer.name,
    time_zone: customer.timeZone,
    text: message.text ?? null,
    hold_to_window: message.holdToWindow === false ? 0 : 1,
    category: message.category,
    status: plan.status,
    status_reason: plan.reason,
    status_detail: plan.reasonDetail,
    scheduled_for: plan.scheduledFor,
    due_at: plan.dueAt,
    expires_at: message.expiresAt ?? null,
    local_day: message.localDay,
    attempts: 0,
    revision: message.revision,
    created_at: now,
    updated_at: now,
    trace_parent: message.traceParent,
  };
}
