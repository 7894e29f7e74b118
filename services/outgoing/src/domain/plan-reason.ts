import { explainAt, isOpen, type Schedule } from '@screenmagic/hours-window';
import type { DeliveryDecision } from './delivery-decision.ts';
import type { HistoryReason } from './message-history.ts';

/** Why a message landed where its plan put it, and the closure that decided it, if any. */
export interface PlanReason {
  readonly reason: HistoryReason;
  readonly detail: string | null;
}

/**
 * Why a message sent at `at` got `decision` (SPEC §5 codes): `NO_OVERLAP` when no window
 * opens within the horizon; `IN_WINDOW` when it goes at `at` = now; `SEND_AT_LATER` when
 * it goes at a later `at` the window covers; otherwise the side that is closed at `at` —
 * the business first (`BUSINESS_CLOSED_DAY`, `BUSINESS_CLOSURE`, `OUTSIDE_BUSINESS_HOURS`),
 * then the customer (`CUSTOMER_CLOSURE`, `OUTSIDE_CUSTOMER_HOURS`) — with the closure's
 * or holiday's name as detail.
 *
 * @example
 * // business Mon–Fri 09:00–18:00, sendAt Saturday 10:00 with onClosedDay "queue"
 * planReason({ calendar, customer }, saturday10, now, { status: 'scheduled', scheduledFor: monday9 })
 * // => { reason: 'BUSINESS_CLOSED_DAY', detail: null }
 */
export function planReason(
  window: { readonly calendar: Schedule; readonly customer: Schedule },
  at: Date,
  now: Date,
  decision: DeliveryDecision,
): PlanReason {
  if (decision.scheduledFor === null) return { reason: 'NO_OVERLAP', detail: null };
  if (decision.scheduledFor.getTime() === at.getTime()) {
    return { reason: at.getTime() <= now.getTime() ? 'IN_WINDOW' : 'SEND_AT_LATER', detail: null };
  }
  return closedSideReason(window, at);
}

/**
 * Which side keeps the window closed at `at`, business first. When both are open (the
 * window is open, so nothing is closed) it answers the customer's hours, the only way an
 * open pair of schedules can still not overlap at `at` being a DST gap on their side.
 */
export function closedSideReason(
  window: { readonly calendar: Schedule; readonly customer: Schedule },
  at: Date,
): PlanReason {
  const business = explainAt(window.calendar, at, { side: 'business', horizonDays: 0 });
  if (!business.open)
    return { reason: business.reason as HistoryReason, detail: business.closure ?? null };
  const customer = explainAt(window.customer, at, { side: 'customer', horizonDays: 0 });
  if (!customer.open)
    return { reason: customer.reason as HistoryReason, detail: customer.closure ?? null };
  return { reason: 'OUTSIDE_CUSTOMER_HOURS', detail: null };
}

/** The facts the dispatcher has about a message it must move to a later opening. */
export interface RescheduleFacts {
  readonly calendar: Schedule;
  /** The customer's CURRENT schedule. */
  readonly customer: Schedule;
  /** When the message was meant to go (its `due_at` at the claim). */
  readonly dueAt: Date;
  /** Attempts before this claim (> 0: a retry after a failed delivery). */
  readonly previousAttempts: number;
  readonly now: Date;
}

/**
 * Why a message the dispatcher found outside its window is rescheduled:
 * - `LATE_DISPATCH`: the window (by today's rules) was open when the message was due —
 *   the dispatcher came too late (down, backlog) and the window has closed since;
 * - a retry after a failed delivery whose back-off ran past the window: the side closed
 *   now (`OUTSIDE_…`), detail "retry after a failed delivery";
 * - otherwise the rules changed since it was planned: `CALENDAR_CHANGED` when the business
 *   calendar is closed at its due time, `HOURS_CHANGED` (the customer's hours or zone) when not.
 */
export function rescheduleReason(facts: RescheduleFacts): PlanReason {
  const window = [facts.calendar, facts.customer];
  if (window.every((schedule) => isOpen(schedule, facts.dueAt))) {
    return { reason: 'LATE_DISPATCH', detail: `due ${facts.dueAt.toISOString()}` };
  }
  if (facts.previousAttempts > 0) {
    const closed = closedSideReason(facts, facts.now);
    return { reason: closed.reason, detail: 'retry after a failed delivery' };
  }
  if (!isOpen(facts.calendar, facts.dueAt)) return { reason: 'CALENDAR_CHANGED', detail: null };
  return { reason: 'HOURS_CHANGED', detail: null };
}
