/**
 * A schedule turned into numbers once (cached per schedule object): for each weekday the
 * merged ranges in milliseconds after local midnight (an overnight range ends after
 * 24 h), the closures as day numbers, and the resolved zone. Then the naive local
 * intervals of any stretch of the local timeline are a loop over days.
 */
import { parseSchedule, wasProducedByParse } from '../parse-schedule.ts';
import type { Schedule } from '../types.ts';
import { WEEKDAYS } from '../types.ts';
import { DAY_MS, MINUTE_MS, parseLocalDate, parseTime, weekdayIndexOfDay } from './civil.ts';
import { pushMerged } from './interval-math.ts';
import { forEachSegment, offsetAt, resolveZone, type Zone } from './zone-offsets.ts';

export interface CompiledSchedule {
  readonly zone: Zone;
  /** Index 0 = Monday: flat `[s, e, …]` ms after local midnight, sorted, merged; e <= 2 days. */
  readonly days: readonly (readonly number[])[];
  readonly closures: ReadonlySet<number>;
  /** Whether some range runs past midnight into the next local date. */
  readonly overnight: boolean;
  /** Whether no weekday has any range (the schedule covers nothing, ever). */
  readonly never: boolean;
}

const cache = new WeakMap<Schedule, CompiledSchedule>();

/**
 * The compiled form of a schedule. A schedule that did not come from parseSchedule (say,
 * read back from a database) is validated by it first, so bad data fails loudly with a
 * ScheduleError rather than being read loosely. Schedules are values: do not mutate one
 * after using it (parseSchedule's results are frozen).
 */
export function compile(schedule: Schedule): CompiledSchedule {
  const hit = cache.get(schedule);
  if (hit !== undefined) return hit;
  const normalized = wasProducedByParse(schedule) ? schedule : parseSchedule(schedule);
  const zone = resolveZone(normalized.timeZone);
  if (zone === null) throw new Error(`unreachable: parseSchedule accepted ${normalized.timeZone}`);
  let overnight = false;
  const days = WEEKDAYS.map((weekday) => {
    const pairs = normalized.weekly[weekday].map((range): [number, number] => {
      const start = parseTime(range.start, false) as number;
      let end = parseTime(range.end, true) as number;
      if (end < start) end += 1440;
      if (end > 1440) overnight = true;
      return [start * MINUTE_MS, end * MINUTE_MS];
    });
    pairs.sort((x, y) => x[0] - y[0]);
    const flat: number[] = [];
    for (const [s, e] of pairs) pushMerged(flat, s, e);
    return flat;
  });
  const closures = new Set(normalized.closures.map((date) => parseLocalDate(date) as number));
  const never = days.every((ranges) => ranges.length === 0);
  const compiled: CompiledSchedule = { zone, days, closures, overnight, never };
  cache.set(schedule, compiled);
  return compiled;
}

/**
 * Appends to `out` the covered local times within the naive local window [from, to),
 * shifted by `-shift` (pass the segment's offset to get back to UTC), merged into `out`
 * (whose intervals must all start at or before the first appended one).
 */
export function appendLocalIntervals(
  c: CompiledSchedule,
  from: number,
  to: number,
  shift: number,
  out: number[],
): void {
  const lastDay = Math.floor((to - 1) / DAY_MS);
  for (let d = Math.floor(from / DAY_MS) - (c.overnight ? 1 : 0); d <= lastDay; d++) {
    if (c.closures.has(d)) continue;
    const ranges = c.days[weekdayIndexOfDay(d)] as readonly number[];
    const base = d * DAY_MS;
    for (let i = 0; i < ranges.length; i += 2) {
      const s = Math.max(base + (ranges[i] as number), from);
      const e = Math.min(base + (ranges[i + 1] as number), to);
      if (s < e) pushMerged(out, s - shift, e - shift);
    }
  }
}

/** Whether the naive local time `local` is covered (the spec's rule, read directly). */
export function coversLocal(c: CompiledSchedule, local: number): boolean {
  const d = Math.floor(local / DAY_MS);
  const m = local - d * DAY_MS;
  if (!c.closures.has(d)) {
    const ranges = c.days[weekdayIndexOfDay(d)] as readonly number[];
    for (let i = 0; i < ranges.length; i += 2) {
      if ((ranges[i] as number) <= m && m < (ranges[i + 1] as number)) return true;
    }
  }
  if (c.overnight && !c.closures.has(d - 1)) {
    const ranges = c.days[weekdayIndexOfDay(d - 1)] as readonly number[];
    // Every start is before midnight, so only the end matters for yesterday's ranges.
    for (let i = 1; i < ranges.length; i += 2) {
      if (m + DAY_MS < (ranges[i] as number)) return true;
    }
  }
  return false;
}

/** Whether instant `t` (ms) is covered. */
export function isOpenAt(c: CompiledSchedule, t: number): boolean {
  return coversLocal(c, t + offsetAt(c.zone, t));
}

/** The covered instants of [from, to) as a flat, sorted, merged list (ms). */
export function openFlat(c: CompiledSchedule, from: number, to: number): number[] {
  const out: number[] = [];
  if (c.never) return out;
  forEachSegment(c.zone, from, to, (a, b, offset) => {
    appendLocalIntervals(c, a + offset, b + offset, offset, out);
  });
  return out;
}
