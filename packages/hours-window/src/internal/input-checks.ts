/**
 * Small checks shared by the readers of schedule input: each throws a ScheduleError that
 * names the offending value by its JSON pointer.
 */
import { childPath, ScheduleError } from '../schedule-error.ts';
import type { TimeRange } from '../types.ts';
import { isDateShaped, parseLocalDate, parseTime } from './civil.ts';

const RANGE_KEYS = ['start', 'end'];
const TIME_HINT = '(HH:MM, 00:00–23:59, or 24:00 as an end)';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(value)})`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function checkKeys(
  value: Record<string, unknown>,
  path: string,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ScheduleError(
        childPath(path, key),
        `unknown property (allowed: ${allowed.join(', ')})`,
      );
    }
  }
}

function readTime(value: unknown, path: string, isEnd: boolean): string {
  if (typeof value !== 'string')
    throw new ScheduleError(path, `expected a time string ${TIME_HINT}, got ${kindOf(value)}`);
  if (!isEnd && value === '24:00') {
    throw new ScheduleError(
      path,
      `'24:00' is not a start time (24:00 is only allowed as an end; use 00:00)`,
    );
  }
  if (parseTime(value, isEnd) === null)
    throw new ScheduleError(path, `'${value}' is not a time ${TIME_HINT}`);
  return value;
}

/** A range object `{start, end}` (no other keys). */
export function readRange(value: unknown, path: string): TimeRange {
  if (!isRecord(value))
    throw new ScheduleError(path, `expected a range {start, end}, got ${kindOf(value)}`);
  checkKeys(value, path, RANGE_KEYS);
  return checkedRange(value, path);
}

/** start and end of a range-like object (also the shorthand root), start != end. */
export function checkedRange(value: Record<string, unknown>, path: string): TimeRange {
  for (const key of RANGE_KEYS) {
    if (!Object.hasOwn(value, key))
      throw new ScheduleError(childPath(path, key), `missing: a range needs a start and an end`);
  }
  const start = readTime(value.start, childPath(path, 'start'), false);
  const end = readTime(value.end, childPath(path, 'end'), true);
  if (start === end) {
    throw new ScheduleError(
      childPath(path, 'end'),
      `end equals start ('${end}'): an empty range is refused; write 00:00–24:00 for a full day`,
    );
  }
  return Object.freeze({ start, end });
}

/** A list of ranges, sorted by start then end, frozen (a fresh array: inputs untouched). */
export function readRangeList(value: unknown, path: string): readonly TimeRange[] {
  if (!Array.isArray(value))
    throw new ScheduleError(path, `expected an array of ranges, got ${kindOf(value)}`);
  const ranges = value.map((range: unknown, i) => readRange(range, childPath(path, i)));
  ranges.sort((a, b) => compareText(a.start, b.start) || compareText(a.end, b.end));
  return Object.freeze(ranges);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A real calendar date `YYYY-MM-DD` (years 0001–9999); returns its day number. */
export function readDate(value: unknown, path: string): number {
  if (typeof value !== 'string')
    throw new ScheduleError(path, `expected a date string (YYYY-MM-DD), got ${kindOf(value)}`);
  if (!isDateShaped(value)) throw new ScheduleError(path, `'${value}' is not a date (YYYY-MM-DD)`);
  const day = parseLocalDate(value);
  if (day === null)
    throw new ScheduleError(path, `'${value}' is not a calendar date (no such day)`);
  return day;
}
