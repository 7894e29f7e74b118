import type { MessageStatus } from '@screenmagic/service-kit/contracts';
import type { HistoryEvent, HistoryReason } from './message-history.ts';

/**
 * A message's `delivered` history entry is not stored: it is its row's (docs/decisions.md,
 * "The delivered entry is the row's"). A delivery sets `status`, `status_reason`,
 * `status_detail` and `delivered_at` together, and nothing follows it (delivered is final),
 * so the entry a copy would have stored — at `delivered_at`, the row's reason, no
 * `scheduledFor`, the row's detail — is read back from the row, and the drain writes one
 * row per delivered message fewer (issue 15: 7–8 µs of MariaDB per message).
 */
export const ROW_DERIVED_EVENT = 'delivered' satisfies HistoryEvent;

/** What a history entry holds (the stored `message_event` row's fields). */
export interface HistoryEntry {
  readonly at: Date;
  readonly event: HistoryEvent;
  readonly reason: HistoryReason;
  readonly scheduled_for: Date | null;
  readonly detail: string | null;
}

/** The columns of a message row the `delivered` entry is read from. */
export interface DeliveredRow {
  readonly status: MessageStatus;
  readonly delivered_at: Date | null;
  readonly status_reason: HistoryReason | null;
  readonly status_detail: string | null;
}

/**
 * The history of a message: its stored entries (oldest first), then, for a delivered
 * message, the `delivered` entry from its row — unless one is stored (recorded before
 * entries were derived).
 */
export function historyWithDelivery<T extends HistoryEntry>(
  stored: readonly T[],
  message: DeliveredRow,
): Array<T | HistoryEntry> {
  if (message.status !== 'delivered' || message.delivered_at === null) return [...stored];
  if (stored.some((entry) => entry.event === ROW_DERIVED_EVENT)) return [...stored];
  return [
    ...stored,
    {
      at: message.delivered_at,
      event: ROW_DERIVED_EVENT,
      reason: message.status_reason ?? 'IN_WINDOW',
      scheduled_for: null,
      detail: message.status_detail,
    },
  ];
}
