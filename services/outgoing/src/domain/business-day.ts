import {
  closuresBetween,
  describeLocal,
  isClosedDay,
  nextOpen,
  type Schedule,
} from '@screenmagic/hours-window';

/** How far ahead the business's next opening is looked for (a year covers any calendar). */
const NEXT_OPENING_HORIZON_DAYS = 366;

export type BusinessDayCheck =
  | { readonly closed: false }
  | {
      readonly closed: true;
      readonly nextOpening: Date | null;
      /**
       * The name of the closure or public holiday that closes the day (SPEC §2: a name is
       * shown wherever a closure explains a decision); null for a weekly closed day, an
       * unnamed closure or a closed override, which have none.
       */
      readonly closure: string | null;
    };

/**
 * Whether `at` falls on a day the business is closed (its local date has no opening
 * hours: a weekend, a holiday), and if so, when the business next opens and which named
 * closure or holiday closes it.
 *
 * @example
 * checkBusinessDay(monToFri0918Utc, new Date('2026-12-05T10:00:00Z')) // a Saturday
 * // => { closed: true, nextOpening: 2026-12-07T09:00:00.000Z, closure: null }
 */
export function checkBusinessDay(calendar: Schedule, at: Date): BusinessDayCheck {
  if (!isClosedDay(calendar, at)) return { closed: false };
  const date = describeLocal(at, calendar.timeZone).date;
  return {
    closed: true,
    nextOpening: nextOpen(calendar, at, { horizonDays: NEXT_OPENING_HORIZON_DAYS }),
    closure: closuresBetween(calendar, date, date)[0]?.name ?? null,
  };
}
