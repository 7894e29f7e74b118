/**
 * The shared vocabulary of the hours-window library: weekdays, wall-clock ranges,
 * schedules and UTC intervals. Everything else in the package speaks in these terms.
 */

/** A day of the week, as schedules spell it: exactly `mon` … `sun`. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Weekdays in ISO order (Monday first); index + 1 is the ISO weekday number. */
export const WEEKDAYS: readonly Weekday[] = Object.freeze([
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
]);

/**
 * A local wall-clock range on one weekday. `start` is `HH:MM` (00:00–23:59); `end` is
 * `HH:MM` or `24:00`. `start < end` is a same-day range `[start, end)`; `end < start` is
 * overnight: `>= start` on the day, `< end` on the following local date.
 */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

/**
 * A normalized weekly schedule in one IANA time zone (what {@link parseSchedule} returns).
 * Every weekday key is present; ranges are sorted by start, then end; closures are sorted, unique
 * local dates (`YYYY-MM-DD`) on which no range *starts*.
 */
export interface Schedule {
  readonly timeZone: string;
  readonly weekly: Readonly<Record<Weekday, readonly TimeRange[]>>;
  readonly closures: readonly string[];
}

/** A half-open span of absolute time `[start, end)`, in UTC. */
export interface Interval {
  readonly start: Date;
  readonly end: Date;
}
