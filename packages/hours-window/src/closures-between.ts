import type { Schedule } from './types.ts';
import { formatDay } from './internal/civil.ts';
import { compile, exceptionOnDay } from './internal/compiled-schedule.ts';
import { localDateArgument } from './local-date.ts';

/** A stretch of closed local dates, as {@link closuresBetween} lists them. */
export interface ClosedDates {
  /** First local date (`YYYY-MM-DD`); for a closure range, its own first date. */
  readonly from: string;
  /** Last local date, inclusive. */
  readonly to: string;
  /** The closure's or holiday's name; null for an unnamed closure or an override `[]`. */
  readonly name: string | null;
  readonly kind: 'closure' | 'holiday' | 'override';
}

/** A bound against accidental century-long scans (ten years of dates). */
const MAX_DAYS = 3_660;

/**
 * The closures, public holidays and closed overrides (`[]`) that close local dates between
 * `from` and `to` (inclusive, `YYYY-MM-DD` in the schedule's zone), in date order: a
 * closure range once with its whole span (even if it began before `from`), consecutive
 * dates of one holiday as one entry (Eid al-Fitr: three days), each closed override as
 * one date. A holiday that an override opens is not listed, nor are weekdays without
 * hours; a closure shadowed on every date by an earlier-listed one is not listed either.
 *
 * @throws {RangeError} for dates that are not real, `to` before `from`, or more than ten
 *   years of dates; {ScheduleError} for an invalid schedule.
 * @example
 * const s = parseSchedule({ timeZone: 'Europe/London', start: '09:00', end: '17:30',
 *   holidays: { country: 'GB' }, closures: [{ from: '2026-12-29', to: '2026-12-31', name: 'Winter break' }] })
 * closuresBetween(s, '2026-12-20', '2027-01-10')
 * // => [{ from: '2026-12-25', to: '2026-12-25', name: 'Christmas Day', kind: 'holiday' },
 * //     { from: '2026-12-26', to: '2026-12-26', name: 'Boxing Day', kind: 'holiday' },
 * //     { from: '2026-12-28', to: '2026-12-28', name: 'Boxing Day (substitute day)', kind: 'holiday' },
 * //     { from: '2026-12-29', to: '2026-12-31', name: 'Winter break', kind: 'closure' },
 * //     { from: '2027-01-01', to: '2027-01-01', name: "New Year's Day", kind: 'holiday' }]
 */
export function closuresBetween(schedule: Schedule, from: string, to: string): ClosedDates[] {
  const c = compile(schedule);
  const first = localDateArgument(from);
  const last = localDateArgument(to);
  if (last < first) throw new RangeError(`to (${to}) is before from (${from})`);
  if (last - first >= MAX_DAYS)
    throw new RangeError(`at most ${MAX_DAYS} dates at once, got ${last - first + 1}`);
  const out: ClosedDates[] = [];
  const closuresListed = new Set<object>();
  for (let day = first; day <= last; day++) {
    const exception = exceptionOnDay(c, day);
    if (exception === undefined || exception.ranges.length > 0) continue;
    const date = formatDay(day);
    const { kind, title, span } = exception;
    if (span !== undefined) {
      if (closuresListed.has(span)) continue;
      closuresListed.add(span);
      out.push({ from: formatDay(span.from), to: formatDay(span.to), name: title, kind });
      continue;
    }
    const previous = out.at(-1);
    if (
      kind === 'holiday' &&
      previous?.kind === 'holiday' &&
      previous.name === title &&
      previous.to === formatDay(day - 1)
    ) {
      out[out.length - 1] = { ...previous, to: date };
      continue;
    }
    out.push({ from: date, to: date, name: title, kind });
  }
  return out;
}
