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

/**
 * The reply to an order placed while the business is closed: when it will be processed,
 * in the customer's own zone (see {@link describeProcessingTime}).
 *
 * @example
 * // placed Saturday 5 December, processed Monday 7 December 09:00 in Kolkata
 * pendingReply(facts, { processingAt: new Date('2026-12-07T03:30:00Z'), placedAt: new Date('2026-12-05T05:30:00Z'), timeZone: 'Asia/Kolkata' })
 * // => 'Hi Asha, thanks for your order ORD-1 (SKU-9, INR 499.00). We are closed right now; it will be processed on Monday 7 December at 09:00 your time.'
 */
export function pendingReply(
  facts: OrderFacts,
  when: { readonly processingAt: Date; readonly placedAt: Date; readonly timeZone: string },
): string {
  return (
    `Hi ${facts.customerName}, thanks for your order ${describeOrder(facts)}. ` +
    `We are closed right now; it will be processed ` +
    `${describeProcessingTime(when.processingAt, when.placedAt, when.timeZone)} your time.`
  );
}

/**
 * When an order will be processed, as the customer reads it in `timeZone`, relative to
 * the local date they placed it on: `later today, Monday 7 December at 19:30`,
 * `tomorrow, Tuesday 8 December at 09:00`, otherwise `on Monday 7 December at 10:30`
 * (with the year when it differs: `on Monday 4 January 2027 at 09:00`).
 */
export function describeProcessingTime(
  processingAt: Date,
  placedAt: Date,
  timeZone: string,
): string {
  const at = describeLocal(processingAt, timeZone);
  const placedOn = localDateOf(placedAt, timeZone);
  const year = at.year === Number(placedOn.slice(0, 4)) ? '' : ` ${at.year}`;
  const day = `${at.weekdayName} ${at.day} ${at.monthName}${year} at ${at.time}`;
  switch (daysBetween(placedOn, at.date)) {
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
 * they were told (kind `order-update`): the new day and local time in their zone,
 * relative to the local date the correction is written on.
 *
 * @example
 * // written Friday 4 December; Monday became a holiday, processing moves to Tuesday 09:00 Kolkata
 * correctionText(facts, { processingAt: new Date('2026-12-08T03:30:00Z'), now: friday, timeZone: 'Asia/Kolkata' })
 * // => 'Hi Asha, an update on your order ORD-1 (SKU-9, INR 499.00): the business changed its hours, so it will now be processed on Tuesday 8 December at 09:00 your time.'
 */
export function correctionText(
  facts: OrderFacts,
  when: { readonly processingAt: Date; readonly now: Date; readonly timeZone: string },
): string {
  return (
    `Hi ${facts.customerName}, an update on your order ${describeOrder(facts)}: the business ` +
    `changed its hours, so it will now be processed ` +
    `${describeProcessingTime(when.processingAt, when.now, when.timeZone)} your time.`
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
