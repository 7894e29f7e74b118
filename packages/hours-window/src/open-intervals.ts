import { clampToSupported, validDateMs } from './internal/civil.ts';
import { compile, openFlat } from './internal/compiled-schedule.ts';
import { toIntervals } from './internal/interval-math.ts';
import type { Interval, Schedule } from './types.ts';

/**
 * The instants of `[from, to)` the schedule covers, as UTC intervals: sorted, merged
 * (overlapping or touching ranges become one interval: a 00:00–24:00 schedule gives one
 * interval with no gap at midnight) and clipped to `[from, to)`. Each interval is
 * half-open `[start, end)`. Exactly the instants for which {@link isOpen} is true: a DST
 * gap cuts a range short (09:00–18:00 on a 23-hour day is 8 hours if the gap falls
 * inside it), a repeated hour covered by a range lengthens it.
 *
 * Only the years 0001–9998 (up to 9999-12-31T00:00Z) are evaluated: `[from, to)` is clipped
 * to them, so a range beyond them gives no intervals rather than an error.
 *
 * @throws {ScheduleError} for an invalid schedule, {RangeError} for invalid Dates.
 * @example
 * const s = parseSchedule({ timeZone: 'America/New_York', start: '21:00', end: '02:00' })
 * openIntervals(s, new Date('2026-03-07T00:00:00Z'), new Date('2026-03-09T00:00:00Z'))
 * // => [{ start: 2026-03-07T02:00:00Z, end: 2026-03-07T07:00:00Z },   (Fri 21:00 – Sat 02:00 EST)
 * //     { start: 2026-03-08T02:00:00Z, end: 2026-03-08T07:00:00Z }]   (Sat 21:00 – Sun 02:00 = 03:00 EDT)
 */
export function openIntervals(schedule: Schedule, from: Date, to: Date): Interval[] {
  const c = compile(schedule);
  return toIntervals(
    openFlat(
      c,
      clampToSupported(validDateMs(from, 'from')),
      clampToSupported(validDateMs(to, 'to')),
    ),
  );
}
