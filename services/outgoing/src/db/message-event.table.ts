import type { Generated, Selectable } from 'kysely';
import type { HistoryEvent, HistoryReason } from '../domain/message-history.ts';

/**
 * One entry of a message's history (SPEC §5); insert-only, read in `id` order. A delivery's
 * entry is not stored here: it is the message row's (`domain/delivered-entry.ts`).
 */
export interface MessageEventTable {
  id: Generated<number>;
  message_id: string;
  at: Date;
  event: HistoryEvent;
  reason: HistoryReason;
  scheduled_for: Date | null;
  detail: string | null;
}

export type MessageEventRow = Selectable<MessageEventTable>;
