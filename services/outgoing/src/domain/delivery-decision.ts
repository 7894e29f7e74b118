import { nextOpen, type Schedule } from '@screenmagic/hours-window';

/** A recipient no delivery window reaches within this many days is `unreachable`. */
export const REACH_HORIZON_DAYS = 28;

/** What a broadcast recipient gets at acceptance. */
export type RecipientStatus = 'sending' | 'scheduled' | 'unreachable';

export interface DeliveryDecision {
  readonly status: RecipientStatus;
  /** When the message is due; null when unreachable. */
  readonly scheduledFor: Date | null;
}

/**
 * Where a message sent at `at` lands, given the recipient's delivery window (the business
 * calendar and the customer's schedule, intersected):
 * - inside the window at `at` → due at `at`: `sending` when `at` is now, `scheduled` when
 *   it is later;
 * - outside → `scheduled` for the next opening of the window (later today, next day, next
 *   Monday, after a holiday);
 * - no opening within {@link REACH_HORIZON_DAYS} days of `at` → `unreachable`.
 *
 * @param window the schedules that must all be open (business calendar, customer).
 * @param at the send instant; never earlier than `now` (see {@link effectiveSendAt}).
 * @example
 * // business 09:00–18:00 UTC Mon–Fri; customer 09:00–18:00 Asia/Kolkata
 * decideDelivery([business, kolkata], new Date('2026-11-30T03:30:00Z'), sameInstant)
 * // => { status: 'sending', scheduledFor: 2026-11-30T09:00:00.000Z } (09:00 UTC is the business's opening)
 */
export function decideDelivery(window: readonly Schedule[], at: Date, now: Date): DeliveryDecision {
  const opening = nextOpen(window, at, { horizonDays: REACH_HORIZON_DAYS });
  if (opening === null) return { status: 'unreachable', scheduledFor: null };
  if (opening.getTime() === at.getTime()) {
    return { status: at.getTime() <= now.getTime() ? 'sending' : 'scheduled', scheduledFor: at };
  }
  return { status: 'scheduled', scheduledFor: opening };
}

/**
 * The instant a broadcast is decided for: the requested `sendAt`, or now when it is
 * absent or already past (a message cannot be sent in the past).
 */
export function effectiveSendAt(requested: Date | undefined, now: Date): Date {
  return requested === undefined || requested.getTime() < now.getTime() ? now : requested;
}
