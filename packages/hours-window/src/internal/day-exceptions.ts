/**
 * The dates on which a schedule departs from its weekly pattern — closures, public
 * holidays and overrides — resolved per local date, in that order of precedence
 * (an override replaces whatever the date would otherwise have; a closure is named before
 * a holiday on the same date). Resolved lazily one calendar year at a time and cached, so
 * a lookup on the hot path is a Map hit.
 */
import type { HolidaySource } from '../types.ts';
import { civilFromDays, daysFromCivil } from './civil.ts';
import { holidayDays } from './holiday-calendar.ts';

/** Why a date departs from the weekly pattern, and what starts on it instead. */
export interface DayException {
  readonly kind: 'closure' | 'holiday' | 'override';
  /** The closure's or holiday's name; for an unnamed closure its dates, for an override its date. */
  readonly name: string;
  /** The name as given (a holiday's, a named closure's), null for unnamed closures and overrides. */
  readonly title: string | null;
  /** For a closure: its whole span. */
  readonly span?: ClosureSpan;
  /** Flat `[s, e, …]` ms after the date's local midnight, sorted, merged; `[]` = closed. */
  readonly ranges: readonly number[];
}

export interface ClosureSpan {
  readonly from: number;
  readonly to: number;
  /** Its name, or its dates (`2026-12-25`, `2026-12-24/2027-01-01`) when unnamed. */
  readonly name: string;
  readonly title: string | null;
}

interface YearCache {
  readonly first: number;
  readonly last: number;
  readonly days: ReadonlyMap<number, DayException>;
}

export interface DayExceptions {
  readonly closures: readonly ClosureSpan[];
  readonly overrides: ReadonlyMap<number, DayException>;
  readonly holidays: HolidaySource | undefined;
  readonly years: Map<number, YearCache>;
  /** The year looked up last (consecutive lookups are nearly always in the same year). */
  last: YearCache | undefined;
}

const CLOSED: readonly number[] = Object.freeze([]);
const MAX_YEARS = 400;

export function dayExceptions(
  closures: readonly ClosureSpan[],
  overrides: ReadonlyMap<number, DayException>,
  holidays: HolidaySource | undefined,
): DayExceptions | null {
  if (closures.length === 0 && overrides.size === 0 && holidays === undefined) return null;
  return { closures, overrides, holidays, years: new Map(), last: undefined };
}

/** The exception on local day number `day`, if any. */
export function exceptionOn(x: DayExceptions, day: number): DayException | undefined {
  const last = x.last;
  if (last !== undefined && day >= last.first && day <= last.last) return last.days.get(day);
  return yearOf(x, day).days.get(day);
}

function yearOf(x: DayExceptions, day: number): YearCache {
  const [year] = civilFromDays(day);
  let cache = x.years.get(year);
  if (cache === undefined) {
    cache = buildYear(x, year);
    if (x.years.size >= MAX_YEARS) x.years.clear();
    x.years.set(year, cache);
  }
  x.last = cache;
  return cache;
}

function buildYear(x: DayExceptions, year: number): YearCache {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year + 1, 1, 1) - 1;
  const days = new Map<number, DayException>();
  if (x.holidays !== undefined) {
    const { country, region } = x.holidays;
    for (const [day, name] of holidayDays(country, region, year, first, last)) {
      days.set(day, { kind: 'holiday', name, title: name, ranges: CLOSED });
    }
  }
  for (const closure of x.closures) {
    if (closure.to < first || closure.from > last) continue;
    const exception: DayException = {
      kind: 'closure',
      name: closure.name,
      title: closure.title,
      span: closure,
      ranges: CLOSED,
    };
    const end = Math.min(closure.to, last);
    for (let d = Math.max(closure.from, first); d <= end; d++) {
      // Closures are sorted by first date: the first one listed names a shared date.
      if (days.get(d)?.kind !== 'closure') days.set(d, exception);
    }
  }
  for (const [day, exception] of x.overrides) {
    if (day >= first && day <= last) days.set(day, exception);
  }
  return { first, last, days };
}
