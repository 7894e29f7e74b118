import { checkInstant } from './internal/civil.ts';
import { compile, isOpenAt } from './internal/compiled-schedule.ts';
import type { Schedule } from './types.ts';

/**
 * Whether the schedule covers instant `at`: whether the wall time a clock in the
 * schedule's zone shows at `at` falls in one of its ranges. Ranges are half-open
 * (`09:00–18:00` covers 09:00:00.000 up to 17:59:59.999, not 18:00); an overnight range
 * covers its start day from `start` and the next local date until `end`; a closure date
 * removes the ranges that start on it. Across DST, wall time decides: in a fall-back hour
 * both instants showing 01:30 are covered when 01:30 is; a skipped wall time (spring
 * forward) never happens, so it covers nothing.
 *
 * @throws {ScheduleError} for an invalid schedule, {RangeError} for an invalid Date.
 * @example
 * const s = parseSchedule({ timeZone: 'Asia/Kolkata', start: '09:00', end: '18:00' })
 * isOpen(s, new Date('2026-11-30T03:30:00Z')) // => true  (09:00 in Kolkata)
 * isOpen(s, new Date('2026-11-30T12:30:00Z')) // => false (18:00 in Kolkata: the end is excluded)
 */
export function isOpen(schedule: Schedule, at: Date): boolean {
  return isOpenAt(compile(schedule), checkInstant(at, 'at'));
}
