/**
 * @screenmagic/hours-window — weekly working hours in IANA time zones, evaluated exactly
 * (minute by minute, across DST) for concrete instants. Pure: every instant and zone is
 * an argument; nothing reads the system clock or the process's TZ.
 */
export {
  WEEKDAYS,
  type Closure,
  type ClosureRange,
  type ExplainCause,
  type ExplainReason,
  type Explanation,
  type HolidaySource,
  type Interval,
  type Schedule,
  type TimeRange,
  type Weekday,
} from './types.ts';
export { ScheduleError } from './schedule-error.ts';
export { parseSchedule, type ParseScheduleOptions } from './parse-schedule.ts';
export {
  ClosureRangeInputSchema,
  ClosureRangeSchema,
  HolidaysSchema,
  LocalDateSchema,
  OverridesSchema,
  ScheduleInputSchema,
  ScheduleSchema,
  ShorthandScheduleInputSchema,
  TimeRangeSchema,
  TimeZoneSchema,
  WeekdaySchema,
  WeeklyScheduleInputSchema,
  type ScheduleInput,
} from './schemas.ts';
export { isOpen } from './is-open.ts';
export { openIntervals } from './open-intervals.ts';
export { intersect } from './intersect.ts';
export { sharedOpenIntervals } from './shared-open-intervals.ts';
export { nextOpen, type NextOpenOptions } from './next-open.ts';
export { isClosedDay, isClosedOn } from './closed-day.ts';
export { closuresBetween, type ClosedDates } from './closures-between.ts';
export { explainAt, type ExplainOptions } from './explain-at.ts';
export { localDateOf, weekdayOf } from './local-date.ts';
export { offsetChanges, startOfLocalDate, type OffsetChange } from './local-day.ts';
export { describeLocal, formatLocal, type LocalDescription } from './format-local.ts';
export { isValidTimeZone } from './time-zone.ts';
