/**
 * Reading the dates on which a schedule departs from its weekly pattern: closures (plain
 * dates or named ranges) and overrides (special hours for one local date). A date both
 * closed and overridden is refused: which of the two was meant cannot be guessed.
 */
import { childPath, readablePath, ScheduleError } from '../schedule-error.ts';
import type { Closure, ClosureRange, TimeRange } from '../types.ts';
import { formatDay } from './civil.ts';
import {
  checkKeys,
  compareText,
  isRecord,
  kindOf,
  readDate,
  readRangeList,
} from './input-checks.ts';

const CLOSURE_KEYS = ['from', 'to', 'name'];
/** Long enough for any holiday or vacation name, short enough to show in one line. */
export const MAX_CLOSURE_NAME = 200;

/** A closure read: its normalized form, its days, and where it was written. */
interface ReadClosure {
  readonly closure: Closure;
  readonly from: number;
  readonly to: number;
  readonly path: string;
}

/** The closures, normalized: unique, sorted by first date, last date, then name. */
export function readClosures(value: unknown): {
  closures: readonly Closure[];
  spans: readonly ReadClosure[];
} {
  if (value === undefined) return { closures: Object.freeze([]), spans: [] };
  if (!Array.isArray(value)) {
    throw new ScheduleError(
      '/closures',
      `expected an array of dates (YYYY-MM-DD) or {from, to?, name?}, got ${kindOf(value)}`,
    );
  }
  const spans = value.map((item: unknown, i) => readClosure(item, `/closures/${i}`));
  const seen = new Set<string>();
  const unique = spans.filter((span) => {
    const key = JSON.stringify(span.closure);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.from - b.from || a.to - b.to || compareText(nameOf(a), nameOf(b)));
  return { closures: Object.freeze(unique.map((span) => span.closure)), spans };
}

function nameOf(span: ReadClosure): string {
  return typeof span.closure === 'string' ? '' : (span.closure.name ?? '');
}

function readClosure(item: unknown, path: string): ReadClosure {
  if (typeof item === 'string') {
    const day = readDate(item, path);
    return { closure: item, from: day, to: day, path };
  }
  if (!isRecord(item)) {
    throw new ScheduleError(
      path,
      `expected a date (YYYY-MM-DD) or {from, to?, name?}, got ${kindOf(item)}`,
    );
  }
  checkKeys(item, path, CLOSURE_KEYS);
  if (!Object.hasOwn(item, 'from'))
    throw new ScheduleError(childPath(path, 'from'), 'missing: a closure range needs a from date');
  const from = readDate(item.from, childPath(path, 'from'));
  const to = Object.hasOwn(item, 'to') ? readDate(item.to, childPath(path, 'to')) : from;
  if (to < from) {
    throw new ScheduleError(
      childPath(path, 'to'),
      `'${formatDay(to)}' is before from ('${formatDay(from)}'): a closure range runs forward`,
    );
  }
  const name = Object.hasOwn(item, 'name')
    ? readName(item.name, childPath(path, 'name'))
    : undefined;
  const fromText = formatDay(from);
  if (name === undefined && to === from) return { closure: fromText, from, to, path };
  const closure: ClosureRange = Object.freeze({
    from: fromText,
    to: formatDay(to),
    ...(name === undefined ? {} : { name }),
  });
  return { closure, from, to, path };
}

function readName(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new ScheduleError(path, `expected a name (a string), got ${kindOf(value)}`);
  if (value.trim() === '') throw new ScheduleError(path, 'must not be empty or blank');
  if (value.length > MAX_CLOSURE_NAME)
    throw new ScheduleError(path, `is longer than ${MAX_CLOSURE_NAME} characters`);
  return value;
}

/**
 * The overrides, normalized (keys in date order, each list sorted), checked against the
 * closures: a date both closed and overridden is refused, naming the override.
 */
export function readOverrides(
  value: unknown,
  closures: readonly ReadClosure[],
): Readonly<Record<string, readonly TimeRange[]>> {
  if (value === undefined) return Object.freeze({});
  if (!isRecord(value)) {
    throw new ScheduleError(
      '/overrides',
      `expected an object of dates (YYYY-MM-DD) to lists of ranges, got ${kindOf(value)}`,
    );
  }
  const entries = Object.keys(value).map((date): [string, readonly TimeRange[]] => {
    const path = childPath('/overrides', date);
    const day = readDate(date, path);
    const closed = closures.find((c) => c.from <= day && day <= c.to);
    if (closed !== undefined) {
      throw new ScheduleError(
        path,
        `${date} is also closed by ${readablePath(closed.path)}: a date cannot be both closed and overridden`,
      );
    }
    return [date, readRangeList(value[date], path)];
  });
  entries.sort((a, b) => compareText(a[0], b[0]));
  return Object.freeze(Object.fromEntries(entries));
}
