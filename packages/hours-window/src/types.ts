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
 * A closure spelled as a range of local dates: `from` to `to` inclusive (`YYYY-MM-DD`),
 * with an optional `name` shown wherever the closure explains a decision. In a normalized
 * schedule `to` is always present.
 */
export interface ClosureRange {
  readonly from: string;
  readonly to: string;
  readonly name?: string;
}

/**
 * A normalized closure: a plain local date `YYYY-MM-DD` (one unnamed day, as most inputs
 * spell it) or a {@link ClosureRange} (several days, or a named one).
 */
export type Closure = string | ClosureRange;

/** Whose public holidays close a schedule: ISO 3166 country and optional subdivision codes. */
export interface HolidaySource {
  /** `IN`, `GB`, … (upper case in a normalized schedule) */
  readonly country: string;
  /** `MH`, `SCT`, … (date-holidays' "state" level, spelled as the data set does) */
  readonly region?: string;
}

/**
 * A normalized weekly schedule in one IANA time zone (what {@link parseSchedule} returns).
 * Every weekday key is present; ranges are sorted by start, then end; closures are unique,
 * sorted by first date (then last date, then name); overrides are keyed by local date
 * (`YYYY-MM-DD`, keys in date order), each list sorted like a weekday's; `holidays` is
 * present only when the schedule names a holiday source.
 *
 * On a local date, the ranges that *start* on it are: the override's list when the date has
 * one; else none when a closure or a public holiday covers it; else the weekday's ranges.
 */
export interface Schedule {
  readonly timeZone: string;
  readonly weekly: Readonly<Record<Weekday, readonly TimeRange[]>>;
  readonly closures: readonly Closure[];
  readonly overrides: Readonly<Record<string, readonly TimeRange[]>>;
  readonly holidays?: HolidaySource;
}

/** A half-open span of absolute time `[start, end)`, in UTC. */
export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/** The codes {@link explainAt} answers with (SPEC §5; `OPEN` when open). */
export type ExplainReason =
  | 'OPEN'
  | 'BUSINESS_CLOSED_DAY'
  | 'BUSINESS_CLOSURE'
  | 'OUTSIDE_BUSINESS_HOURS'
  | 'CUSTOMER_CLOSURE'
  | 'OUTSIDE_CUSTOMER_HOURS';

/**
 * What decided, independent of the side: `hours` open inside a weekly range (or its
 * overnight spill-over); `special-hours` the date's override governs (open inside its
 * ranges, closed outside them); `closed-weekday` that weekday has no ranges; `closure` a
 * closure date or range; `holiday` a public holiday; `closed-override` an override `[]`;
 * `outside-hours` a working day outside its ranges; `dst-gap` the wall time that would
 * have been open was skipped by a spring-forward change.
 */
export type ExplainCause =
  | 'hours'
  | 'special-hours'
  | 'closed-weekday'
  | 'closure'
  | 'holiday'
  | 'closed-override'
  | 'outside-hours'
  | 'dst-gap';

/** The answer of {@link explainAt}. */
export interface Explanation {
  readonly open: boolean;
  /** `OPEN`, or the SPEC §5 code of the side asked for. */
  readonly reason: ExplainReason;
  readonly cause: ExplainCause;
  /** The name of the closure or holiday that closed the day, or the date of the override. */
  readonly closure?: string;
  /** `at` in the schedule's zone, RFC 3339 with its offset. */
  readonly localTime: string;
  /** The local date of `at` (`YYYY-MM-DD`). */
  readonly localDate: string;
  /** The next instant after `at` at which open-ness flips; null if none within the horizon. */
  readonly nextChange: Date | null;
}
