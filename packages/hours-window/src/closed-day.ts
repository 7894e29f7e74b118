import { DAY_MS, checkInstant } from './internal/civil.ts';
import { compile, rangesOn } from './internal/compiled-schedule.ts';
import { offsetAt } from './internal/zone-offsets.ts';
import { localDateArgument } from './local-date.ts';
import type { Schedule } from './types.ts';

/**
 * Whether the business is closed on the local date `localDate` (`YYYY-MM-DD`, in the
 * schedule's zone): no range starts on it — its weekday has no ranges, or it is a
 * closure, a public holiday or an override `[]` (an override with hours opens it, even on
 * a holiday or a weekend). An overnight range begun the evening before may still cover its early hours;
 * the day counts as closed all the same.
 *
 * @throws {RangeError} when `localDate` is not a real date; {ScheduleError} for an invalid schedule.
 * @example
 * const s = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'], closures: ['2026-12-25'] })
 * isClosedOn(s, '2026-12-25') // => true  (a Friday, but a closure)
 * isClosedOn(s, '2026-12-26') // => true  (Saturday)
 * isClosedOn(s, '2026-12-28') // => false (Monday)
 */
export function isClosedOn(schedule: Schedule, localDate: string): boolean {
  const c = compile(schedule);
  const day = localDateArgument(localDate);
  return closedDay(c, day);
}

/**
 * Whether the business is closed on the local date of instant `at` in the schedule's zone
 * (see {@link isClosedOn}); the local date changes at local midnight.
 *
 * @throws {RangeError} for an invalid Date; {ScheduleError} for an invalid schedule.
 * @example
 * // 2026-12-25T23:30Z is already Saturday 26 December in Auckland
 * isClosedDay(parseSchedule({ timeZone: 'Pacific/Auckland', start: '09:00', end: '17:00', days: ['sat'] }), new Date('2026-12-25T23:30:00Z'))
 * // => false
 */
export function isClosedDay(schedule: Schedule, at: Date): boolean {
  const c = compile(schedule);
  const t = checkInstant(at, 'at');
  return closedDay(c, Math.floor((t + offsetAt(c.zone, t)) / DAY_MS));
}

function closedDay(c: ReturnType<typeof compile>, day: number): boolean {
  return rangesOn(c, day).length === 0;
}
