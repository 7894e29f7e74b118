import { DAY_MS, MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, validDateMs } from './internal/civil.ts';
import { isOpenAt } from './internal/compiled-schedule.ts';
import { compileAll, sharedFlat } from './shared-open-intervals.ts';
import type { Schedule } from './types.ts';

/** Options of {@link nextOpen}. */
export interface NextOpenOptions {
  /** How far to look, in days of 24 hours after `at` (inclusive). Default 366. */
  readonly horizonDays?: number;
}

const FIRST_WINDOW_MS = DAY_MS;
const MAX_WINDOW_MS = 32 * DAY_MS;

/**
 * The earliest instant `>= at` that every schedule covers: `at` itself when all are open
 * at `at`, otherwise the start of the next shared opening (an interval start, so a range
 * opening at 09:00 gives 09:00:00.000 local). Wall-clock rules as in {@link isOpen}: an
 * opening time that a spring-forward gap skips is never returned (the first covered
 * instant after the gap is). Returns null when there is none at most `horizonDays` days
 * (of 24 hours) after `at`.
 *
 * Schedules are evaluated in the years 0001–9998 (through 9999-12-31T00:00Z): an `at` at
 * or past the end, or a horizon reaching past it, is not an error — openings beyond it
 * are simply not found (null when there is none before it). An `at` before year 0001
 * searches from 0001-01-01T00:00Z.
 *
 * @throws {RangeError} for an empty list, an invalid Date or a negative/non-finite
 *   horizon; {ScheduleError} for an invalid schedule.
 * @example
 * const business = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '18:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] })
 * nextOpen(business, new Date('2026-12-04T18:01:00Z')) // Friday 18:01 → Monday 09:00
 * // => 2026-12-07T09:00:00.000Z
 * nextOpen(business, new Date('2026-12-07T10:00:00Z')) // open: the instant itself
 * // => 2026-12-07T10:00:00.000Z
 */
export function nextOpen(
  schedules: Schedule | readonly Schedule[],
  at: Date,
  options: NextOpenOptions = {},
): Date | null {
  const compiled = compileAll(isScheduleList(schedules) ? schedules : [schedules]);
  const atMs = validDateMs(at, 'at');
  const horizonDays = options.horizonDays ?? 366;
  if (!(Number.isFinite(horizonDays) && horizonDays >= 0)) {
    throw new RangeError(`horizonDays must be a finite number >= 0, got ${horizonDays}`);
  }
  const found = nextOpenMs(
    compiled,
    Math.max(atMs, MIN_SUPPORTED_MS),
    Math.min(atMs + Math.floor(horizonDays * DAY_MS) + 1, MAX_SUPPORTED_MS),
  );
  return found === null ? null : new Date(found);
}

function isScheduleList(value: Schedule | readonly Schedule[]): value is readonly Schedule[] {
  return Array.isArray(value);
}

/** The first instant in [t, limit) open in all compiled schedules, or null. */
export function nextOpenMs(
  compiled: Parameters<typeof sharedFlat>[0],
  t: number,
  limit: number,
): number | null {
  if (t >= limit || compiled.some((c) => c.never)) return null;
  if (compiled.every((c) => isOpenAt(c, t))) return t;
  // Most answers are within a day (tonight → tomorrow morning); weekends and holidays
  // need a few days; an empty intersection is scanned in ever larger windows.
  let window = FIRST_WINDOW_MS;
  for (let from = t; from < limit;) {
    const to = Math.min(from + window, limit);
    const shared = sharedFlat(compiled, from, to);
    if (shared.length > 0) return shared[0] as number;
    from = to;
    window = Math.min(window * 2, MAX_WINDOW_MS);
  }
  return null;
}
