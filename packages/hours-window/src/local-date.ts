import {
  DAY_MS,
  checkInstant,
  formatDay,
  parseLocalDate,
  weekdayIndexOfDay,
} from './internal/civil.ts';
import { zoneArgument } from './internal/zone-arg.ts';
import { offsetAt } from './internal/zone-offsets.ts';
import { WEEKDAYS, type Weekday } from './types.ts';

/**
 * The local calendar date (`YYYY-MM-DD`) of instant `at` in `timeZone`: the date a wall
 * calendar there shows at that instant. A day starts at local 00:00 inclusive.
 *
 * @throws {RangeError} for an unknown zone or an invalid Date.
 * @example
 * localDateOf(new Date('2026-12-24T11:30:00Z'), 'Pacific/Auckland') // => '2026-12-25'
 * localDateOf(new Date('2026-12-24T11:30:00Z'), 'America/New_York') // => '2026-12-24'
 */
export function localDateOf(at: Date, timeZone: string): string {
  const zone = zoneArgument(timeZone);
  const t = checkInstant(at, 'at');
  return formatDay(Math.floor((t + offsetAt(zone, t)) / DAY_MS));
}

/**
 * The weekday of a local calendar date (`YYYY-MM-DD`), as schedules spell it. A date has
 * the same weekday in every zone, so no zone is needed.
 *
 * @throws {RangeError} when `localDate` is not a real date `YYYY-MM-DD`.
 * @example
 * weekdayOf('2026-12-07') // => 'mon'
 */
export function weekdayOf(localDate: string): Weekday {
  return WEEKDAYS[weekdayIndexOfDay(localDateArgument(localDate))] as Weekday;
}

/** Day number of a `YYYY-MM-DD` argument, or a RangeError. */
export function localDateArgument(localDate: string): number {
  const day = typeof localDate === 'string' ? parseLocalDate(localDate) : null;
  if (day === null)
    throw new RangeError(`${JSON.stringify(localDate)} is not a calendar date (YYYY-MM-DD)`);
  return day;
}
