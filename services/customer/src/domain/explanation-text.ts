import { describeLocal, type Explanation, type Interval } from '@screenmagic/hours-window';
import type { WindowState } from './explanation.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `Mon` for `mon`. */
const weekdayName = (weekday: string): string => weekday.charAt(0).toUpperCase() + weekday.slice(1);

/** `26 Dec` from a local date `2026-12-26`. */
function dayMonth(localDate: string): string {
  const [, month, day] = localDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]}`;
}

/** An instant read in one zone: `Mon 28 Dec`, `28 Dec`, `15:30`, and the ISO local date. */
interface LocalMoment {
  readonly day: string;
  readonly dayMonth: string;
  readonly time: string;
  readonly date: string;
}

/** `Mon 28 Dec` and `15:30` of an instant in a zone. */
function dayAndTime(at: Date, zone: string): LocalMoment {
  const local = describeLocal(at, zone);
  const dayMonthText = dayMonth(local.date);
  return {
    day: `${weekdayName(local.weekday)} ${dayMonthText}`,
    dayMonth: dayMonthText,
    time: local.time,
    date: local.date,
  };
}

/** Where a zone is, for a reader: `London` for `Europe/London`, `New York`, `UTC`. */
function placeOf(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/** `Mon 28 Dec 15:30–19:00`, or `Mon 28 Dec 22:00–Tue 29 Dec 02:00` across a date. */
export function intervalText(interval: Interval, zone: string): string {
  const start = dayAndTime(interval.start, zone);
  const end = dayAndTime(interval.end, zone);
  const endsNextMidnight =
    end.time === '00:00' &&
    interval.end.getTime() - interval.start.getTime() <= 86_400_000 &&
    end.day !== start.day;
  const endText =
    end.day === start.day ? end.time : endsNextMidnight ? '24:00' : `${end.day} ${end.time}`;
  return `${start.day} ${start.time}–${endText}`;
}

/** A closure's name, or null for an unnamed one (the library then gives its dates). */
function closureName(closure: string | undefined): string | null {
  if (closure === undefined || /^\d{4}-\d{2}-\d{2}/.test(closure)) return null;
  return closure;
}

/**
 * Why the business is closed, as a clause whose times are the customer's: the business's
 * own date or time follows in parentheses, with its place, only where it differs from the
 * customer's ("it is 12:30 your time (17:30 in London), outside the business's hours").
 */
function businessClause(side: Explanation, you: LocalMoment, there: LocalMoment, zone: string) {
  const place = placeOf(zone);
  const sameDate = you.date === there.date;
  // The business's clock, when it reads differently from the customer's.
  const theirClock =
    sameDate && you.time === there.time
      ? ''
      : sameDate
        ? ` (${there.time} in ${place})`
        : ` (${there.day} ${there.time} in ${place})`;
  // A closed day is the business's local date: named as such when it is not the customer's.
  const closedDay = (what: string) =>
    sameDate
      ? `${you.dayMonth} is ${what} for the business`
      : `it is ${you.day} ${you.time} your time and ${there.day} in ${place}, ${what} for the business`;
  switch (side.cause) {
    case 'closure':
    case 'holiday':
    case 'closed-override':
      return closedDay(closureName(side.closure) ?? 'a closed day');
    case 'closed-weekday':
      return closedDay('not a working day');
    case 'special-hours':
      return `it is ${you.time} your time${theirClock}, outside the business's special hours for ${there.dayMonth}`;
    case 'dst-gap':
      return `the business's hours on ${there.dayMonth}${sameDate ? '' : ` in ${place}`} fall in the hour skipped when clocks went forward`;
    case 'outside-hours':
    case 'hours':
      return `it is ${you.time} your time${theirClock}, outside the business's hours`;
  }
}

/** Why the customer's own side is closed, as a clause in their time ("22 Dec is Vacation for you"). */
function customerClause(side: Explanation, you: LocalMoment): string {
  switch (side.cause) {
    case 'closure':
    case 'holiday':
    case 'closed-override':
      return `${you.dayMonth} is ${closureName(side.closure) ?? 'a closed day'} for you`;
    case 'special-hours':
      return `${you.dayMonth} has special hours for you and ${you.time} is outside them`;
    case 'closed-weekday':
      return `you receive no messages on ${you.dayMonth}`;
    case 'dst-gap':
      return `your hours on ${you.dayMonth} fall in the hour skipped when clocks went forward`;
    case 'outside-hours':
    case 'hours':
      return `it is ${you.time} for you, outside your hours`;
  }
}

/**
 * One sentence, in the customer's local time, saying whether the customer can be
 * messaged now and when the window next opens:
 * - `Open: messages reach you now, until Mon 28 Dec 19:00 your time`
 * - `Closed: 26 Dec is Boxing Day for the business; next window Mon 28 Dec 15:30–19:00 your time`
 * - `Closed: …; no window opens in the next 28 days`
 * Both sides' reasons are named when both are closed (business first). Every time and
 * date is the customer's; the business's own clock is added, with its place, where it
 * reads differently (`it is 12:30 your time (17:30 in London), outside the business's hours`).
 */
export function explanationText(input: {
  at: Date;
  business: Explanation;
  customer: Explanation;
  window: WindowState;
  customerZone: string;
  businessZone: string;
}): string {
  const { at, business, customer, window, customerZone, businessZone } = input;
  const next = window.next
    ? `next window ${intervalText(window.next, customerZone)} your time`
    : 'no window opens in the next 28 days';
  if (window.current) {
    const until = dayAndTime(window.current.end, customerZone);
    return `Open: messages reach you now, until ${until.day} ${until.time} your time; after that, ${next}`;
  }
  const clauses: string[] = [];
  const you = dayAndTime(at, customerZone);
  if (!business.open) {
    clauses.push(businessClause(business, you, dayAndTime(at, businessZone), businessZone));
  }
  if (!customer.open) clauses.push(customerClause(customer, you));
  if (clauses.length === 0) clauses.push('the business and your hours do not meet at this instant');
  return `Closed: ${clauses.join(' and ')}; ${next}`;
}
