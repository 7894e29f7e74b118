import { isClosedDay, isOpen, nextOpen, type Schedule } from '@screenmagic/hours-window';

/** Why an order waits: the business is closed for the night (or not open yet), or all day. */
export type PendingReason = 'outside-hours' | 'closed-day';

/** What happens to an order placed at a given instant. */
export type OrderDecision =
  | { readonly status: 'confirmed'; readonly reason: 'open' }
  | { readonly status: 'pending'; readonly reason: PendingReason; readonly processingAt: Date }
  /** The calendar has no opening within the horizon: nothing can be promised. */
  | { readonly status: 'unschedulable' };

/** How far ahead an opening is looked for; a calendar closed longer is a configuration error. */
export const OPENING_HORIZON_DAYS = 366;

/**
 * The decision table of SPEC §3 "Orders": placed while the business is open → confirmed
 * at once; placed on a working day outside its hours (after closing, before opening,
 * during a break) → pending until the next opening; placed on a day the business is
 * closed (weekend, holiday) → pending until the next opening after it. Only `placedAt`
 * matters, not when the request arrives.
 *
 * @example
 * // Business Mon–Fri 09:00–18:00 Asia/Kolkata; Saturday 5 December 2026 11:00 IST
 * decideOrder(calendar, new Date('2026-12-05T05:30:00Z'))
 * // => { status: 'pending', reason: 'closed-day', processingAt: 2026-12-07T03:30:00.000Z }
 */
export function decideOrder(calendar: Schedule, placedAt: Date): OrderDecision {
  if (isOpen(calendar, placedAt)) return { status: 'confirmed', reason: 'open' };
  const processingAt = nextOpen(calendar, placedAt, { horizonDays: OPENING_HORIZON_DAYS });
  if (processingAt === null) return { status: 'unschedulable' };
  return {
    status: 'pending',
    reason: isClosedDay(calendar, placedAt) ? 'closed-day' : 'outside-hours',
    processingAt,
  };
}
