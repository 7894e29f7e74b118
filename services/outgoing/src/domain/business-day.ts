import { isClosedDay, nextOpen, type Schedule } from '@screenmagic/hours-window';

/** How far ahead the business's next opening is looked for (a year covers any calendar). */
const NEXT_OPENING_HORIZON_DAYS = 366;

export type BusinessDayCheck =
  { readonly closed: false } | { readonly closed: true; readonly nextOpening: Date | null };

/**
 * Whether `at` falls on a day the business is closed (its local date has no opening
 * hours: a weekend, a holiday), and if so, when the business next opens.
 *
 * @example
 * checkBusinessDay(monToFri0918Utc, new Date('2026-12-05T10:00:00Z')) // a Saturday
 * // => { closed: true, nextOpening: 2026-12-07T09:00:00.000Z }
 */
export function checkBusinessDay(calendar: Schedule, at: Date): BusinessDayCheck {
  if (!isClosedDay(calendar, at)) return { closed: false };
  return {
    closed: true,
    nextOpening: nextOpen(calendar, at, { horizonDays: NEXT_OPENING_HORIZON_DAYS }),
  };
}
