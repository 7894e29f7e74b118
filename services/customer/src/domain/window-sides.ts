import {
  closuresBetween,
  localDateOf,
  offsetChanges,
  openIntervals,
  startOfLocalDate,
  type Interval,
  type OffsetChange,
  type Schedule,
} from '@screenmagic/hours-window';

/** A stretch of closed local dates with the instants it covers. */
export interface ClosedStretch {
  /** First and last local date (inclusive, `YYYY-MM-DD` in the side's zone). */
  readonly from: string;
  readonly to: string;
  readonly name: string | null;
  readonly kind: 'closure' | 'holiday' | 'override';
  /** The first instant of `from` and the first instant after `to`, in the side's zone. */
  readonly start: Date;
  readonly end: Date;
}

/** One side of a delivery window (the business or the customer) over a range. */
export interface WindowSide {
  readonly timeZone: string;
  /** The side's own open intervals in [from, to). */
  readonly open: Interval[];
  /** Closures, holidays and closed overrides touching [from, to), unclipped. */
  readonly closures: ClosedStretch[];
  /** The side's UTC offset changes (DST) in [from, to). */
  readonly offsetChanges: OffsetChange[];
}

/**
 * What a timeline shows for one side over [from, to): its own hours, what closed it (named)
 * and where its clocks change. The delivery window is the intersection of both sides' `open`.
 */
export function windowSide(schedule: Schedule, from: Date, to: Date): WindowSide {
  const zone = schedule.timeZone;
  const firstDate = localDateOf(from, zone);
  const lastDate = localDateOf(new Date(to.getTime() - 1), zone);
  return {
    timeZone: zone,
    open: openIntervals(schedule, from, to),
    closures: closuresBetween(schedule, firstDate, lastDate).map((c) => ({
      ...c,
      start: startOfLocalDate(c.from, zone),
      end: startOfLocalDate(nextDate(c.to), zone),
    })),
    offsetChanges: offsetChanges(zone, from, to),
  };
}

/** The calendar date after `date` (`YYYY-MM-DD`; calendar arithmetic, no zone involved). */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
