/**
 * A schedule turned into numbers once (cached per schedule object): for each weekday the
 * merged ranges in milliseconds after local midnight (an overnight range ends after
 * 24 h), the dates that depart from the weekly pattern (closures, holidays, overrides:
 * day-exceptions.ts), and the resolved zone. Then the naive local intervals of any
 * stretch of the local timeline are a loop over days.
 */
import { parseSchedule, wasProducedByParse } from '../parse-schedule.ts';
import type { Schedule, TimeRange } from '../types.ts';
import { WEEKDAYS } from '../types.ts';
import { DAY_MS, MINUTE_MS, parseLocalDate, parseTime, weekdayIndexOfDay } from './civil.ts';
import {
  dayExceptions,
  exceptionOn,
  type ClosureSpan,
  type DayException,
  type DayExceptions,
} from './day-exceptions.ts';
import { pushMerged } from './interval-math.ts';
import { forEachSegment, offsetAt, resolveZone, type Zone } from './zone-offsets.ts';

export interface CompiledSchedule {
  readonly zone: Zone;
  /** Index 0 = Monday: flat `[s, e, …]` ms after local midnight, sorted, merged; e <= 2 days. */
  readonly days: readonly (readonly number[])[];
  /** Closures, holidays and overrides by local day number; null when there are none. */
  readonly exceptions: DayExceptions | null;
  /** Whether some range (weekly or override) runs past midnight into the next local date. */
  readonly overnight: boolean;
  /** Whether no weekday and no override has any range (the schedule covers nothing, ever). */
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
  const flatten = (ranges: readonly TimeRange[]): readonly number[] => {
    const flat = flatRanges(ranges);
    if ((flat.at(-1) ?? 0) > DAY_MS) overnight = true;
    return flat;
  };
  const days = WEEKDAYS.map((weekday) => flatten(normalized.weekly[weekday]));
  const overrides = new Map<number, DayException>();
  for (const [date, ranges] of Object.entries(normalized.overrides)) {
    const day = parseLocalDate(date) as number;
    const exception: DayException = {
      kind: 'override',
      name: date,
      title: null,
      ranges: flatten(ranges),
    };
    overrides.set(day, Object.freeze(exception));
  }
  const closures = normalized.closures.map((closure): ClosureSpan => {
    if (typeof closure === 'string') {
      const day = parseLocalDate(closure) as number;
      return { from: day, to: day, name: closure, title: null };
    }
    const from = parseLocalDate(closure.from) as number;
    const to = parseLocalDate(closure.to) as number;
    const dates = from === to ? closure.from : `${closure.from}/${closure.to}`;
    return { from, to, name: closure.name ?? dates, title: closure.name ?? null };
  });
  const exceptions = dayExceptions(closures, overrides, normalized.holidays);
  const never =
    days.every((ranges) => ranges.length === 0) &&
    [...overrides.values()].every((o) => o.ranges.length === 0);
  const compiled: CompiledSchedule = { zone, days, exceptions, overnight, never };
  cache.set(schedule, compiled);
  return compiled;
}

/** Flat `[s, e, …]` ms after midnight of ranges: sorted, merged; overnight ends after 24 h. */
function flatRanges(ranges: readonly TimeRange[]): readonly number[] {
  const pairs = ranges.map((range): [number, number] => {
    const start = parseTime(range.start, false) as number;
    let end = parseTime(range.end, true) as number;
    if (end < start) end += 1440;
    return [start * MINUTE_MS, end * MINUTE_MS];
  });
  pairs.sort((x, y) => x[0] - y[0]);
  const flat: number[] = [];
  for (const [s, e] of pairs) pushMerged(flat, s, e);
  return flat;
}

/** The ranges that start on local day number `day` (flat, ms after its midnight). */
export function rangesOn(c: CompiledSchedule, day: number): readonly number[] {
  if (c.exceptions !== null) {
    const exception = exceptionOn(c.exceptions, day);
    if (exception !== undefined) return exception.ranges;
  }
  return c.days[weekdayIndexOfDay(day)] as readonly number[];
}

/** The closure, holiday or override on local day number `day`, if any. */
export function exceptionOnDay(c: CompiledSchedule, day: number): DayException | undefined {
  return c.exceptions === null ? undefined : exceptionOn(c.exceptions, day);
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
    const ranges = rangesOn(c, d);
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
  const today = rangesOn(c, d);
  for (let i = 0; i < today.length; i += 2) {
    if ((today[i] as number) <= m && m < (today[i + 1] as number)) return true;
  }
  return c.overnight && coveredBySpill(c, d, m);
}

/** Whether time `m` (ms after midnight) of day `d` is covered by a range begun on day d-1. */
export function coveredBySpill(c: CompiledSchedule, d: number, m: number): boolean {
  const yesterday = rangesOn(c, d - 1);
  // Every start is before midnight, so only the end matters for yesterday's ranges.
  for (let i = 1; i < yesterday.length; i += 2) {
    if (m + DAY_MS < (yesterday[i] as number)) return true;
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
