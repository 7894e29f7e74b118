import { describeLocal, localDateOf } from '@screenmagic/hours-window';
import type { Payment } from './payment.ts';

/** What every text about an order mentions. */
export interface OrderFacts {
  readonly customerName: string;
  readonly orderId: string;
  readonly productId: string;
  readonly payment: Payment;
}

/**
 * The confirmation the customer receives (at once when the business is open, through
 * their delivery window when a pending order is confirmed later).
 *
 * @example
 * confirmationText({ customerName: 'Asha', orderId: 'ORD-1', productId: 'SKU-9', payment: { method: 'upi', amount: '499.00', currency: 'INR' } })
 * // => 'Hi Asha, your order ORD-1 (SKU-9, INR 499.00) is confirmed. Thank you!'
 */
export function confirmationText(facts: OrderFacts): string {
  return `Hi ${facts.customerName}, your order ${describeOrder(facts)} is confirmed. Thank you!`;
}

/** How far ahead of our clock a client's placedAt may be and still count as "now". */
const CLOCK_SKEW_MS = 60_000;

/**
 * The business closure that explains a pending order, as the reply names it: the closed
 * day in the business's zone and the closure's or holiday's name (SPEC §2: a closure's
 * name is shown wherever it explains a decision).
 */
export interface NamedClosure {
  /** `Friday 25 December` */
  readonly day: string;
  /** `Christmas Day` */
  readonly name: string;
}

/**
 * The reply to an order placed while the business is closed: when it will be processed,
 * in the customer's own zone (see {@link describeProcessingTime}), read at `now`. A named
 * closure (holiday, vacation) is given by name. An order placed ahead of `now` (a client
 * clock running fast, a pre-order) is closed "at that time", not "right now", and its
 * processing time is given without relative words, which would be counted from a day the
 * customer has not reached yet. A backdated one whose processing time has come already
 * "was" closed when placed and "is being processed now" (the worker takes it at once) —
 * never "closed right now" while the business may be open.
 *
 * @example
 * // placed Saturday 5 December, processed Monday 7 December 09:00 in Kolkata
 * pendingReply(facts, { processingAt: new Date('2026-12-07T03:30:00Z'), placedAt: saturday, now: saturday, timeZone: 'Asia/Kolkata' })
 * // => 'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed right now; it will be processed on Monday 7 December at 09:00 your time.'
 * // placed on Christmas Day (a named closure)
 * pendingReply(facts, { …, closure: { day: 'Friday 25 December', name: 'Christmas Day' } })
 * // => 'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed on Friday 25 December (Christmas Day); your order will be processed on Monday 28 December at 09:00 your time.'
 */
export function pendingReply(
  facts: OrderFacts,
  when: {
    readonly processingAt: Date;
    readonly placedAt: Date;
    readonly now: Date;
    readonly timeZone: string;
    readonly closure?: NamedClosure | undefined;
  },
): string {
  const ahead = when.placedAt.getTime() > when.now.getTime() + CLOCK_SKEW_MS;
  // A backdated order whose opening has come already: the business may be open now, and
  // the worker processes it at once. (Before that opening it is still closed now.)
  const due = when.processingAt.getTime() <= when.now.getTime();
  const processed = due
    ? 'is being processed now'
    : `will be processed ${
        ahead
          ? describeProcessingTime(when.processingAt, when.placedAt, when.timeZone, false)
          : describeProcessingTime(when.processingAt, when.now, when.timeZone)
      } your time`;
  const lead = `Hi ${facts.customerName}, thanks for your order ${describeOrder(facts)}. `;
  if (when.closure !== undefined) {
    return (
      lead +
      `We ${due ? 'were' : 'are'} closed on ${when.closure.day} (${when.closure.name}); ` +
      `your order ${processed}.`
    );
  }
  const closed = due
    ? 'We were closed when you placed it'
    : `We are closed ${ahead ? 'at that time' : 'right now'}`;
  return `${lead}${closed}; it ${processed}.`;
}

/**
 * When an order will be processed, as the customer reads it in `timeZone` on the local
 * date of `readAt`: `later today, Monday 7 December at 19:30`, `tomorrow, Tuesday 8
 * December at 09:00`, otherwise `on Monday 7 December at 10:30` (with the year when it
 * differs from the reading's: `on Monday 4 January 2027 at 09:00`). With `relative`
 * false, always the `on …` form (a text whose reading day is not certain).
 */
export function describeProcessingTime(
  processingAt: Date,
  readAt: Date,
  timeZone: string,
  relative = true,
): string {
  const at = describeLocal(processingAt, timeZone);
  const readOn = localDateOf(readAt, timeZone);
  const year = at.year === Number(readOn.slice(0, 4)) ? '' : ` ${at.year}`;
  const day = `${at.weekdayName} ${at.day} ${at.monthName}${year} at ${at.time}`;
  switch (relative ? daysBetween(readOn, at.date) : null) {
    case 0:
      return `later today, ${day}`;
    case 1:
      return `tomorrow, ${day}`;
    default:
      return `on ${day}`;
  }
}

/**
 * The correction a customer gets when the business calendar moved the processing time
 * they were told (kind `order-update`). It is held to their delivery window and may be
 * read hours or days after it is written, so it names the new day and local time in
 * their zone in absolute words only ("on Wednesday 16 December at 14:30", with the year
 * when it is not the year the order was placed in) — never "tomorrow" or "later today",
 * which would be counted from the writing day and be false when read.
 *
 * @example
 * // Monday became a holiday, processing moves to Tuesday 09:00 Kolkata (order placed in 2026)
 * correctionText(facts, { processingAt: new Date('2026-12-08T03:30:00Z'), placedAt: saturday, timeZone: 'Asia/Kolkata' })
 * // => 'Hi Asha, an update on your order ORD-1 (SKU-9, INR 499.00): the business changed its hours, so it will now be processed on Tuesday 8 December at 09:00 your time.'
 */
export function correctionText(
  facts: OrderFacts,
  when: { readonly processingAt: Date; readonly placedAt: Date; readonly timeZone: string },
): string {
  return (
    `Hi ${facts.customerName}, an update on your order ${describeOrder(facts)}: the business ` +
    `changed its hours, so it will now be processed ` +
    `${describeProcessingTime(when.processingAt, when.placedAt, when.timeZone, false)} your time.`
  );
}

function describeOrder(facts: OrderFacts): string {
  return `${facts.orderId} (${facts.productId}, ${facts.payment.currency} ${facts.payment.amount})`;
}

/** Whole calendar days from one `YYYY-MM-DD` to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((civilDay(to) - civilDay(from)) / 86_400_000);
}

function civilDay(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}
