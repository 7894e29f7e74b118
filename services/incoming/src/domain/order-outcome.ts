import {
  closuresBetween,
  describeLocal,
  isClosedDay,
  type Schedule,
} from '@screenmagic/hours-window';
import { decideOrder } from './order-decision.ts';
import {
  confirmationText,
  type NamedClosure,
  type OrderFacts,
  pendingReply,
} from './order-reply.ts';

/** Everything decided about a new order: its status, its times and its texts. */
export interface OrderOutcome {
  readonly status: 'confirmed' | 'pending';
  readonly reason: 'open' | 'outside-hours' | 'closed-day';
  /** The next opening when pending; the confirmation instant when confirmed at once. */
  readonly processingAt: Date;
  readonly confirmedAt: Date | null;
  /** What the customer is answered now. */
  readonly reply: string;
  /** What the customer receives when the order is confirmed (now or at processingAt). */
  readonly confirmationText: string;
}

/**
 * The outcome of an order placed at `placedAt` by a customer in `customerTimeZone`
 * ({@link decideOrder} plus the texts). Confirmed at once means at `now`, but never
 * before `placedAt` (a client may give a placedAt slightly ahead of our clock). Null when
 * the business calendar has no opening within the horizon.
 *
 * Decided on `placedAt`, as SPEC §3 says ("placed while the business is open … placed
 * outside hours …"), also for a backdated order whose opening has already come (placed
 * Saturday, received Monday after 09:00): pending with that opening as `processingAt`,
 * which the worker reaches at once; its reply says so truthfully ({@link pendingReply}).
 */
export function orderOutcome(
  calendar: Schedule,
  order: {
    readonly facts: OrderFacts;
    readonly placedAt: Date;
    readonly customerTimeZone: string;
    readonly now: Date;
  },
): OrderOutcome | null {
  const decision = decideOrder(calendar, order.placedAt);
  const text = confirmationText(order.facts);
  switch (decision.status) {
    case 'unschedulable':
      return null;
    case 'confirmed': {
      const confirmedAt = new Date(Math.max(order.now.getTime(), order.placedAt.getTime()));
      return {
        status: 'confirmed',
        reason: 'open',
        processingAt: confirmedAt,
        confirmedAt,
        reply: text,
        confirmationText: text,
      };
    }
    case 'pending':
      return {
        status: 'pending',
        reason: decision.reason,
        processingAt: decision.processingAt,
        confirmedAt: null,
        reply: pendingReply(order.facts, {
          processingAt: decision.processingAt,
          placedAt: order.placedAt,
          now: order.now,
          timeZone: order.customerTimeZone,
          closure: namedClosure(calendar, order.placedAt),
        }),
        confirmationText: text,
      };
  }
}

/**
 * The named closure or public holiday that closes the business's day at `at`, with that
 * day in the business's zone — the library's {@link closuresBetween}, as the outgoing
 * service's 409 BUSINESS_CLOSED names it; undefined on a day the business opens (an evening
 * outside hours) and for a weekly closed day, an unnamed closure or a closed override,
 * which have no name.
 */
export function namedClosure(calendar: Schedule, at: Date): NamedClosure | undefined {
  if (!isClosedDay(calendar, at)) return undefined;
  const local = describeLocal(at, calendar.timeZone);
  const name = closuresBetween(calendar, local.date, local.date)[0]?.name;
  if (name === undefined || name === null) return undefined;
  return { day: `${local.weekdayName} ${local.day} ${local.monthName}`, name };
}
