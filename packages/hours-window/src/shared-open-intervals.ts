import { clampToSupported, validDateMs } from './internal/civil.ts';
import { compile, openFlat, type CompiledSchedule } from './internal/compiled-schedule.ts';
import { intersectFlat, toIntervals } from './internal/interval-math.ts';
import type { Interval, Schedule } from './types.ts';

/**
 * The instants of `[from, to)` covered by every schedule at once (e.g. a customer's
 * delivery window: the business calendar ∩ the customer's hours), as sorted, merged,
 * half-open UTC intervals clipped to `[from, to)`. Computed for concrete instants, so
 * weeks in which two zones' DST rules disagree get their own overlap.
 *
 * Only the years 0001–9998 (up to 9999-12-31T00:00Z) are evaluated: `[from, to)` is clipped
 * to them, so a range beyond them gives no intervals rather than an error.
 *
 * @throws {RangeError} for an empty list of schedules or invalid Dates;
 *   {ScheduleError} for an invalid schedule.
 * @example
 * const business = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] })
 * const customer = parseSchedule({ timeZone: 'America/New_York', start: '08:00', end: '20:00' })
 * sharedOpenIntervals([business, customer], new Date('2026-01-05T00:00Z'), new Date('2026-01-06T00:00Z'))
 * // => [{ start: 2026-01-05T13:00:00.000Z, end: 2026-01-05T18:00:00.000Z }]
 */
export function sharedOpenIntervals(
  schedules: readonly Schedule[],
  from: Date,
  to: Date,
): Interval[] {
  const compiled = compileAll(schedules);
  return toIntervals(
    sharedFlat(
      compiled,
      clampToSupported(validDateMs(from, 'from')),
      clampToSupported(validDateMs(to, 'to')),
    ),
  );
}

/** Compiled schedules of a non-empty list, or a RangeError. */
export function compileAll(schedules: readonly Schedule[]): CompiledSchedule[] {
  if (schedules.length === 0) throw new RangeError('at least one schedule is needed');
  return schedules.map(compile);
}

/** The intersection of the schedules' covered instants in [from, to), flat. */
export function sharedFlat(
  compiled: readonly CompiledSchedule[],
  from: number,
  to: number,
): number[] {
  let acc: number[] = [];
  compiled.forEach((c, i) => {
    if (i === 0) acc = openFlat(c, from, to);
    else if (acc.length > 0) acc = intersectFlat(acc, openFlat(c, from, to));
  });
  return acc;
}
