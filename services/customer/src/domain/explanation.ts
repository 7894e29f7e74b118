import {
  explainAt,
  type Explanation,
  type Interval,
  type Schedule,
  sharedOpenIntervals,
} from '@screenmagic/hours-window';
import { explanationText } from './explanation-text.ts';

const DAY_MS = 86_400_000;
/** The next window is looked for this far ahead (the reachability horizon of SPEC §3). */
export const EXPLAIN_HORIZON_DAYS = 28;

/** The delivery window (business ∩ customer) as of one instant. */
export interface WindowState {
  readonly open: boolean;
  /** The window interval containing the instant, when open. */
  readonly current?: Interval;
  /** The next window interval after the instant (after `current` when open), within 28 days. */
  readonly next?: Interval;
  /** `next.start`, or null when no window opens within 28 days. */
  readonly nextOpening: Date | null;
}

/** Both sides of a delivery decision at one instant, and the sentence that says it. */
export interface WindowExplanation {
  readonly at: Date;
  readonly business: Explanation;
  readonly customer: Explanation;
  readonly window: WindowState;
  /** One sentence in the customer's local time, for a support agent to paste. */
  readonly text: string;
}

/**
 * Why a customer can or cannot be messaged at `at` (SPEC §5, explain): each side's
 * {@link explainAt} (the business with `BUSINESS_*` codes, the customer with `CUSTOMER_*`
 * codes), the delivery window they share (the interval containing `at`, the next one),
 * and one sentence in the customer's zone.
 *
 * The window is computed for concrete instants, so a zone pair whose overlap is empty for
 * a week (their DST changes fall on different dates) shows the opening after that week.
 *
 * @example
 * // London business with GB holidays, Kolkata customer 21:00–00:30, Sat 26 Dec 2026 10:00Z
 * explainWindow(business, customer, new Date('2026-12-26T10:00:00Z')).text
 * // => 'Closed: 26 Dec is Boxing Day for the business; next window Tue 29 Dec 21:00–23:00 your time'
 */
export function explainWindow(business: Schedule, customer: Schedule, at: Date): WindowExplanation {
  const businessSide = explainAt(business, at, { side: 'business' });
  const customerSide = explainAt(customer, at, { side: 'customer' });
  const window = windowAt([business, customer], at);
  return {
    at,
    business: businessSide,
    customer: customerSide,
    window,
    text: explanationText({
      at,
      business: businessSide,
      customer: customerSide,
      window,
      customerZone: customer.timeZone,
      businessZone: business.timeZone,
    }),
  };
}

/** The shared window at `at`: the interval containing it and the next one (28 days). */
export function windowAt(schedules: readonly Schedule[], at: Date): WindowState {
  const t = at.getTime();
  const horizon = t + EXPLAIN_HORIZON_DAYS * DAY_MS;
  // From a day before (so the current interval shows where it began) to a day past the
  // horizon (so an interval opening just before it shows its real end).
  const intervals = sharedOpenIntervals(
    schedules,
    new Date(t - DAY_MS),
    new Date(horizon + DAY_MS),
  );
  const current = intervals.find((i) => i.start.getTime() <= t && t < i.end.getTime());
  const open = current !== undefined;
  const candidate = intervals.find((i) => i.start.getTime() > t);
  const next =
    candidate !== undefined && candidate.start.getTime() <= horizon ? candidate : undefined;
  return {
    open,
    ...(current ? { current } : {}),
    ...(next ? { next } : {}),
    nextOpening: next?.start ?? null,
  };
}
