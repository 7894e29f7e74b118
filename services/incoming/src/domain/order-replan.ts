import { nextOpen, type Schedule } from '@screenmagic/hours-window';
import { OPENING_HORIZON_DAYS } from './order-decision.ts';

/**
 * When a pending order is processed under a changed business calendar: at the next
 * opening from when it was placed or now, whichever is later — the same rule as at
 * acceptance. Null when that is unchanged (nothing to correct), or when the calendar has
 * no opening within a year (the promise stays as it was; the worker confirms it then).
 *
 * @example
 * // promised Monday 09:00; Monday became a holiday on Friday
 * replanOrder({ placedAt: saturday, processingAt: monday9 }, calendarWithHoliday, friday)
 * // => tuesday9
 */
export function replanOrder(
  order: { readonly placedAt: Date; readonly processingAt: Date },
  calendar: Schedule,
  now: Date,
): Date | null {
  const from = order.placedAt.getTime() > now.getTime() ? order.placedAt : now;
  const next = nextOpen(calendar, from, { horizonDays: OPENING_HORIZON_DAYS });
  if (next === null || next.getTime() === order.processingAt.getTime()) return null;
  return next;
}
