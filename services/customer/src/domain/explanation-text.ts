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

/** `Mon 28 Dec` and `15:30` of an instant in a zone. */
function dayAndTime(at: Date, zone: string): { day: string; time: string } {
  const local = describeLocal(at, zone);
  return { day: `${weekdayName(local.weekday)} ${dayMonth(local.date)}`, time: local.time };
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

/** Why one side is closed, as a clause ("26 Dec is Boxing Day for the business"). */
function closedClause(side: Explanation, who: 'business' | 'customer'): string {
  const business = who === 'business';
  const forWhom = business ? 'for the business' : 'for you';
  const time = side.localTime.slice(11, 16);
  const date = dayMonth(side.localDate);
  switch (side.cause) {
    case 'closure':
    case 'holiday':
    case 'closed-override': {
      const name = closureName(side.closure);
      return name === null ? `${date} is a closed day ${forWhom}` : `${date} is ${name} ${forWhom}`;
    }
    case 'special-hours':
      return business
        ? `${date} has special hours for the business and ${time} its time is outside them`
        : `${date} has special hours for you and ${time} is outside them`;
    case 'closed-weekday':
      return business
        ? `${date} is not a working day for the business`
        : `you receive no messages on ${date}`;
    case 'dst-gap':
      return business
        ? `the business's hours on ${date} fall in the hour skipped when clocks went forward`
        : `your hours on ${date} fall in the hour skipped when clocks went forward`;
    case 'outside-hours':
    case 'hours':
      return business
        ? `it is ${time} for the business, outside its hours`
        : `it is ${time} for you, outside your hours`;
  }
}

/**
 * One sentence, in the customer's local time, saying whether the customer can be
 * messaged now and when the window next opens:
 * - `Open: messages reach you now, until Mon 28 Dec 19:00 your time`
 * - `Closed: 26 Dec is Boxing Day for the business; next window Mon 28 Dec 15:30–19:00 your time`
 * - `Closed: …; no window opens in the next 28 days`
 * Both sides' reasons are named when both are closed (business first).
 */
export function explanationText(input: {
  business: Explanation;
  customer: Explanation;
  window: WindowState;
  customerZone: string;
}): string {
  const { business, customer, window, customerZone } = input;
  const next = window.next
    ? `next window ${intervalText(window.next, customerZone)} your time`
    : 'no window opens in the next 28 days';
  if (window.current) {
    const until = dayAndTime(window.current.end, customerZone);
    return `Open: messages reach you now, until ${until.day} ${until.time} your time; after that, ${next}`;
  }
  const clauses: string[] = [];
  if (!business.open) clauses.push(closedClause(business, 'business'));
  if (!customer.open) clauses.push(closedClause(customer, 'customer'));
  if (clauses.length === 0) clauses.push('the business and your hours do not meet at this instant');
  return `Closed: ${clauses.join(' and ')}; ${next}`;
}
