import { isOpen, nextOpen, openIntervals, type Schedule } from '@screenmagic/hours-window';

const DAY_MS = 86_400_000;
/** How far ahead openings and closings are looked for. */
export const BUSINESS_STATUS_HORIZON_DAYS = 366;
// Open periods are followed in steps of this size (a 24/7 calendar would otherwise mean
// a year of intervals in one call).
const STEP_DAYS = 8;

/** Whether the business is open at an instant, and when that changes. */
export interface BusinessStatus {
  readonly openNow: boolean;
  /** Open now: when the current open period ends (null if not within the horizon). Closed: null. */
  readonly closesAt: Date | null;
  /**
   * The next instant the business goes from closed to open: the next opening when closed
   * now; the opening after the current period when open now. Null if none within a year.
   */
  readonly nextOpening: Date | null;
}

/**
 * The business calendar's state at `now`.
 *
 * @example
 * // Mon–Fri 09:00–18:00 UTC, Friday 4 Dec 2026 10:00Z
 * businessStatus(calendar, new Date('2026-12-04T10:00:00Z'))
 * // => { openNow: true, closesAt: 2026-12-04T18:00:00.000Z, nextOpening: 2026-12-07T09:00:00.000Z }
 */
export function businessStatus(calendar: Schedule, now: Date): BusinessStatus {
  const horizon = { horizonDays: BUSINESS_STATUS_HORIZON_DAYS };
  if (!isOpen(calendar, now)) {
    return { openNow: false, closesAt: null, nextOpening: nextOpen(calendar, now, horizon) };
  }
  const closesAt = endOfOpenPeriod(calendar, now);
  return {
    openNow: true,
    closesAt,
    nextOpening: closesAt === null ? null : nextOpen(calendar, closesAt, horizon),
  };
}

/** The end of the open period containing `at` (the calendar is open at `at`). */
function endOfOpenPeriod(calendar: Schedule, at: Date): Date | null {
  const limit = at.getTime() + BUSINESS_STATUS_HORIZON_DAYS * DAY_MS;
  let from = at.getTime();
  while (from < limit) {
    const to = Math.min(from + STEP_DAYS * DAY_MS, limit);
    const [current] = openIntervals(calendar, new Date(from), new Date(to));
    // Intervals are merged and clipped: the first one starts at `from` while still open.
    if (current === undefined || current.start.getTime() !== from) return new Date(from);
    if (current.end.getTime() < to) return current.end;
    from = to;
  }
  return null;
}
