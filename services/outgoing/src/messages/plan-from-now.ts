import type { Schedule } from '@screenmagic/hours-window';
import type { CustomerRecord } from '@screenmagic/service-kit/contracts';
import type { FirstState } from '../db/new-message-row.ts';
import { RecipientPlanner } from '../domain/recipient-planner.ts';
import type { ScheduleCache } from '../domain/schedule-cache.ts';

/**
 * The state a single message (an order message, or a failed one retried) starts in at
 * `now`: held to the customer's delivery window — at once inside it, else at its next
 * opening, or `unreachable` — or, when not held, `sending` at once with `atOnceDetail`.
 */
export function planFromNow(
  deps: { readonly calendar: Schedule; readonly schedules: ScheduleCache },
  customer: CustomerRecord,
  now: Date,
  options: {
    readonly holdToWindow: boolean;
    readonly expiresAt: Date | null;
    readonly atOnceDetail: string | null;
  },
): FirstState {
  if (!options.holdToWindow) {
    return {
      status: 'sending',
      scheduledFor: now,
      dueAt: now,
      reason: 'IN_WINDOW',
      reasonDetail: options.atOnceDetail,
    };
  }
  return new RecipientPlanner({
    calendar: deps.calendar,
    send: { kind: 'instant', at: now },
    now,
    expiresAt: options.expiresAt,
    schedules: deps.schedules,
  }).plan(customer);
}
